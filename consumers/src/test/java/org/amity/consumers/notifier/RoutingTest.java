package org.amity.consumers.notifier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.time.Duration;
import java.util.Map;
import java.util.Properties;
import org.amity.aggregates.Alert;
import org.amity.aggregates.AlertKind;
import org.amity.aggregates.Band;
import org.junit.jupiter.api.Test;

/** Routing rules and settings, without Kafka. */
class RoutingTest {
  private final NotifierFixture fixture = new NotifierFixture();

  private static Properties routes() {
    Properties p = new Properties();
    p.setProperty("route.rotterdam.relationship", "shanghai/nl-rotterdam");
    p.setProperty("route.rotterdam.to", "europe-desk@city.example.org, https://chat.example.org/hooks/europe");
    p.setProperty("route.dormant.office", "shanghai");
    p.setProperty("route.dormant.band", "dormant");
    p.setProperty("route.dormant.to", "director@city.example.org");
    p.setProperty("digest.recipients", "director@city.example.org");
    return p;
  }

  private Alert alert(String relationship, Band band, String officer) {
    Alert alert = fixture.dormant("nl-rotterdam", officer);
    alert.setRelationshipId(relationship);
    alert.setOfficeId(relationship.substring(0, relationship.indexOf('/')));
    alert.setBand(band);
    alert.setKind(band == Band.DORMANT ? AlertKind.WENT_DORMANT : AlertKind.COOLING);
    return alert;
  }

  @Test
  void everyMatchingRouteAddsItsRecipientsOnceAndDigestRecipientsAreMarked() {
    Routing routing = new Routing(NotifierSettings.from(routes()));
    assertThat(routing.recipientsOf(alert("shanghai/nl-rotterdam", Band.DORMANT, "officer@city.example.org")))
        .containsExactlyInAnyOrder(new Recipient("europe-desk@city.example.org", false),
            new Recipient("https://chat.example.org/hooks/europe", false),
            new Recipient("director@city.example.org", true));
    assertThat(routing.recipientsOf(alert("shanghai/nl-rotterdam", Band.COOLING, null)))
        .as("every criterion of a route must hold").extracting(Recipient::address)
        .containsExactly("europe-desk@city.example.org", "https://chat.example.org/hooks/europe");
  }

  @Test
  void theResponsibleOfficerIsTheFallbackUnlessConfiguredAlwaysOrNever() {
    Alert unrouted = alert("suzhou/it-venezia", Band.COOLING, "officer@city.example.org");
    assertThat(new Routing(NotifierSettings.from(routes())).recipientsOf(unrouted)).extracting(Recipient::address)
        .containsExactly("officer@city.example.org");
    Properties never = routes();
    never.setProperty("responsible-officer", "never");
    assertThat(new Routing(NotifierSettings.from(never)).recipientsOf(unrouted)).isEmpty();
    Properties always = routes();
    always.setProperty("responsible-officer", "always");
    assertThat(new Routing(NotifierSettings.from(always))
        .recipientsOf(alert("shanghai/nl-rotterdam", Band.COOLING, "officer@city.example.org")))
        .extracting(Recipient::address).endsWith("officer@city.example.org");
    assertThat(new Routing(NotifierSettings.from(routes())).recipientsOf(alert("suzhou/it-venezia", Band.COOLING, "Ms Wang")))
        .as("an officer named without an e-mail address cannot be told").isEmpty();
  }

  @Test
  void aBadSettingIsRefusedWithItsKey() {
    Properties p = routes();
    p.setProperty("route.dormant.band", "SLEEPY");
    assertThatThrownBy(() -> NotifierSettings.from(p)).hasMessageContaining("route.dormant.band").hasMessageContaining("SLEEPY");
    Properties q = routes();
    q.setProperty("route.rotterdam.to", "not an address");
    assertThatThrownBy(() -> NotifierSettings.from(q)).hasMessageContaining("route.rotterdam.to");
    Properties r = routes();
    r.setProperty("retry.max-attempts", "many");
    assertThatThrownBy(() -> NotifierSettings.from(r)).hasMessageContaining("retry.max-attempts");
  }

  @Test
  void theBackoffDoublesUpToItsMaximum() {
    Properties p = routes();
    p.setProperty("retry.initial-backoff-ms", "100");
    p.setProperty("retry.max-backoff-ms", "500");
    NotifierSettings settings = NotifierSettings.from(p);
    assertThat(settings.backoff(1)).isEqualTo(Duration.ofMillis(100));
    assertThat(settings.backoff(2)).isEqualTo(Duration.ofMillis(200));
    assertThat(settings.backoff(3)).isEqualTo(Duration.ofMillis(400));
    assertThat(settings.backoff(4)).isEqualTo(Duration.ofMillis(500));
    assertThat(settings.backoff(60)).isEqualTo(Duration.ofMillis(500));
  }

  @Test
  void theDocumentedExampleConfigurationIsValid() throws java.io.IOException {
    String readme = java.nio.file.Files.readString(java.nio.file.Path.of("..", "docs", "operations.md"));
    String section = readme.substring(readme.indexOf("## Notifier"));
    String example = section.substring(section.indexOf("```properties") + "```properties".length(), section.indexOf("```\n", section.indexOf("```properties") + 3));
    Properties file = new Properties();
    file.load(new java.io.StringReader(example));
    Properties p = new Properties();
    file.stringPropertyNames().forEach(key -> {
      assertThat(key).startsWith("notifier.");
      p.setProperty(key.substring("notifier.".length()), file.getProperty(key));
    });
    NotifierSettings settings = NotifierSettings.from(p);
    assertThat(settings.routes()).extracting(Route::name).containsExactly("dates", "dormant", "rotterdam");
    assertThat(settings.digestRecipients()).containsExactly("director@city.example.org");
    assertThat(settings.smtp().startTls()).isTrue();
    assertThat(new Routing(settings).recipientsOf(alert("shanghai/nl-rotterdam", Band.DORMANT, null)))
        .extracting(Recipient::address).contains("europe-desk@city.example.org", "director@city.example.org");
  }

  @Test
  void aRouteSaysTheLanguageAndTheChatToolItsRecipientsUse() {
    Properties p = routes();
    p.setProperty("route.wecom.office", "shanghai");
    p.setProperty("route.wecom.to", "https://qyapi.weixin.qq.example/cgi-bin/webhook/send?key=k");
    p.setProperty("route.wecom.format", "wecom");
    p.setProperty("route.ding.office", "shanghai");
    p.setProperty("route.ding.to", "https://oapi.dingtalk.example/robot/send?access_token=t");
    p.setProperty("route.ding.format", "dingtalk");
    p.setProperty("route.ding.secret-env", "DING_SECRET");
    p.setProperty("route.ding.language", "en");
    Routing routing = new Routing(NotifierSettings.from(p, Map.of("DING_SECRET", "SEC-1")));
    assertThat(routing.recipientsOf(alert("shanghai/nl-rotterdam", Band.DORMANT, null)))
        .extracting(Recipient::address, Recipient::format, Recipient::language, Recipient::secret)
        .contains(tuple("https://qyapi.weixin.qq.example/cgi-bin/webhook/send?key=k", Recipient.WebhookFormat.WECOM, null, null),
            tuple("https://oapi.dingtalk.example/robot/send?access_token=t", Recipient.WebhookFormat.DINGTALK, "en", "SEC-1"));
    assertThat(routing.recipientsOf(alert("shanghai/nl-rotterdam", Band.DORMANT, null)).toString()).doesNotContain("SEC-1");
  }

  @Test
  void aBadLanguageOrFormatOrAnUnsetSecretIsRefusedNamingTheKey() {
    Properties language = routes();
    language.setProperty("route.dormant.language", "fr");
    assertThatThrownBy(() -> NotifierSettings.from(language)).hasMessageContaining("route.dormant.language");
    Properties format = routes();
    format.setProperty("route.dormant.format", "slack");
    assertThatThrownBy(() -> NotifierSettings.from(format)).hasMessageContaining("route.dormant.format")
        .hasMessageContaining("wecom");
    Properties secret = routes();
    secret.setProperty("route.dormant.secret-env", "NO_SUCH_VARIABLE");
    assertThatThrownBy(() -> NotifierSettings.from(secret, Map.of())).hasMessageContaining("NO_SUCH_VARIABLE");
  }

  @Test
  void theOfficesAlertContactIsToldLikeTheOfficerWhenNoRouteMatches() {
    Routing routing = new Routing(NotifierSettings.from(routes()));
    assertThat(routing.recipientsOf(alert("suzhou/it-venezia", Band.COOLING, null), "fao@suzhou.example.org"))
        .extracting(Recipient::address).containsExactly("fao@suzhou.example.org");
    assertThat(routing.recipientsOf(alert("shanghai/nl-rotterdam", Band.DORMANT, null), "fao@shanghai.example.org"))
        .extracting(Recipient::address).doesNotContain("fao@shanghai.example.org");
  }

  @Test
  void theLinkPointsAtThePartnerPageOfTheDashboard() {
    Alert alert = alert("shanghai-changning/jp-hirakata", Band.DORMANT, null);
    assertThat(new AlertText("https://amity.example.org/").partnerLink(alert))
        .isEqualTo("https://amity.example.org/partners/shanghai-changning/jp-hirakata");
  }
}
