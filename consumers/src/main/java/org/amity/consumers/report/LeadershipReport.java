package org.amity.consumers.report;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.amity.aggregates.Alert;
import org.amity.aggregates.FollowUp;
import org.amity.partners.Office;

/**
 * What a report for the leadership says about an office (with the offices under it) over a period: its partners by
 * band at the start and at the end, its exchanges by type and field, what they yielded, the partners that revived or
 * went dormant, and, as of the day it is made, the open follow-ups and the coming anniversaries and agreement expiries.
 *
 * @param bandsOverTime whether the bands at the start and end came from the vitality model's history; if not, the
 *     end's are the bands of now and the start's are unknown
 * @param incompleteTimelines relationships whose kept exchanges ({@code DashboardView.MAX_EXCHANGES}, newest first)
 *     do not reach back to the period's start: their exchanges of the period may be counted in part
 * @param offices the office and those under it, by id, for their names
 * @param alertsIncomplete whether the alerts kept ({@code DashboardView.MAX_ALERTS}, newest first) begin after the
 *     period's start: revived and newly dormant partners before them are found by their bands only
 */
public record LeadershipReport(String officeId, String nameZh, String nameEn, ReportPeriod period, ZoneId zone,
                               Instant madeAt, List<Partner> partners, boolean bandsOverTime,
                               Map<String, Long> exchangesByType, Map<String, Long> exchangesByDomain, int exchanges,
                               List<String> incompleteTimelines, boolean alertsIncomplete, Yield own, Yield withOfficesBelow,
                               List<Change> revived, List<Change> newlyDormant, List<FollowUp> openFollowUps,
                               List<Alert> anniversaries, List<Alert> expiringAgreements, Map<String, Office> offices) {

  /**
   * A partner of the office or of an office under it, and where it stood: a band, SUSPENDED or ENDED, or null when
   * unknown (not scored yet, or no history to ask).
   */
  public record Partner(String relationshipId, String officeId, String nameZh, String nameEn, String country,
                        String atStart, String atEnd) {}

  /**
   * A partner's band change in the period: as its alert of the period says (the day it was raised, the band before and
   * after; the latest, should there be several), else as its bands at the start and end say (no day).
   */
  public record Change(Partner partner, LocalDate on, String from, String to) {}

  /** Values committed by currency (minor units), people taking part by event type, and events by type. */
  public record Yield(Map<String, Long> money, Map<String, Long> people, Map<String, Long> events) {}
}
