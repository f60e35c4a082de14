package org.amity.consumers.notifier;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.amity.aggregates.Alert;

/** Turns an alert into words: who the partner is, what changed, the evidence, and a link to the partner's page. */
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

  /** The partner's name: English, and Chinese when known. */
  public static String partnerName(Alert alert) {
    String zh = alert.getPartnerNameZh();
    return zh == null || zh.isBlank() ? alert.getPartnerNameEn() : alert.getPartnerNameEn() + " (" + zh + ")";
  }

  /** What changed, in a few words: "band COOLING → DORMANT" or "30th anniversary on 2026-12-01". */
  public static String change(Alert alert) {
    return switch (alert.getKind()) {
      case ANNIVERSARY -> alert.getAnniversaryYears() == null ? "anniversary coming up"
          : ordinal(alert.getAnniversaryYears()) + " anniversary"
          + (alert.getAnniversaryOn() == null ? "" : " on " + alert.getAnniversaryOn());
      case AGREEMENT_EXPIRING -> "agreement " + (alert.getAgreementEventId() == null ? "" : alert.getAgreementEventId() + " ")
          + "expires" + (alert.getAgreementValidUntil() == null ? " soon" : " on " + alert.getAgreementValidUntil());
      default -> alert.getFromBand() == null ? "band now " + alert.getBand()
          : "band " + alert.getFromBand() + " → " + alert.getBand();
    };
  }

  /** The evidence: score, days quiet, last exchange. */
  public static String evidence(Alert alert) {
    StringBuilder text = new StringBuilder("vitality score " + alert.getScore() + " (" + alert.getBand() + ")");
    if (alert.getDaysSinceLastExchange() != null) {
      text.append("; ").append(alert.getDaysSinceLastExchange()).append(" days since the last exchange");
    }
    if (alert.getLastExchangeAt() != null) {
      text.append("; last exchange ").append(day(alert.getLastExchangeAt()));
    } else {
      text.append("; no exchange recorded");
    }
    return text.toString();
  }

  /** The message for one alert and one recipient. */
  public Message message(Alert alert, Recipient recipient) {
    String subject = "[Amity] " + alert.getPartnerNameEn() + ": " + kindWords(alert) + " (" + change(alert) + ")";
    String link = partnerLink(alert);
    String text = String.join("\n",
        partnerName(alert) + " — " + alert.getRelationshipId(),
        "",
        alert.getMessage(),
        "",
        "What changed: " + change(alert),
        "Evidence: " + evidence(alert),
        "Responsible officer: " + (alert.getResponsibleOfficer() == null ? "not named" : alert.getResponsibleOfficer()),
        "Partner page: " + link,
        "",
        "Alert " + alert.getAlertId() + ", raised " + alert.getRaisedAt());
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
    fields.put("message", alert.getMessage());
    fields.put("link", link);
    return new Message(subject, text, fields, stableId(alert.getAlertId() + "|" + recipient.address()));
  }

  /** One line of a digest for this alert. */
  public String digestLine(Alert alert) {
    return "- " + partnerName(alert) + " [" + alert.getRelationshipId() + "]: " + kindWords(alert) + ", " + change(alert)
        + "; " + evidence(alert) + ". " + partnerLink(alert);
  }

  /** The daily digest for one recipient: one line per alert. */
  public static Message digest(Recipient recipient, LocalDate day, List<String> alertIds, List<String> lines) {
    String subject = "[Amity] Daily digest " + day + ": " + lines.size() + (lines.size() == 1 ? " alert" : " alerts");
    String text = "Alerts since the last digest:\n\n" + String.join("\n", lines) + "\n";
    Map<String, Object> fields = new LinkedHashMap<>();
    fields.put("digest", day.toString());
    fields.put("alertIds", alertIds);
    return new Message(subject, text, fields, stableId("digest|" + day + "|" + recipient.address() + "|" + alertIds));
  }

  private static String kindWords(Alert alert) {
    return switch (alert.getKind()) {
      case STARTED -> "first exchange";
      case COOLING -> "cooling";
      case WENT_DORMANT -> "went dormant";
      case REVIVED -> "revived";
      case THRIVING -> "thriving";
      case SLOWED -> "slowed";
      case BAND_CHANGED -> "band changed";
      case ANNIVERSARY -> "anniversary";
      case AGREEMENT_EXPIRING -> "agreement expiring";
    };
  }

  private static String ordinal(int n) {
    String suffix = (n % 100 >= 11 && n % 100 <= 13) ? "th" : switch (n % 10) {
      case 1 -> "st";
      case 2 -> "nd";
      case 3 -> "rd";
      default -> "th";
    };
    return n + suffix;
  }

  private static LocalDate day(Instant instant) {
    return instant.atZone(ZoneOffset.UTC).toLocalDate();
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
