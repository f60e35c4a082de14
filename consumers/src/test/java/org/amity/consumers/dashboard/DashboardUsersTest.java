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
}
