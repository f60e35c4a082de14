package org.amity.consumers.notifier;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.amity.aggregates.Alert;
import org.amity.consumers.alerts.AlertWords;
import org.amity.labels.Labels;

/** An alert as a message to one recipient (mail or webhook) in one language, with a link to the partner's page. */
public final class AlertText {
  private final String dashboardUrl;

  public AlertText(String dashboardUrl) {
    this.dashboardUrl = dashboardUrl.endsWith("/") ? dashboardUrl.substring(0, dashboardUrl.length() - 1) : dashboardUrl;
  }

  /** {dashboard}/partners/{office}/{partner}, the partner being the relationship id after its office. */
  public String partnerLink(Alert alert) {
    String relationship = alert.getRelationshipId();
    int slash = relationship.indexOf('/');
    String office = slash > 0 ? relationship.substring(0, slash) : alert.getOfficeId();
    String partner = slash > 0 ? relationship.substring(slash + 1) : relationship;
    return dashboardUrl + "/partners/" + segment(office) + "/" + segment(partner);
  }

  /** The message for one alert and one recipient, in the language and time zone given. */
  public Message message(Alert alert, Recipient recipient, Locale language, ZoneId zone) {
    String colon = language.equals(Labels.ZH) ? "：" : ": ";
    String subject = Labels.format("alert.subject", language, AlertWords.partnerName(alert, language), AlertWords.kind(alert, language),
        AlertWords.change(alert, language));
    String link = partnerLink(alert) + "#alert=" + URLEncoder.encode(alert.getAlertId(), StandardCharsets.UTF_8);
    String officer = alert.getResponsibleOfficer() == null ? Labels.text("alert.noOfficer", language)
        : alert.getResponsibleOfficer();
    String text = String.join("\n",
        AlertWords.partnerName(alert, language) + " — " + alert.getRelationshipId(),
        "",
        AlertWords.headline(alert, language),
        "",
        Labels.text("alert.whatChanged", language) + colon + AlertWords.change(alert, language),
        Labels.text("alert.evidenceHeading", language) + colon + AlertWords.evidence(alert, language, zone),
        Labels.text("alert.suggestHeading", language) + colon + Labels.text("alert.suggest." + alert.getKind(), language),
        Labels.text("alert.officer", language) + colon + officer,
        Labels.text("alert.page", language) + colon + link,
        "",
        Labels.format("alert.raised", language, alert.getAlertId(), Labels.dateTime(alert.getRaisedAt(), zone, language)));
    Map<String, Object> fields = new LinkedHashMap<>();
    fields.put("alertId", alert.getAlertId());
    fields.put("kind", alert.getKind().name());
    fields.put("relationshipId", alert.getRelationshipId());
    fields.put("officeId", alert.getOfficeId());
    fields.put("partnerNameEn", alert.getPartnerNameEn());
    fields.put("partnerNameZh", alert.getPartnerNameZh());
    fields.put("responsibleOfficer", alert.getResponsibleOfficer());
    fields.put("fromBand", alert.getFromBand() == null ? null : alert.getFromBand().name());
    fields.put("band", alert.getBand().name());
    fields.put("score", alert.getScore());
    fields.put("daysSinceLastExchange", alert.getDaysSinceLastExchange());
    fields.put("lastExchangeAt", alert.getLastExchangeAt() == null ? null : alert.getLastExchangeAt().toString());
    fields.put("raisedAt", alert.getRaisedAt().toString());
    fields.put("language", language.getLanguage());
    fields.put("message", AlertWords.headline(alert, language));
    fields.put("link", link);
    return new Message(subject, text, fields, stableId(alert.getAlertId() + "|" + recipient.address()));
  }

  /** One line of a digest for this alert. */
  public String digestLine(Alert alert, Locale language, ZoneId zone) {
    String separator = language.equals(Labels.ZH) ? "；" : "; ";
    return "- " + AlertWords.headline(alert, language) + " [" + alert.getRelationshipId() + "]" + separator
        + AlertWords.evidence(alert, language, zone) + " " + partnerLink(alert);
  }

  /** The daily digest for one recipient: one line per alert. */
  public static Message digest(Recipient recipient, LocalDate day, List<String> alertIds, List<String> lines, Locale language) {
    String subject = Labels.format("alert.digestSubject", language, Labels.date(day, language), lines.size());
    String text = Labels.text("alert.digestIntro", language) + "\n\n" + String.join("\n", lines) + "\n";
    Map<String, Object> fields = new LinkedHashMap<>();
    fields.put("digest", day.toString());
    fields.put("alertIds", alertIds);
    return new Message(subject, text, fields, stableId("digest|" + day + "|" + recipient.address() + "|" + alertIds));
  }

  private static String segment(String text) {
    return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
  }

  static String stableId(String text) {
    try {
      byte[] hash = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(hash, 0, 16);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
