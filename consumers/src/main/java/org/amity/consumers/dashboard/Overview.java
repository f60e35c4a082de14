package org.amity.consumers.dashboard;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.amity.aggregates.Alert;
import org.amity.aggregates.Band;
import org.amity.aggregates.OfficeRollup;
import org.amity.aggregates.RelationshipVitality;
import org.amity.consumers.view.DashboardView;
import org.amity.json.RecordJson;
import org.amity.partners.Office;
import org.amity.partners.Relationship;
import org.amity.partners.RelationshipStatus;

/**
 * The overview the user's scope sees: each office with its relationships by band (ended and suspended ones apart),
 * the ranking by activity, the newest alerts, failed notifications and dead letters (the whole system's only).
 */
final class Overview {
  private static final ObjectMapper JSON = new ObjectMapper();

  private Overview() {}

  static ObjectNode of(DashboardView view, int alertLimit, OfficeScope scope) {
    ObjectNode body = JSON.createObjectNode();
    Map<String, Map<Band, Integer>> bands = new TreeMap<>();
    Map<Band, Integer> totals = new EnumMap<>(Band.class);
    List<OfficeRollup> rollups = scope.filter(view.rollups(), OfficeRollup::getOfficeId);
    Map<String, Map<RelationshipStatus, Integer>> apart = new HashMap<>();
    for (RelationshipVitality v : scope.filter(view.vitality(), RelationshipVitality::getOfficeId)) {
      RelationshipStatus status = PartnerTable.status(view.relationship(v.getRelationshipId()).orElse(null), v);
      if (status == RelationshipStatus.ENDED || status == RelationshipStatus.SUSPENDED) {
        apart.computeIfAbsent(v.getOfficeId(), k -> new EnumMap<>(RelationshipStatus.class)).merge(status, 1, Integer::sum);
        continue;
      }
      bands.computeIfAbsent(v.getOfficeId(), k -> new EnumMap<>(Band.class)).merge(v.getBand(), 1, Integer::sum);
      totals.merge(v.getBand(), 1, Integer::sum);
    }
    Set<String> officeIds = new LinkedHashSet<>(bands.keySet());
    scope.filter(view.offices(), Office::getOfficeId).forEach(o -> officeIds.add(o.getOfficeId()));
    rollups.forEach(r -> officeIds.add(r.getOfficeId()));
    OfficeTree tree = new OfficeTree(officeIds, view.offices(), scope.filter(view.relationships(),
        Relationship::getOfficeId));
    ArrayNode offices = body.putArray("offices");
    for (String id : tree.ordered(officeIds)) {
      ObjectNode office = offices.addObject().put("officeId", id).put("depth", tree.depth(id))
          .put("partners", tree.partners(id)).put("partnersWithDescendants", tree.partnersWithDescendants(id));
      Optional<Office> master = view.office(id);
      Optional<OfficeRollup> rollup = rollups.stream().filter(r -> r.getOfficeId().equals(id)).findFirst();
      office.put("nameEn", master.map(Office::getNameEn).orElse(rollup.map(OfficeRollup::getNameEn).orElse(id)));
      office.put("nameZh", master.map(Office::getNameZh).orElse(rollup.map(OfficeRollup::getNameZh).orElse(null)));
      office.put("parentOfficeId", master.map(Office::getParentOfficeId).orElse(null));
      ObjectNode byBand = office.putObject("bands");
      Map<Band, Integer> counts = bands.getOrDefault(id, Map.of());
      int relationships = 0;
      for (Band band : Band.values()) {
        byBand.put(band.name(), counts.getOrDefault(band, 0));
        relationships += counts.getOrDefault(band, 0);
      }
      office.put("relationships", relationships);
      Map<RelationshipStatus, Integer> notAlive = apart.getOrDefault(id, Map.of());
      office.put("suspended", notAlive.getOrDefault(RelationshipStatus.SUSPENDED, 0))
          .put("ended", notAlive.getOrDefault(RelationshipStatus.ENDED, 0));
      rollup.ifPresent(r -> office.put("rankByActivity", r.getRankByActivity()).put("peers", r.getPeers())
          .put("pointsLast365Days", r.getOwn().getLast365Days().getPoints())
          .put("exchangesLast365Days", r.getOwn().getLast365Days().getCount())
          .put("averageScore", r.getOwn().getRelationships() == 0 ? 0
              : Math.round((double) r.getOwn().getScoreSum() / r.getOwn().getRelationships()))
          .set("rollup", RecordJson.write(r)));
    }
    ArrayNode ranking = body.putArray("ranking");
    rollups.stream()
        .sorted(Comparator.comparing((OfficeRollup r) -> r.getParentOfficeId() == null ? "" : r.getParentOfficeId())
            .thenComparingInt(OfficeRollup::getRankByActivity).thenComparing(OfficeRollup::getOfficeId))
        .forEach(r -> ranking.addObject().put("officeId", r.getOfficeId()).put("nameEn", r.getNameEn())
            .put("nameZh", r.getNameZh()).put("parentOfficeId", r.getParentOfficeId())
            .put("rankByActivity", r.getRankByActivity()).put("peers", r.getPeers())
            .put("pointsLast365Days", r.getOwn().getLast365Days().getPoints())
            .put("exchangesLast365Days", r.getOwn().getLast365Days().getCount()));
    ObjectNode total = body.putObject("bands");
    for (Band band : Band.values()) {
      total.put(band.name(), totals.getOrDefault(band, 0));
    }
    ArrayNode alerts = body.putArray("alerts");
    scope.filter(view.alerts(), Alert::getOfficeId).stream().limit(alertLimit)
        .forEach(a -> alerts.add(AlertJson.of(a, view)));
    ArrayNode failures = body.putArray("notificationFailures");
    List<DashboardView.NotificationFailure> notificationFailures = scope.filter(view.notificationFailures(),
        f -> OfficeScope.officeOf(f.alertId()));
    notificationFailures.stream().limit(alertLimit).forEach(f -> failures.addObject()
        .put("alertId", f.alertId()).put("recipient", f.recipient()).put("at", f.at())
        .put("attempts", f.attempts()).put("reason", f.reason()));
    body.put("notificationFailureCount", notificationFailures.size());
    ObjectNode deadLetters = body.putObject("deadLetters");
    Map<String, Long> byTopic = scope == OfficeScope.EVERY_OFFICE ? view.deadLetters() : Map.of();
    deadLetters.put("total", byTopic.values().stream().mapToLong(Long::longValue).sum());
    byTopic.forEach(deadLetters.putObject("byTopic")::put);
    body.put("version", view.version());
    return body;
  }
}
