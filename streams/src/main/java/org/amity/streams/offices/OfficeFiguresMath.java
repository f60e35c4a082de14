package org.amity.streams.offices;

import org.amity.aggregates.Band;
import org.amity.aggregates.OfficeFigures;
import org.amity.aggregates.Tally;
import org.amity.partners.RelationshipStatus;
import org.amity.streams.ledger.OfficeContribution;

/** Adding and taking away one relationship's contribution to its office's figures. */
public final class OfficeFiguresMath {
  private OfficeFiguresMath() {}

  public static OfficeFigures empty() {
    return new OfficeFigures(0, 0, 0, 0, 0, 0, 0L, zero(), zero(), zero(), 0, 0);
  }

  public static OfficeFigures add(OfficeContribution c, OfficeFigures figures) {
    return change(figures, c, 1);
  }

  public static OfficeFigures subtract(OfficeContribution c, OfficeFigures figures) {
    return change(figures, c, -1);
  }

  /** The sum of two offices' figures (a city with a district). */
  public static OfficeFigures sum(OfficeFigures a, OfficeFigures b) {
    return new OfficeFigures(a.getRelationships() + b.getRelationships(), a.getThriving() + b.getThriving(),
        a.getActive() + b.getActive(), a.getCooling() + b.getCooling(), a.getDormant() + b.getDormant(),
        a.getNew$() + b.getNew$(), a.getScoreSum() + b.getScoreSum(), plus(a.getLast30Days(), b.getLast30Days(), 1),
        plus(a.getLast90Days(), b.getLast90Days(), 1), plus(a.getLast365Days(), b.getLast365Days(), 1),
        a.getSuspended() + b.getSuspended(), a.getEnded() + b.getEnded());
  }

  /** Whether the figures count no relationship at all, of any status. */
  public static boolean isEmpty(OfficeFigures f) {
    return f.getRelationships() == 0 && f.getSuspended() == 0 && f.getEnded() == 0;
  }

  /** A suspended or ended relationship is counted apart, in nothing else. */
  private static OfficeFigures change(OfficeFigures f, OfficeContribution c, int sign) {
    if (c.getStatus() == RelationshipStatus.SUSPENDED || c.getStatus() == RelationshipStatus.ENDED) {
      OfficeFigures.Builder apart = OfficeFigures.newBuilder(f);
      return c.getStatus() == RelationshipStatus.SUSPENDED
          ? apart.setSuspended(f.getSuspended() + sign).build()
          : apart.setEnded(f.getEnded() + sign).build();
    }
    Band band = c.getBand();
    return new OfficeFigures(
        f.getRelationships() + sign,
        f.getThriving() + (band == Band.THRIVING ? sign : 0),
        f.getActive() + (band == Band.ACTIVE ? sign : 0),
        f.getCooling() + (band == Band.COOLING ? sign : 0),
        f.getDormant() + (band == Band.DORMANT ? sign : 0),
        f.getNew$() + (band == Band.NEW ? sign : 0),
        f.getScoreSum() + (long) sign * c.getScore(),
        plus(f.getLast30Days(), c.getLast30Days(), sign),
        plus(f.getLast90Days(), c.getLast90Days(), sign),
        plus(f.getLast365Days(), c.getLast365Days(), sign),
        f.getSuspended(), f.getEnded());
  }

  private static Tally plus(Tally a, Tally b, int sign) {
    return new Tally(a.getCount() + sign * b.getCount(), a.getPoints() + sign * b.getPoints());
  }

  private static Tally zero() {
    return new Tally(0, 0);
  }
}
