package org.amity.streams.vitality;

import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import org.amity.aggregates.Alert;
import org.amity.aggregates.AlertKind;
import org.amity.aggregates.Band;
import org.amity.aggregates.RelationshipVitality;
import org.amity.partners.Relationship;
import org.amity.partners.RelationshipStatus;
import org.amity.streams.ledger.LedgerEntry;
import org.amity.streams.ledger.LiveHistory;
import org.amity.streams.ledger.RelationshipState;
import org.amity.streams.settings.StreamsSettings;

/**
 * When a relationship deserves an alert: a change of band, a round anniversary coming up, an agreement about to
 * expire. Each is raised once: what was announced is remembered in the relationship's state, which is committed
 * together with the alert.
 */
public final class AlertRules {
  private final StreamsSettings settings;

  public AlertRules(StreamsSettings settings) {
    this.settings = settings;
  }

  /**
   * The alerts due now and whether reminders were held back; records what the alerts announce in {@code state}.
   *
   * @param announceBandChange whether a change of band is news (see {@link LedgerProcessor}); when it is not, the new
   *     band is recorded silently
   * @param settled whether the relationship's input has settled (nothing new for a moment): reminders (anniversaries,
   *     expiring agreements, proposals) are raised only then, so that their evidence is the figures after every
   *     event of one write, never those of a half-applied import
   */
  public Due due(RelationshipState state, RelationshipVitality vitality, LiveHistory history, Instant now,
      boolean announceBandChange, boolean settled) {
    List<Alert> alerts = new ArrayList<>();
    RelationshipStatus status = state.getRelationship().getStatus();
    if (status == RelationshipStatus.ENDED) {
      return new Due(alerts, false);
    }
    Band previous = state.getBand();
    if (announceBandChange && previous != null && previous != vitality.getBand()
        && !(status == RelationshipStatus.SUSPENDED && isDormancy(kind(previous, vitality.getBand())))) {
      alerts.add(bandChanged(state.getRelationship(), previous, vitality, now));
    }
    if (settled) {
      alerts.addAll(reminders(state, vitality, history, now));
      return new Due(alerts, false);
    }
    boolean held = !reminders(RelationshipState.newBuilder(state).build(), vitality, history, now).isEmpty();
    return new Due(alerts, held);
  }

  /**
   * What {@link #due} found.
   *
   * @param held whether reminders are due but were held back until the relationship's input settles
   */
  public record Due(List<Alert> alerts, boolean held) {}

  /** The reminders due now: a round anniversary, expiring agreements, proposals to make a relationship formal. */
  private List<Alert> reminders(RelationshipState state, RelationshipVitality vitality, LiveHistory history, Instant now) {
    List<Alert> alerts = new ArrayList<>();
    LocalDate today = LocalDate.ofInstant(now, settings.model().zone());
    anniversary(state, vitality, today, now).ifPresent(alerts::add);
    alerts.addAll(expiringAgreements(state, vitality, history.agreements(), today, now));
    if (state.getRelationship().getStatus() == RelationshipStatus.LETTER_OF_INTENT) {
      alerts.addAll(formalisations(state, vitality, history.establishments(), now));
    }
    return alerts;
  }

  /** Each establishment recorded for a relationship at its letter of intent proposes, once, to make it formal. */
  private List<Alert> formalisations(RelationshipState state, RelationshipVitality v, List<LedgerEntry> establishments,
      Instant now) {
    List<Alert> alerts = new ArrayList<>();
    for (LedgerEntry establishment : establishments) {
      if (state.getFormalisationsProposed().contains(establishment.getEventId())) {
        continue;
      }
      state.getFormalisationsProposed().add(establishment.getEventId());
      LocalDate signed = LocalDate.ofInstant(establishment.getOccurredAt(), settings.model().zone());
      String message = String.format("%s (%s): an establishment was signed on %s; propose making the relationship formal.",
          v.getPartnerNameEn(), v.getRelationshipId(), signed);
      alerts.add(alert(state.getRelationship(), v, AlertKind.FORMALISATION_PROPOSED, now, establishment.getEventId(), message)
          .setAgreementEventId(establishment.getEventId()).setAgreementSignedOn(signed).build());
    }
    return alerts;
  }

  /**
   * The start of the first day after {@code now} on which a reminder may fall due if nothing is recorded: a round
   * anniversary or an agreement's expiry coming within notice. Null when none will. (A change of band is the
   * model's: {@link org.amity.streams.model.Vitality#stableUntil()}.)
   */
  public Instant quietUntil(RelationshipState state, List<LedgerEntry> agreements, Instant now) {
    LocalDate today = LocalDate.ofInstant(now, settings.model().zone());
    LocalDate first = null;
    LocalDate established = state.getRelationship().getEstablishedOn();
    if (established != null) {
      int every = settings.anniversaryEveryYears();
      int years = Math.max(every, (int) ChronoUnit.YEARS.between(established, today) / every * every);
      LocalDate noticeFrom = established.plusYears(years).minusDays(settings.anniversaryNoticeDays());
      while (!noticeFrom.isAfter(today)) {
        years += every;
        noticeFrom = established.plusYears(years).minusDays(settings.anniversaryNoticeDays());
      }
      first = noticeFrom;
    }
    for (LedgerEntry agreement : agreements) {
      LocalDate noticeFrom = agreement.getValidUntil().minusDays(settings.agreementNoticeDays());
      if (noticeFrom.isAfter(today) && (first == null || noticeFrom.isBefore(first))) {
        first = noticeFrom;
      }
    }
    return first == null ? null : first.atStartOfDay(settings.model().zone()).toInstant();
  }

  private static boolean isDormancy(AlertKind kind) {
    return kind == AlertKind.COOLING || kind == AlertKind.WENT_DORMANT;
  }

  /** The kind of alert a change of band raises. */
  public static AlertKind kind(Band from, Band to) {
    if (to == Band.DORMANT) {
      return AlertKind.WENT_DORMANT;
    }
    if (to == Band.NEW) {
      return AlertKind.BAND_CHANGED;
    }
    if (from == Band.NEW) {
      return AlertKind.STARTED;
    }
    if (from == Band.DORMANT || from == Band.COOLING && to != Band.COOLING) {
      return AlertKind.REVIVED;
    }
    if (to == Band.COOLING) {
      return AlertKind.COOLING;
    }
    return to == Band.THRIVING ? AlertKind.THRIVING : AlertKind.SLOWED;
  }

  private Alert bandChanged(Relationship relationship, Band from, RelationshipVitality v, Instant now) {
    AlertKind kind = kind(from, v.getBand());
    String quiet = v.getDaysSinceLastExchange() == null ? "no exchange on record"
        : "last exchange " + v.getDaysSinceLastExchange() + " days ago";
    String message = String.format("%s (%s): %s, from %s to %s; vitality %d, %s.", v.getPartnerNameEn(),
        v.getRelationshipId(), describe(kind), from, v.getBand(), v.getScore(), quiet);
    return alert(relationship, v, kind, now, now.toString(), message).setFromBand(from).build();
  }

  private java.util.Optional<Alert> anniversary(RelationshipState state, RelationshipVitality v, LocalDate today,
      Instant now) {
    LocalDate established = state.getRelationship().getEstablishedOn();
    if (established == null) {
      return java.util.Optional.empty();
    }
    int years = (int) ChronoUnit.YEARS.between(established, today);
    LocalDate next = established.plusYears(years);
    if (next.isBefore(today)) {
      years++;
      next = established.plusYears(years);
    }
    boolean round = years > 0 && years % settings.anniversaryEveryYears() == 0;
    if (!round || ChronoUnit.DAYS.between(today, next) > settings.anniversaryNoticeDays()
        || state.getAnniversariesAlerted().contains(years)) {
      return java.util.Optional.empty();
    }
    state.getAnniversariesAlerted().add(years);
    String message = String.format("%s (%s): the %s anniversary of the relationship is on %s.",
        v.getPartnerNameEn(), v.getRelationshipId(), ordinal(years), next);
    return java.util.Optional.of(alert(state.getRelationship(), v, AlertKind.ANNIVERSARY, now, "year-" + years,
        message).setAnniversaryYears(years).setAnniversaryOn(next).build());
  }

  private List<Alert> expiringAgreements(RelationshipState state, RelationshipVitality v, List<LedgerEntry> agreements,
      LocalDate today, Instant now) {
    List<Alert> alerts = new ArrayList<>();
    List<String> alerted = state.getAgreementsAlerted();
    alerted.removeIf(id -> agreements.stream().noneMatch(a -> a.getEventId().equals(id)));
    for (LedgerEntry agreement : agreements) {
      LocalDate validUntil = agreement.getValidUntil();
      boolean soon = !validUntil.isBefore(today)
          && ChronoUnit.DAYS.between(today, validUntil) <= settings.agreementNoticeDays();
      if (!soon || alerted.contains(agreement.getEventId()) || superseded(agreement, agreements)) {
        continue;
      }
      alerted.add(agreement.getEventId());
      String message = String.format("%s (%s): the %s of %s expires on %s.", v.getPartnerNameEn(),
          v.getRelationshipId(), "agreement", LocalDate.ofInstant(agreement.getOccurredAt(), settings.model().zone()),
          validUntil);
      alerts.add(alert(state.getRelationship(), v, AlertKind.AGREEMENT_EXPIRING, now, agreement.getEventId(), message)
          .setAgreementEventId(agreement.getEventId()).setAgreementValidUntil(validUntil)
          .setAgreementSignedOn(LocalDate.ofInstant(agreement.getOccurredAt(), settings.model().zone())).build());
    }
    return alerts;
  }

  /** Whether a later agreement runs longer (a renewal). */
  private static boolean superseded(LedgerEntry agreement, List<LedgerEntry> agreements) {
    return agreements.stream().anyMatch(other -> other.getOccurredAt().isAfter(agreement.getOccurredAt())
        && other.getValidUntil().isAfter(agreement.getValidUntil()));
  }

  static Alert.Builder alert(Relationship relationship, RelationshipVitality v, AlertKind kind, Instant now,
      String what, String message) {
    return Alert.newBuilder()
        .setAlertId(v.getRelationshipId() + "|" + kind + "|" + what)
        .setKind(kind)
        .setRelationshipId(v.getRelationshipId())
        .setOfficeId(v.getOfficeId())
        .setPartnerNameEn(v.getPartnerNameEn())
        .setPartnerNameZh(v.getPartnerNameZh())
        .setResponsibleOfficer(relationship.getResponsibleOfficer())
        .setRaisedAt(now)
        .setBand(v.getBand())
        .setScore(v.getScore())
        .setDaysSinceLastExchange(v.getDaysSinceLastExchange())
        .setLastExchangeAt(v.getLastExchangeAt())
        .setMessage(message)
        .setModelVersion(v.getModelVersion());
  }

  private static String describe(AlertKind kind) {
    return switch (kind) {
      case STARTED -> "first exchange";
      case COOLING -> "cooling";
      case WENT_DORMANT -> "went dormant";
      case REVIVED -> "revived";
      case THRIVING -> "thriving";
      case SLOWED -> "slowed";
      default -> "band changed";
    };
  }

  private static String ordinal(int n) {
    String suffix = n % 100 >= 11 && n % 100 <= 13 ? "th" : switch (n % 10) {
      case 1 -> "st";
      case 2 -> "nd";
      case 3 -> "rd";
      default -> "th";
    };
    return n + suffix;
  }
}
