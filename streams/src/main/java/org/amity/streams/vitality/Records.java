package org.amity.streams.vitality;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.amity.aggregates.ActivityWindow;
import org.amity.aggregates.Band;
import org.amity.aggregates.Contributor;
import org.amity.aggregates.RelationshipActivity;
import org.amity.aggregates.RelationshipVitality;
import org.amity.aggregates.Tally;
import org.amity.events.Direction;
import org.amity.partners.Relationship;
import org.amity.streams.ledger.OfficeContribution;
import org.amity.streams.model.Activity;
import org.amity.streams.model.Vitality;

/** The model's answers as the records of the aggregate topics. */
public final class Records {
  private Records() {}

  /**
   * The vitality record. Its {@code exchanges} and moments of the last exchanges are those of the exchanges the score
   * counts: worth points, and not after the moment scored (an exchange dated later, or a cancelled project, is
   * standing but does not count).
   */
  public static RelationshipVitality vitality(Relationship relationship, Vitality v) {
    return RelationshipVitality.newBuilder()
        .setRelationshipId(relationship.getRelationshipId())
        .setOfficeId(relationship.getOfficeId())
        .setPartnerId(relationship.getPartnerId())
        .setPartnerNameEn(relationship.getPartnerNameEn())
        .setPartnerNameZh(relationship.getPartnerNameZh())
        .setCountry(relationship.getCountry())
        .setRegion(relationship.getRegion())
        .setKind(relationship.getKind())
        .setAt(v.at())
        .setScore(v.score())
        .setBand(band(v.band()))
        .setMomentum(v.momentum())
        .setRawMomentum(v.rawMomentum())
        .setBreadth(v.breadth())
        .setReciprocity(v.reciprocity())
        .setSubstance(v.substance())
        .setTrend(v.trend())
        .setEarlierScore(v.earlierScore())
        .setDaysSinceLastExchange(v.daysSinceLastExchange())
        .setLastExchangeAt(v.lastExchangeAt())
        .setDaysSinceLastSubstantive(v.daysSinceLastSubstantive())
        .setLastSubstantiveAt(v.lastSubstantiveAt())
        .setForecastDormantOn(v.forecastDormantOn())
        .setTopContributors(v.topContributors().stream()
            .map(c -> new Contributor(c.eventId(), c.type(), c.occurredAt(), c.pointsToday()))
            .toList())
        .setExchanges(v.exchanges())
        .setModelVersion(v.modelVersion())
        .setStatus(relationship.getStatus())
        .build();
  }

  public static RelationshipActivity activity(Relationship relationship, Activity activity, String modelVersion) {
    List<ActivityWindow> windows = activity.windows().stream().map(Records::window).toList();
    return new RelationshipActivity(relationship.getRelationshipId(), relationship.getOfficeId(), activity.at(),
        windows, modelVersion);
  }

  /** The relationship's share of its office's figures. */
  public static OfficeContribution contribution(RelationshipVitality vitality, RelationshipActivity activity) {
    Map<Integer, Tally> totals = new TreeMap<>();
    activity.getWindows().forEach(window -> totals.put(window.getDays(), window.getTotal()));
    return new OfficeContribution(vitality.getRelationshipId(), vitality.getOfficeId(), vitality.getBand(),
        vitality.getScore(), totals.getOrDefault(30, zero()), totals.getOrDefault(90, zero()),
        totals.getOrDefault(365, zero()), vitality.getStatus());
  }

  public static Band band(org.amity.streams.model.Band band) {
    return Band.valueOf(band.name());
  }

  public static Tally zero() {
    return new Tally(0, 0);
  }

  private static ActivityWindow window(Activity.Window window) {
    Map<String, Tally> byDomain = new TreeMap<>();
    window.byDomain().forEach((domain, tally) -> byDomain.put(domain.name(), tally(tally)));
    return new ActivityWindow(window.days(), tally(window.total()), byDomain,
        tally(window.direction(Direction.INBOUND)), tally(window.direction(Direction.OUTBOUND)));
  }

  private static Tally tally(Activity.Tally tally) {
    return new Tally(tally.count(), tally.points());
  }
}
