package org.amity.consumers.report;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.amity.access.OfficeHierarchy;
import org.amity.aggregates.Alert;
import org.amity.aggregates.AlertKind;
import org.amity.aggregates.FollowUp;
import org.amity.aggregates.FollowUpStatus;
import org.amity.aggregates.RelationshipVitality;
import org.amity.aggregates.RelationshipYield;
import org.amity.aggregates.YearYield;
import org.amity.aggregates.YieldEvent;
import org.amity.consumers.view.DashboardView;
import org.amity.consumers.view.Exchanges.Exchange;
import org.amity.labels.Labels;
import org.amity.partners.Office;
import org.amity.partners.Relationship;
import org.amity.partners.RelationshipStatus;
import org.amity.partners.StatusChange;

/**
 * A leadership report made from what the dashboard's view holds of the topics: the master data, the yields
 * (amity.yields), the alerts, the follow-ups and the exchanges, with the bands at the period's ends from the
 * vitality model's history.
 */
public final class ReportFromView {
  private static final Set<String> ALIVE_BANDS = Set.of("ACTIVE", "THRIVING");
  private static final Set<String> QUIET_BANDS = Set.of("DORMANT", "COOLING");

  private ReportFromView() {}

  public static LeadershipReport make(DashboardView view, BandsAt bands, String officeId, ReportPeriod period,
                                      Instant now) {
    Optional<Office> office = view.office(officeId);
    ZoneId zone = Labels.zone(office.map(Office::getTimeZone).orElse(null));
    Set<String> tree = OfficeHierarchy.selfAndBelow(officeId, view.officeParents());
    LocalDate today = LocalDate.ofInstant(now, zone);
    List<Relationship> relationships = view.relationships().stream().filter(r -> tree.contains(r.getOfficeId()))
        .filter(r -> partnerDuring(r, period, today)).sorted(Comparator.comparing((Relationship r) -> !r.getOfficeId()
            .equals(officeId)).thenComparing(Relationship::getOfficeId).thenComparing(Relationship::getPartnerNameEn)
            .thenComparing(Relationship::getRelationshipId)).toList();
    // a period still under way ends now: its bands at the end are today's, not a forecast
    Instant end = period.end(zone).isAfter(now) ? now : period.end(zone);
    List<LeadershipReport.Partner> partners = new ArrayList<>();
    boolean overTime = true;
    for (Relationship r : relationships) {
      // once the streams application does not answer, it is not asked again for each of the others
      Optional<BandsAt.Bands> found = overTime ? bands.of(r.getRelationshipId(), period.start(zone), end)
          : Optional.empty();
      overTime &= found.isPresent();
      partners.add(partner(r, found, view.vitality(r.getRelationshipId()), period, today));
    }
    Map<String, Long> byType = new TreeMap<>();
    Map<String, Long> byDomain = new TreeMap<>();
    List<String> incomplete = new ArrayList<>();
    int exchanges = countExchanges(view, relationships, period, zone, byType, byDomain, incomplete);
    List<Alert> kept = view.alerts();
    boolean alertsIncomplete = kept.size() >= DashboardView.MAX_ALERTS
        && kept.get(kept.size() - 1).getRaisedAt().isAfter(period.start(zone));
    List<Alert> alerts = kept.stream().filter(a -> tree.contains(a.getOfficeId())).toList();
    return new LeadershipReport(officeId, office.map(Office::getNameZh).orElse(null),
        office.map(Office::getNameEn).orElse(officeId), period, zone, now, partners, overTime, byType, byDomain,
        exchanges, incomplete, alertsIncomplete, yieldOf(view, Set.of(officeId), period, zone), yieldOf(view, tree, period, zone),
        changed(partners, alerts, AlertKind.REVIVED, period, zone),
        changed(partners, alerts, AlertKind.WENT_DORMANT, period, zone), openFollowUps(view, tree),
        coming(alerts, AlertKind.ANNIVERSARY, today), coming(alerts, AlertKind.AGREEMENT_EXPIRING, today),
        view.offices().stream().filter(o -> tree.contains(o.getOfficeId()))
            .collect(Collectors.toMap(Office::getOfficeId, o -> o)));
  }

  /** Established by the period's end, and not ended before it began. */
  private static boolean partnerDuring(Relationship r, ReportPeriod period, LocalDate today) {
    boolean established = r.getEstablishedOn() == null || !r.getEstablishedOn().isAfter(period.to());
    return established && statusOn(r, period.from().minusDays(1), today) != RelationshipStatus.ENDED;
  }

  /**
   * The status the relationship had on the day, from its status history; without one, the status of now from today
   * on, and unknown (null) before.
   */
  static RelationshipStatus statusOn(Relationship r, LocalDate day, LocalDate today) {
    if (r.getStatusHistory().isEmpty()) {
      return day.isBefore(today) ? null : r.getStatus();
    }
    RelationshipStatus status = null;
    for (StatusChange change : r.getStatusHistory()) {
      if (!change.getSince().isAfter(day)) {
        status = change.getStatus();
      }
    }
    return status;
  }

  private static LeadershipReport.Partner partner(Relationship r, Optional<BandsAt.Bands> bands,
                                                  Optional<RelationshipVitality> now, ReportPeriod period,
                                                  LocalDate today) {
    String atStart = standing(statusOn(r, period.from(), today), bands.map(b -> b.atStart().name()).orElse(null));
    String atEnd = standing(statusOn(r, period.to().isAfter(today) ? today : period.to(), today),
        bands.map(b -> b.atEnd().name()).orElse(now.map(v -> v.getBand().name()).orElse(null)));
    return new LeadershipReport.Partner(r.getRelationshipId(), r.getOfficeId(), r.getPartnerNameZh(),
        r.getPartnerNameEn(), r.getCountry(), atStart, atEnd);
  }

  private static String standing(RelationshipStatus status, String band) {
    return status == RelationshipStatus.ENDED || status == RelationshipStatus.SUSPENDED ? status.name() : band;
  }

  /** The exchanges of the period, each once however many of the relationships it names; returns how many. */
  private static int countExchanges(DashboardView view, List<Relationship> relationships, ReportPeriod period,
                                    ZoneId zone, Map<String, Long> byType, Map<String, Long> byDomain,
                                    List<String> incomplete) {
    Map<String, Exchange> seen = new LinkedHashMap<>();
    for (Relationship r : relationships) {
      List<Exchange> timeline = view.exchanges(r.getRelationshipId());
      if (timeline.size() >= DashboardView.MAX_EXCHANGES
          && timeline.get(timeline.size() - 1).occurredAt().isAfter(period.start(zone))) {
        incomplete.add(r.getRelationshipId());
      }
      timeline.stream().filter(e -> period.contains(e.occurredAt(), zone)).forEach(e -> seen.putIfAbsent(e.eventId(), e));
    }
    for (Exchange e : seen.values()) {
      byType.merge(e.type(), 1L, Long::sum);
      e.domains().forEach(domain -> byDomain.merge(domain, 1L, Long::sum));
    }
    return seen.size();
  }

  /** What the events of the period counted by the offices yielded (as amity.office-yields sums them by year). */
  private static LeadershipReport.Yield yieldOf(DashboardView view, Set<String> offices, ReportPeriod period,
                                              ZoneId zone) {
    LeadershipReport.Yield sum = new LeadershipReport.Yield(new TreeMap<>(), new TreeMap<>(), new TreeMap<>());
    for (RelationshipYield relationship : view.yields()) {
      if (!offices.contains(relationship.getOfficeId())) {
        continue;
      }
      for (YearYield year : relationship.getYears()) {
        for (YieldEvent event : year.getEvents()) {
          if (event.getCountedForOffice() && period.contains(event.getOccurredAt(), zone)) {
            add(sum, event);
          }
        }
      }
    }
    return sum;
  }

  private static void add(LeadershipReport.Yield sum, YieldEvent event) {
    if (event.getMoney() != null) {
      sum.money().merge(event.getMoney().getCurrency(), event.getMoney().getAmountMinor(), Long::sum);
    }
    if (event.getPeople() != null) {
      sum.people().merge(event.getType(), event.getPeople(), Long::sum);
    }
    sum.events().merge(event.getType(), 1L, Long::sum);
  }

  /**
   * The partners the alerts of the period say revived or went dormant, and those whose bands say so: quiet at the start
   * and active at the end, or not dormant at the start and dormant at the end.
   */
  private static List<LeadershipReport.Change> changed(List<LeadershipReport.Partner> partners, List<Alert> alerts,
                                                       AlertKind kind, ReportPeriod period, ZoneId zone) {
    Map<String, Alert> latest = new HashMap<>();
    alerts.stream().filter(a -> a.getKind() == kind && period.contains(a.getRaisedAt(), zone))
        .forEach(a -> latest.merge(a.getRelationshipId(), a, (x, y) -> y.getRaisedAt().isAfter(x.getRaisedAt()) ? y : x));
    List<LeadershipReport.Change> changes = new ArrayList<>();
    for (LeadershipReport.Partner p : partners) {
      Alert alert = latest.get(p.relationshipId());
      if (alert != null) {
        changes.add(new LeadershipReport.Change(p, LocalDate.ofInstant(alert.getRaisedAt(), zone),
            alert.getFromBand() == null ? null : alert.getFromBand().name(), alert.getBand().name()));
      } else if (p.atStart() != null && p.atEnd() != null && (kind == AlertKind.REVIVED
          ? QUIET_BANDS.contains(p.atStart()) && ALIVE_BANDS.contains(p.atEnd())
          : !"DORMANT".equals(p.atStart()) && "DORMANT".equals(p.atEnd()))) {
        changes.add(new LeadershipReport.Change(p, null, p.atStart(), p.atEnd()));
      }
    }
    return changes;
  }

  private static List<FollowUp> openFollowUps(DashboardView view, Set<String> tree) {
    return view.followUps().stream().filter(f -> tree.contains(f.getOfficeId()))
        .filter(f -> f.getStatus() != FollowUpStatus.CLOSED)
        .sorted(Comparator.comparing(FollowUp::getUpdatedAt).thenComparing(FollowUp::getAlertId)).toList();
  }

  /** The reminders of anniversaries or expiries still to come, soonest first. */
  private static List<Alert> coming(List<Alert> alerts, AlertKind kind, LocalDate today) {
    Comparator<Alert> soonest = Comparator.comparing(a -> kind == AlertKind.ANNIVERSARY ? a.getAnniversaryOn()
        : a.getAgreementValidUntil());
    return alerts.stream().filter(a -> a.getKind() == kind)
        .filter(a -> !(kind == AlertKind.ANNIVERSARY ? a.getAnniversaryOn() : a.getAgreementValidUntil())
            .isBefore(today))
        .sorted(soonest.thenComparing(Alert::getRelationshipId)).toList();
  }
}
