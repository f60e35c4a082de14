package org.amity.consumers.notifier;

import static org.amity.consumers.notifier.NotifierFixture.await;
import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Message.RecipientType;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import java.util.Properties;
import org.amity.aggregates.Alert;
import org.amity.partners.Office;
import org.amity.partners.OfficeLevel;
import org.amity.platform.EmbeddedPlatformExtension;
import org.amity.platform.kafka.EmbeddedKafka;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The notifier against the embedded broker and a real SMTP server in this JVM (GreenMail). */
@ExtendWith(EmbeddedPlatformExtension.class)
class MailNotifierTest {
  private static final Duration DEADLINE = Duration.ofSeconds(30);

  private final NotifierFixture fixture = new NotifierFixture();
  private int smtpPort;
  private GreenMail smtp;

  @BeforeEach
  void freePort() {
    smtpPort = EmbeddedKafka.freeLoopbackPorts(1)[0];
  }

  @AfterEach
  void stopSmtp() {
    if (smtp != null) {
      smtp.stop();
    }
  }

  private void startSmtp() {
    smtp = new GreenMail(new ServerSetup(smtpPort, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
    smtp.start();
  }

  private Properties settings(String group) {
    Properties p = fixture.properties(group);
    p.setProperty("smtp-host", "127.0.0.1");
    p.setProperty("smtp-port", Integer.toString(smtpPort));
    p.setProperty("smtp-from", "amity@city.example.org");
    return p;
  }

  private Notifier start(Properties settings) throws InterruptedException {
    return Notifier.start(NotifierSettings.from(settings), fixture.clientConfig()).awaitRunning(DEADLINE);
  }

  @Test
  void anAlertBecomesOneMailToTheRoutedRecipientNamingPartnerChangeEvidenceAndLink() throws Exception {
    startSmtp();
    Properties p = settings("one-mail");
    p.setProperty("route.office.office", fixture.office);
    p.setProperty("route.office.band", "DORMANT");
    p.setProperty("route.office.to", "europe-desk@city.example.org");
    p.setProperty("route.other.office", "somewhere-else");
    p.setProperty("route.other.to", "nobody@city.example.org");
    Alert alert = fixture.dormant("nl-rotterdam", "officer.wang@city.example.org");
    try (Notifier notifier = start(p)) {
      fixture.publish(alert);
      await("one mail delivered", DEADLINE, () -> notifier.stats().delivered() == 1);
      assertThat(smtp.getReceivedMessages()).hasSize(1);
      MimeMessage mail = smtp.getReceivedMessages()[0];
      assertThat(Arrays.stream(mail.getRecipients(RecipientType.TO)).map(Object::toString))
          .as("the route's recipient; the officer only when no route matches").containsExactly("europe-desk@city.example.org");
      assertThat(mail.getSubject()).contains("鹿特丹（Rotterdam）", "转入休眠", "活力等级由“趋冷”变为“休眠”");
      assertThat(GreenMailUtil.getBody(mail).isEmpty()).isFalse();
      String body = (String) mail.getContent();
      assertThat(body).contains("鹿特丹（Rotterdam）", fixture.office + "/nl-rotterdam", "活力等级由“趋冷”变为“休眠”",
          "活力值 8（休眠）", "距上次交流 400 天", "上次交流：", "负责人：officer.wang@city.example.org",
          "https://amity.example.org/partners/" + fixture.office + "/nl-rotterdam#alert="
              + java.net.URLEncoder.encode(alert.getAlertId(), java.nio.charset.StandardCharsets.UTF_8),
          "伙伴页面（在此跟进）", alert.getAlertId(), "建议：联系对方外办确认合作意向");
      assertThat(body).as("no English sentence").doesNotContain("band", "vitality", "days since", "has gone quiet");
      assertThat(mail.getMessageID()).endsWith("@amity>");
      assertThat(notifier.stats().deadLettered()).isZero();
    }
  }

  @Test
  void aRouteInEnglishGetsTheMailInEnglishAndTheOfficesContactIsToldWhenNoRouteMatches() throws Exception {
    startSmtp();
    fixture.registerOffice(Office.newBuilder().setOfficeId(fixture.office).setNameEn("Office").setLevel(OfficeLevel.CITY)
        .setAlertContact("fao@office.example.org").setTimeZone("Europe/Amsterdam").build());
    Properties p = settings("english");
    p.setProperty("route.europe.relationship", fixture.office + "/nl-rotterdam");
    p.setProperty("route.europe.to", "europe-desk@city.example.org");
    p.setProperty("route.europe.language", "en");
    try (Notifier notifier = start(p)) {
      fixture.publish(fixture.dormant("nl-rotterdam", null), fixture.dormant("it-milano", null));
      await("two mails delivered", DEADLINE, () -> notifier.stats().delivered() == 2);
    }
    Map<String, String> bodies = new java.util.HashMap<>();
    for (MimeMessage mail : smtp.getReceivedMessages()) {
      bodies.put(mail.getRecipients(RecipientType.TO)[0].toString(), (String) mail.getContent());
    }
    assertThat(bodies.get("europe-desk@city.example.org")).contains("Rotterdam (鹿特丹)", "went dormant",
        "band cooling → dormant", "vitality score 8 (dormant)", "400 days since the last exchange");
    assertThat(bodies.get("fao@office.example.org")).as("the office's contact, in the office's language (Chinese)")
        .contains("Milano", "转入休眠", "距上次交流 400 天");
  }

  @Test
  void withTheSmtpServerDownTheAlertIsRetriedAndDeliveredOnceWhenItComesBack() throws Exception {
    Properties p = settings("smtp-down");
    Alert alert = fixture.dormant("jp-hirakata", "officer.li@city.example.org");
    try (Notifier notifier = start(p)) {
      fixture.publish(alert);
      await("several tries failed while the SMTP server is down", DEADLINE, () -> notifier.stats().failedTries() >= 2);
      assertThat(notifier.stats().delivered()).isZero();
      assertThat(notifier.stats().lastFailure()).contains("unavailable");

      startSmtp();
      await("delivered once the server is back", DEADLINE, () -> notifier.stats().delivered() == 1);
      assertThat(smtp.getReceivedMessages()).hasSize(1);
      assertThat(smtp.getReceivedMessages()[0].getRecipients(RecipientType.TO)[0].toString())
          .as("no route: the responsible officer is the default recipient").isEqualTo("officer.li@city.example.org");
      assertThat(notifier.stats().deadLettered()).isZero();
    }
  }

  @Test
  void aRestartedNotifierSendsNoDuplicateEvenWhenItReadsTheAlertsAgain() throws Exception {
    startSmtp();
    Alert first = fixture.dormant("de-hamburg", "officer.zhao@city.example.org");
    Alert second = fixture.dormant("fr-marseille", "officer.zhao@city.example.org");
    try (Notifier notifier = start(settings("before-restart"))) {
      fixture.publish(first);
      await("the first alert mailed", DEADLINE, () -> notifier.stats().delivered() == 1);
    }
    // A new consumer group reads the topic from the start again, as after lost offsets: only the log stands in the way.
    try (Notifier restarted = start(settings("after-restart"))) {
      fixture.publish(second);
      await("the second alert mailed and the first recognised as sent", DEADLINE,
          () -> restarted.stats().delivered() == 1 && restarted.stats().alreadyDone() == 1);
    }
    assertThat(smtp.getReceivedMessages()).extracting(MimeMessage::getSubject)
        .as("one mail per alert").containsExactlyInAnyOrder(
            "[Amity] Hamburg：转入休眠（活力等级由“趋冷”变为“休眠”）", "[Amity] Marseille：转入休眠（活力等级由“趋冷”变为“休眠”）");
  }

  @Test
  void aDigestRecipientGetsOneMailForTheDayAndNotAgainAfterARestart() throws Exception {
    startSmtp();
    Properties p = settings("digest");
    p.setProperty("route.all.office", fixture.office);
    p.setProperty("route.all.to", "director@city.example.org");
    p.setProperty("digest.recipients", "director@city.example.org");
    p.setProperty("responsible-officer", "never");
    try (Notifier notifier = start(p)) {
      fixture.publish(fixture.dormant("it-milano", null), fixture.dormant("es-valencia", null));
      await("both alerts queued", DEADLINE, () -> notifier.stats().queued() == 2);
      assertThat(smtp.getReceivedMessages()).as("nothing before the digest").isEmpty();
      notifier.sendDigestsNow();
      await("the digest sent", DEADLINE, () -> notifier.stats().digestsSent() == 1);
    }
    assertThat(smtp.getReceivedMessages()).hasSize(1);
    String digest = (String) smtp.getReceivedMessages()[0].getContent();
    assertThat(digest).contains(fixture.office + "/it-milano", fixture.office + "/es-valencia",
        "https://amity.example.org/partners/" + fixture.office + "/it-milano");

    p.setProperty("group-id", "digest-again-" + fixture.id);
    try (Notifier restarted = start(p)) {
      await("both alerts recognised", DEADLINE, () -> restarted.stats().alreadyDone() == 2);
      restarted.sendDigestsNow();
      await("the queued digests looked at", DEADLINE, () -> restarted.stats().digestRounds() == 1);
      assertThat(restarted.stats().digestsSent()).as("nothing left queued").isZero();
    }
    assertThat(smtp.getReceivedMessages()).hasSize(1);
  }
}
