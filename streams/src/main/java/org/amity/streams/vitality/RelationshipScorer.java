package org.amity.streams.vitality;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.amity.aggregates.Alert;
import org.amity.aggregates.RelationshipActivity;
import org.amity.aggregates.RelationshipVitality;
import org.amity.aggregates.RelationshipYield;
import org.amity.aggregates.YearYield;
import org.amity.partners.Relationship;
import org.amity.streams.ledger.LedgerEntry;
import org.amity.streams.ledger.LiveHistory;
import org.amity.streams.ledger.RelationshipState;
import org.amity.streams.ledger.YieldFigures;
import org.amity.streams.model.Activity;
import org.amity.streams.model.Vitality;
import org.amity.streams.model.VitalityModel;
import org.amity.streams.settings.StreamsSettings;
import org.apache.avro.specific.SpecificRecord;

/**
 * Scores one relationship from its ledger at one moment, and says what to publish: the vitality and activity
 * records when they changed since last published, the relationship's share of its office's figures, and the alerts
 * due. Pure: the caller keeps the state and writes the records.
 */
public final class RelationshipScorer {
  /**
   * The code that works out review moments: a build in which any of these classes differs makes the moments kept in
   * the states void (at worst, a first review that re-scores every relationship).
   */
  private static final long REVIEW_CODE = ClassBytes.checksum(RelationshipScorer.class, AlertRules.class,
      FollowUpRules.class, VitalityModel.class);
  private final StreamsSettings settings;
  private final VitalityModel model;
  private final AlertRules alertRules;
  private final FollowUpRules followUpRules;
  private final int reviewSettings;

  public RelationshipScorer(StreamsSettings settings) {
    this.settings = settings;
    this.model = new VitalityModel(settings.model());
    this.alertRules = new AlertRules(settings);
    this.followUpRules = new FollowUpRules(settings.model(), model);
    this.reviewSettings = reviewSettings(settings);
  }

  /**
   * A hash of what a relationship's review moment depends on: the model's constants, the reminders' and the
   * ledger's settings, and the code that works the moment out ({@link #REVIEW_CODE}). The same in every JVM: the
   * settings' text has no hash-ordered part.
   */
  private static int reviewSettings(StreamsSettings settings) {
    return Objects.hash(REVIEW_CODE, settings.model().toString(), settings.ledgerRetentionDays(),
        settings.anniversaryEveryYears(), settings.anniversaryNoticeDays(), settings.agreementNoticeDays());
  }

  /**
   * Whether the review moment kept in a relationship's state was worked out under these settings; if not, the
   * relationship is due at the first review.
   */
  public boolean holdsReviewDue(RelationshipState state) {
    return state.getReviewDueAt() != null && Integer.valueOf(reviewSettings).equals(state.getReviewDueSettings());
  }

  /**
   * What to publish for a relationship now.
   *
   * @param state the relationship's state; updated in place (band, signatures, what alerts announced)
   * @param entries every entry of its ledger
   * @param announceBandChange whether a change of band raises an alert, or is recorded silently
   * @param settled whether the relationship's input has settled, so that reminders may be raised (see
   *     {@link AlertRules#due})
   */
  public Publication score(RelationshipState state, List<LedgerEntry> entries, Instant now,
      boolean announceBandChange, boolean settled) {
    Relationship relationship = state.getRelationship();
    int stateBefore = state.hashCode();
    LiveHistory history = LiveHistory.of(entries);
    Vitality scored = model.score(history.exchanges(), now, relationship.getEstablishedOn());
    RelationshipVitality vitality = Records.vitality(relationship, scored);
    RelationshipActivity activity = Records.activity(relationship,
        Activity.of(history.exchanges(), now, settings.model()), model.version());

    List<SpecificRecord> records = new ArrayList<>();
    AlertRules.Due due = alertRules.due(state, vitality, history, now, announceBandChange, settled);
    List<Alert> alerts = due.alerts();
    int vitalitySignature = PublishSignature.of(vitality, PublishSignature.VITALITY_MOVED_BY_TIME);
    int activitySignature = PublishSignature.of(activity, PublishSignature.ACTIVITY_MOVED_BY_TIME);
    boolean vitalityChanged = changed(state.getVitalitySignature(), vitalitySignature);
    boolean activityChanged = changed(state.getActivitySignature(), activitySignature);
    if (vitalityChanged) {
      records.add(vitality);
      state.setVitalitySignature(vitalitySignature);
    }
    if (activityChanged) {
      records.add(activity);
      state.setActivitySignature(activitySignature);
    }
    if (vitalityChanged || activityChanged) {
      records.add(Records.contribution(vitality, activity));
    }
    records.addAll(alerts);
    yieldIfChanged(state, relationship, history, now).ifPresent(records::add);
    FollowUpRules.Due followUps = followUpRules.due(state, vitality, history.exchanges(), now);
    records.addAll(followUps.records());
    state.setBand(vitality.getBand());
    Instant reviewDue = earliest(earliest(scored.stableUntil(), followUps.nextDeadline()),
        earliest(alertRules.quietUntil(state, history.agreements(), now), nextExpiry(entries, now)));
    state.setReviewDueAt(reviewDue == null ? Long.MAX_VALUE : reviewDue.toEpochMilli());
    state.setReviewDueSettings(reviewSettings);
    return new Publication(records, expired(entries, now), state.hashCode() != stateBefore, due.held());
  }

  /**
   * What the relationship yielded over the ledger's retention, when that changed since last published (or first has a
   * figure).
   */
  private Optional<RelationshipYield> yieldIfChanged(RelationshipState state, Relationship relationship,
      LiveHistory history, Instant now) {
    Instant horizon = now.minus(retention());
    List<LedgerEntry> kept = history.standing().stream().filter(entry -> !entry.getOccurredAt().isBefore(horizon))
        .toList();
    List<YearYield> years = YieldFigures.of(kept, settings.model().zone(), relationship.getRelationshipId());
    int signature = Objects.hash(years, relationship.getOfficeId());
    if (years.isEmpty() && state.getYieldSignature() == null || !changed(state.getYieldSignature(), signature)) {
      return Optional.empty();
    }
    state.setYieldSignature(signature);
    return Optional.of(new RelationshipYield(relationship.getRelationshipId(), relationship.getOfficeId(),
        relationship.getPartnerNameEn(), relationship.getPartnerNameZh(), years));
  }

  /** The entries that have left the ledger's retention: exchanges (and retractions) that long ago. */
  private List<LedgerEntry> expired(List<LedgerEntry> entries, Instant now) {
    Instant horizon = now.minus(retention());
    return entries.stream().filter(entry -> entry.getOccurredAt().isBefore(horizon)).toList();
  }

  /** When the next of the entries leaves the ledger's retention. */
  private Instant nextExpiry(List<LedgerEntry> entries, Instant now) {
    Instant next = null;
    for (LedgerEntry entry : entries) {
      Instant expiry = entry.getOccurredAt().plus(retention());
      if (expiry.isAfter(now)) {
        next = earliest(next, expiry);
      }
    }
    return next;
  }

  private Duration retention() {
    return Duration.ofDays(settings.ledgerRetentionDays());
  }

  private static Instant earliest(Instant a, Instant b) {
    return a == null || b != null && b.isBefore(a) ? b : a;
  }

  private static boolean changed(Integer previous, int now) {
    return previous == null || previous != now;
  }

  /**
   * What scoring found.
   *
   * @param records to publish, in order: vitality, activity, office contribution (when changed), alerts, the
   *     yield (when changed), the follow-ups that changed and their alerts
   * @param expired ledger entries to forget
   * @param stateChanged whether the relationship's state changed and must be written back; its
   *     {@link RelationshipState#getReviewDueAt() reviewDueAt} says until when a review may leave the relationship
   *     alone: nothing it publishes can change before, unless something is recorded
   * @param remindersHeld whether reminders were due but held back until the relationship's input settles
   */
  public record Publication(List<SpecificRecord> records, List<LedgerEntry> expired, boolean stateChanged,
                            boolean remindersHeld) {}
}
