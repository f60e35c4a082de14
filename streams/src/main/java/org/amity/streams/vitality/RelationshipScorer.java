package org.amity.streams.vitality;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.amity.aggregates.Alert;
import org.amity.aggregates.RelationshipActivity;
import org.amity.aggregates.RelationshipVitality;
import org.amity.partners.Relationship;
import org.amity.streams.app.StreamsSettings;
import org.amity.streams.ledger.LedgerEntry;
import org.amity.streams.ledger.LiveHistory;
import org.amity.streams.ledger.RelationshipState;
import org.amity.streams.model.Activity;
import org.amity.streams.model.VitalityModel;
import org.apache.avro.specific.SpecificRecord;

/**
 * Scores one relationship from its ledger at one moment, and says what to publish: the vitality and activity
 * records when they changed since last published, the relationship's share of its office's figures, and the alerts
 * due. Pure: the caller keeps the state and writes the records.
 */
public final class RelationshipScorer {
  private final StreamsSettings settings;
  private final VitalityModel model;
  private final AlertRules alertRules;

  public RelationshipScorer(StreamsSettings settings) {
    this.settings = settings;
    this.model = new VitalityModel(settings.model());
    this.alertRules = new AlertRules(settings);
  }

  /**
   * What to publish for a relationship now.
   *
   * @param state the relationship's state; updated in place (band, signatures, what alerts announced)
   * @param entries every entry of its ledger
   * @param announceBandChange whether a change of band raises an alert, or is recorded silently
   */
  public Publication score(RelationshipState state, List<LedgerEntry> entries, Instant now,
      boolean announceBandChange) {
    Relationship relationship = state.getRelationship();
    LiveHistory history = LiveHistory.of(entries);
    RelationshipVitality vitality = Records.vitality(relationship,
        model.score(history.exchanges(), now, relationship.getEstablishedOn()), history.exchanges());
    RelationshipActivity activity = Records.activity(relationship,
        Activity.of(history.exchanges(), now, settings.model()), settings.model().modelVersion());

    List<SpecificRecord> records = new ArrayList<>();
    List<Alert> alerts = alertRules.due(state, vitality, history.agreements(), now,
        announceBandChange);
    int vitalitySignature = signature(vitality);
    int activitySignature = signature(activity);
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
    state.setBand(vitality.getBand());
    return new Publication(records, expired(entries, now));
  }

  /** The entries that have left the ledger's retention: exchanges (and retractions) that long ago. */
  private List<LedgerEntry> expired(List<LedgerEntry> entries, Instant now) {
    Instant horizon = now.minus(Duration.ofDays(settings.ledgerRetentionDays()));
    return entries.stream().filter(entry -> entry.getOccurredAt().isBefore(horizon)).toList();
  }

  private static boolean changed(Integer previous, int now) {
    return previous == null || previous != now;
  }

  /** A hash of everything in the vitality record but the moment it was scored (set aside, not copied: cheaper). */
  static int signature(RelationshipVitality vitality) {
    Instant at = vitality.getAt();
    vitality.setAt(Instant.EPOCH);
    int signature = vitality.hashCode();
    vitality.setAt(at);
    return signature;
  }

  static int signature(RelationshipActivity activity) {
    Instant at = activity.getAt();
    activity.setAt(Instant.EPOCH);
    int signature = activity.hashCode();
    activity.setAt(at);
    return signature;
  }

  /**
   * What scoring found.
   *
   * @param records to publish, in order: vitality, activity, office contribution (when changed), alerts
   * @param expired ledger entries to forget
   */
  public record Publication(List<SpecificRecord> records, List<LedgerEntry> expired) {}
}
