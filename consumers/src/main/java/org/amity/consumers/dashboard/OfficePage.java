package org.amity.consumers.dashboard;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.amity.access.OfficeHierarchy;
import org.amity.aggregates.OfficeYield;
import org.amity.aggregates.RelationshipYield;
import org.amity.aggregates.YearYield;
import org.amity.aggregates.YieldEvent;
import org.amity.consumers.view.DashboardView;
import org.amity.json.RecordJson;
import org.amity.labels.Labels;
import org.amity.partners.Office;
import org.amity.partners.Relationship;

/**
 * What the office page shows: the office, what its partnerships yielded year by year (own, and with the offices under
 * it, from amity.office-yields), and the events behind one year's figures (from each relationship's yield: those its
 * office counts, with every relationship of the office or the offices under it that the event names).
 */
final class OfficePage {
  private static final ObjectMapper JSON = new ObjectMapper();

  private OfficePage() {}

  /** @param year the year whose events are listed; null for the newest with any figure */
  static ObjectNode of(DashboardView view, String officeId, Integer year) {
    Office office = view.office(officeId).orElse(null);
    ObjectNode body = JSON.createObjectNode().put("officeId", officeId)
        .put("nameEn", office == null ? officeId : office.getNameEn())
        .put("nameZh", office == null ? null : office.getNameZh())
        .put("parentOfficeId", office == null ? null : office.getParentOfficeId())
        .put("timeZone", Labels.zone(office == null ? null : office.getTimeZone()).getId());
    List<OfficeYield> years = view.officeYields(officeId);
    ArrayNode yields = body.putArray("yields");
    for (int i = years.size() - 1; i >= 0; i--) {
      yields.add(RecordJson.write(years.get(i)));
    }
    Integer shown = year != null ? year : years.isEmpty() ? null : years.get(years.size() - 1).getYear();
    body.put("year", shown);
    body.set("events", shown == null ? JSON.createArrayNode() : events(view, officeId, shown));
    body.put("version", view.version());
    return body;
  }

  /** The counted events of the year, newest first, each with the relationships of the office's tree it names. */
  private static ArrayNode events(DashboardView view, String officeId, int year) {
    Set<String> tree = OfficeHierarchy.selfAndBelow(officeId, view.officeParents());
    Map<String, YieldEvent> counted = new LinkedHashMap<>();
    Map<String, List<String>> named = new LinkedHashMap<>();
    for (RelationshipYield yield : view.yields()) {
      if (!tree.contains(yield.getOfficeId())) {
        continue;
      }
      for (YearYield y : yield.getYears()) {
        if (y.getYear() != year) {
          continue;
        }
        for (YieldEvent event : y.getEvents()) {
          named.computeIfAbsent(event.getEventId(), id -> new ArrayList<>()).add(yield.getRelationshipId());
          if (event.getCountedForOffice()) {
            counted.put(event.getEventId(), event);
          }
        }
      }
    }
    ArrayNode events = JSON.createArrayNode();
    counted.values().stream()
        .sorted(Comparator.comparing(YieldEvent::getOccurredAt).reversed().thenComparing(YieldEvent::getEventId))
        .forEach(event -> {
          ObjectNode json = RecordJson.write(event);
          ArrayNode partners = json.putArray("partners");
          named.get(event.getEventId()).stream().sorted().forEach(id -> {
            Relationship relationship = view.relationship(id).orElse(null);
            partners.addObject().put("relationshipId", id)
                .put("nameEn", relationship == null ? id : relationship.getPartnerNameEn())
                .put("nameZh", relationship == null ? null : relationship.getPartnerNameZh());
          });
          events.add(json);
        });
    return events;
  }
}
