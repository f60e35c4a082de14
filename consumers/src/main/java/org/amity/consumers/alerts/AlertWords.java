package org.amity.consumers.alerts;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Locale;
import org.amity.aggregates.Alert;
import org.amity.contract.FollowUpStepValidator;
import org.amity.labels.Labels;

/**
 * An alert in words of one language, from its structured fields: who the partner is, what changed, the evidence;
 * dates in the office's time zone. Every word comes from {@link Labels}; the dashboard and the notifier both say
 * alerts this way.
 */
public final class AlertWords {
  private AlertWords() {}

  /** The partner's name in the language first, the other beside it when known: 鹿特丹（Rotterdam）. */
  public static String partnerName(Alert alert, Locale language) {
    String zh = alert.getPartnerNameZh();
    if (zh == null || zh.isBlank()) {
      return alert.getPartnerNameEn();
    }
    return language.equals(Labels.ZH) ? zh + "（" + alert.getPartnerNameEn() + "）" : alert.getPartnerNameEn() + " (" + zh + ")";
  }

  /** What happened, in a word or two: 转入休眠, went dormant. */
  public static String kind(Alert alert, Locale language) {
    return Labels.of(alert.getKind(), language);
  }

  /** What changed: 活力等级由“趋冷”变为“休眠”, or the anniversary or the expiring agreement with its day. */
  public static String change(Alert alert, Locale language) {
    return switch (alert.getKind()) {
      case ANNIVERSARY -> alert.getAnniversaryYears() == null || alert.getAnniversaryOn() == null
          ? Labels.text("alert.anniversarySoon", language)
          : Labels.format("alert.anniversary", language, ordinal(alert.getAnniversaryYears(), language),
              Labels.date(alert.getAnniversaryOn(), language));
      case FOLLOW_UP_OVERDUE -> Labels.format("alert.followUpOverdue", language, followedUp(alert, language),
          day(alert.getFollowUpDay(), language));
      case PLAN_MISSED -> Labels.format("alert.planMissed", language, followedUp(alert, language),
          day(alert.getFollowUpDay(), language));
      case FORMALISATION_PROPOSED -> Labels.format("alert.formalisation", language, day(alert.getAgreementSignedOn(), language));
      case AGREEMENT_EXPIRING -> alert.getAgreementSignedOn() == null
          ? Labels.format("alert.agreementExpiringOn", language, day(alert.getAgreementValidUntil(), language))
          : Labels.format("alert.agreementExpiring", language, Labels.date(alert.getAgreementSignedOn(), language),
              day(alert.getAgreementValidUntil(), language));
      default -> alert.getFromBand() == null ? Labels.format("alert.bandNow", language, Labels.of(alert.getBand(), language))
          : Labels.format("alert.bandChange", language, Labels.of(alert.getFromBand(), language),
              Labels.of(alert.getBand(), language));
    };
  }

  /** The kind of the alert whose follow-up an alert is about: 转入休眠. */
  private static String followedUp(Alert alert, Locale language) {
    return FollowUpStepValidator.alertKindOf(String.valueOf(alert.getFollowUpOf()), alert.getRelationshipId())
        .map(kind -> Labels.of(kind, language)).orElse(String.valueOf(alert.getFollowUpOf()));
  }

  /** The evidence: score and band, days quiet, the day of the last exchange in the office's zone. */
  public static String evidence(Alert alert, Locale language, ZoneId zone) {
    String separator = language.equals(Labels.ZH) ? "；" : "; ";
    StringBuilder text = new StringBuilder(Labels.format("alert.evidence", language, alert.getScore(),
        Labels.of(alert.getBand(), language)));
    if (alert.getDaysSinceLastExchange() != null) {
      text.append(separator).append(Labels.format("alert.daysQuiet", language, alert.getDaysSinceLastExchange()));
    }
    if (alert.getLastExchangeAt() != null) {
      text.append(separator).append(Labels.format("alert.lastExchange", language,
          Labels.date(LocalDate.ofInstant(alert.getLastExchangeAt(), zone), language)));
    } else {
      text.append(separator).append(Labels.text("alert.noExchange", language));
    }
    return text.toString();
  }

  /** The headline: 鹿特丹（Rotterdam）转入休眠：活力等级由“趋冷”变为“休眠”. */
  public static String headline(Alert alert, Locale language) {
    String colon = language.equals(Labels.ZH) ? "：" : ": ";
    return partnerName(alert, language) + (language.equals(Labels.ZH) ? "" : " ") + kind(alert, language) + colon
        + change(alert, language);
  }

  private static String day(LocalDate day, Locale language) {
    return day == null ? "?" : Labels.date(day, language);
  }

  /** 30 in Chinese; 30th in English. */
  private static String ordinal(int n, Locale language) {
    if (language.equals(Labels.ZH)) {
      return Integer.toString(n);
    }
    String suffix = (n % 100 >= 11 && n % 100 <= 13) ? "th" : switch (n % 10) {
      case 1 -> "st";
      case 2 -> "nd";
      case 3 -> "rd";
      default -> "th";
    };
    return n + suffix;
  }

}
