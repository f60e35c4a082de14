package org.amity.consumers.dashboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Dashboard users as configured: {@code NAME=HASH}, {@code NAME.office=OFFICE} for a user of one office and
 * {@code NAME.role=officer} for an officer.
 */
class DashboardUsersTest {
  private static final String HASH = PasswordHashes.hash("secret".toCharArray());

  @Test
  void aUserWithAnOfficeEntryBelongsToThatOfficeAndAUserWithoutSeesEveryOffice() {
    DashboardUsers users = DashboardUsers.fromEntries(Map.of("li.wei", HASH, "li.wei.office", "shanghai-changning",
        "wang", HASH));
    assertThat(users.office("li.wei")).hasValue("shanghai-changning");
    assertThat(users.office("wang")).isEmpty();
    assertThat(users.authenticate("li.wei", "secret".toCharArray())).hasValue("li.wei");
    assertThat(users.authenticate("li.wei.office", "secret".toCharArray())).as("an office entry is no user")
        .isEmpty();
  }

  @Test
  void anOfficeForAUserWithoutAPasswordIsRefusedByName() {
    assertThatThrownBy(() -> DashboardUsers.fromEntries(Map.of("li.wei", HASH, "li.wie.office", "shanghai")))
        .hasMessageContaining("li.wie").hasMessageContaining("no password hash");
  }

  @Test
  void anOfficeThatIsNotAnOfficeIdIsRefused() {
    assertThatThrownBy(() -> new DashboardUsers(Map.of("li", HASH), Map.of("li", "Shanghai, Changning")))
        .hasMessageContaining("user li").hasMessageContaining("Shanghai, Changning");
  }

  @Test
  void aUserIsAViewerUnlessMadeAnOfficer() {
    DashboardUsers users = DashboardUsers.fromEntries(Map.of("li.wei", HASH, "li.wei.role", "officer",
        "wang", HASH, "zhao", HASH, "zhao.role", "viewer"));
    assertThat(users.role("li.wei")).isEqualTo(DashboardUsers.ROLE_OFFICER);
    assertThat(users.role("wang")).isEqualTo(DashboardUsers.ROLE_VIEWER);
    assertThat(users.role("zhao")).isEqualTo(DashboardUsers.ROLE_VIEWER);
    assertThat(users.authenticate("li.wei.role", "secret".toCharArray())).as("a role entry is no user").isEmpty();
  }

  @Test
  void anUnknownRoleOrARoleWithoutAPasswordIsRefusedByName() {
    assertThatThrownBy(() -> DashboardUsers.fromEntries(Map.of("li.wei", HASH, "li.wei.role", "admin")))
        .hasMessageContaining("li.wei").hasMessageContaining("admin");
    assertThatThrownBy(() -> DashboardUsers.fromEntries(Map.of("li.wei", HASH, "li.wie.role", "officer")))
        .hasMessageContaining("li.wie").hasMessageContaining("no password hash");
  }

  @Test
  void aHashWithFewerIterationsStillSignsInAndIsHashedAgainWithTheCurrentCount() throws Exception {
    String weak = pbkdf2("old-secret", 120_000);
    DashboardUsers users = new DashboardUsers(Map.of("li", weak));

    assertThat(users.authenticate("li", "wrong".toCharArray())).isEmpty();
    assertThat(users.hashInUse("li")).isEqualTo(weak);
    assertThat(users.authenticate("li", "old-secret".toCharArray())).contains("li");

    assertThat(users.hashInUse("li")).startsWith("pbkdf2-sha256$600000$");
    assertThat(PasswordHashes.matches("old-secret".toCharArray(), users.hashInUse("li"))).isTrue();
    assertThat(users.authenticate("li", "old-secret".toCharArray())).contains("li");
    assertThat(users.authenticate("li", "wrong".toCharArray())).isEmpty();
  }

  @Test
  void newHashesUseTheIterationsOwaspAsksForPbkdf2HmacSha256() {
    assertThat(HASH).startsWith("pbkdf2-sha256$600000$");
    assertThat(PasswordHashes.isWeak(HASH)).isFalse();
  }

  /** A hash as an earlier Amity made it, derived here with the JDK alone. */
  private static String pbkdf2(String password, int iterations) throws Exception {
    byte[] salt = "0123456789abcdef".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    byte[] key = javax.crypto.SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256")
        .generateSecret(new javax.crypto.spec.PBEKeySpec(password.toCharArray(), salt, iterations, 256)).getEncoded();
    java.util.Base64.Encoder b64 = java.util.Base64.getEncoder().withoutPadding();
    return "pbkdf2-sha256$" + iterations + "$" + b64.encodeToString(salt) + "$" + b64.encodeToString(key);
  }
}
