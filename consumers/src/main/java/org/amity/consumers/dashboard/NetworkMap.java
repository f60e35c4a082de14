package org.amity.consumers.dashboard;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.amity.aggregates.ActivityWindow;
import org.amity.aggregates.RelationshipActivity;
import org.amity.aggregates.RelationshipVitality;
import org.amity.consumers.view.DashboardView;
import org.amity.consumers.view.World;

/**
 * The network at a glance: an office's partners placed by country and continent, with their bands; the gaps (the
 * continents, or the countries of a chosen group, with no formal partner); the partners that are ceremony-only (they
 * had exchanges in the last two years, none of them an agreement, project or exchange programme) and those that are
 * one-way (delegations in the last year, all the same way, and none the other way in two years: reciprocity 0).
 */
final class NetworkMap {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Duration TWO_YEARS = Duration.ofDays(730);

  /** One partner on the map. {@code oneWay} is INBOUND or OUTBOUND, or null. */
  record Partner(PartnerTable.Row row, World.Country country, boolean ceremonyOnly, String oneWay) {
    boolean formal() {
      return "FORMAL".equals(row.status());
    }
  }

  private NetworkMap() {}

  /** The partners of the rows (an ENDED relationship is no longer a partner), as of {@code now}. */
  static List<Partner> partners(DashboardView view, List<PartnerTable.Row> rows, Instant now) {
    World world = World.shipped();
    List<Partner> partners = new ArrayList<>();
    for (PartnerTable.Row row : rows) {
      if ("ENDED".equals(row.status())) {
        continue;
      }
      RelationshipVitality vitality = view.vitality(row.relationshipId()).orElse(null);
      boolean alive = vitality != null && !"SUSPENDED".equals(row.status());
      partners.add(new Partner(row, world.country(row.country()).orElse(null),
          alive && ceremonyOnly(vitality, now), alive ? oneWay(vitality, view.activity(row.relationshipId())
              .orElse(null)) : null));
    }
    partners.sort(Comparator.comparing((Partner p) -> p.country() == null ? "~" : p.country().code())
        .thenComparing(p -> p.row().partnerNameEn()).thenComparing(p -> p.row().relationshipId()));
    return partners;
  }

  static boolean ceremonyOnly(RelationshipVitality v, Instant now) {
    Instant twoYearsAgo = now.minus(TWO_YEARS);
    boolean recentExchange = v.getLastExchangeAt() != null && v.getLastExchangeAt().isAfter(twoYearsAgo);
    boolean recentSubstance = v.getLastSubstantiveAt() != null && v.getLastSubstantiveAt().isAfter(twoYearsAgo);
    return recentExchange && !recentSubstance;
  }

  static String oneWay(RelationshipVitality v, RelationshipActivity activity) {
    if (activity == null || activity.getWindows().isEmpty() || v.getReciprocity() > 0) {
      return null;
    }
    ActivityWindow longest = activity.getWindows().get(activity.getWindows().size() - 1);
    int inbound = longest.getInbound().getCount();
    int outbound = longest.getOutbound().getCount();
    return inbound > 0 && outbound == 0 ? "INBOUND" : outbound > 0 && inbound == 0 ? "OUTBOUND" : null;
  }

  static ObjectNode of(DashboardView view, List<PartnerTable.Row> rows, CountryGroups.Group group, Instant now) {
    List<Partner> partners = partners(view, rows, now);
    ObjectNode body = JSON.createObjectNode();
    body.putObject("list").put("id", group.id()).put("nameZh", group.nameZh()).put("nameEn", group.nameEn());
    body.set("partners", partnersJson(partners));
    body.set("countries", countriesJson(partners));
    body.set("continents", continentsJson(partners));
    body.set("gaps", gapsJson(partners, group));
    body.putObject("counts").put("partners", partners.size())
        .put("formal", partners.stream().filter(Partner::formal).count())
        .put("countries", partners.stream().filter(p -> p.country() != null).map(p -> p.country().code()).distinct()
            .count())
        .put("ceremonyOnly", partners.stream().filter(Partner::ceremonyOnly).count())
        .put("oneWay", partners.stream().filter(p -> p.oneWay() != null).count())
        .put("gaps", body.get("gaps").size());
    ArrayNode lists = body.putArray("lists");
    CountryGroups.all().forEach(g -> lists.addObject().put("id", g.id()).put("nameZh", g.nameZh())
        .put("nameEn", g.nameEn()));
    body.put("version", view.version());
    return body;
  }

  private static ArrayNode partnersJson(List<Partner> partners) {
    ArrayNode array = JSON.createArrayNode();
    for (Partner p : partners) {
      PartnerTable.Row r = p.row();
      array.addObject().put("relationshipId", r.relationshipId()).put("officeId", r.officeId())
          .put("partnerId", r.partnerId()).put("nameEn", r.partnerNameEn()).put("nameZh", r.partnerNameZh())
          .put("country", p.country() == null ? r.country() : p.country().code())
          .put("continent", p.country() == null ? null : p.country().continent())
          .put("band", r.band()).put("status", r.status()).put("kind", r.kind()).put("score", r.score())
          .put("ceremonyOnly", p.ceremonyOnly()).put("oneWay", p.oneWay());
    }
    return array;
  }

  /** Per country with a partner, most partners first. */
  private static ArrayNode countriesJson(List<Partner> partners) {
    Map<World.Country, List<Partner>> byCountry = partners.stream().filter(p -> p.country() != null)
        .collect(Collectors.groupingBy(Partner::country, LinkedHashMap::new, Collectors.toList()));
    ArrayNode array = JSON.createArrayNode();
    byCountry.entrySet().stream()
        .sorted(Comparator.comparing((Map.Entry<World.Country, List<Partner>> e) -> -e.getValue().size())
            .thenComparing(e -> e.getKey().code()))
        .forEach(e -> tally(array.addObject().put("country", e.getKey().code()).put("nameEn", e.getKey().nameEn())
            .put("nameZh", e.getKey().nameZh()).put("continent", e.getKey().continent()), e.getValue()));
    return array;
  }

  /** Per inhabited continent, in the map's order, with or without partners. */
  private static ArrayNode continentsJson(List<Partner> partners) {
    ArrayNode array = JSON.createArrayNode();
    for (World.Continent continent : World.shipped().continents().values()) {
      tally(array.addObject().put("continent", continent.code()).put("nameEn", continent.nameEn())
          .put("nameZh", continent.nameZh()), partners.stream()
          .filter(p -> p.country() != null && p.country().continent().equals(continent.code())).toList());
    }
    return array;
  }

  private static void tally(ObjectNode json, List<Partner> partners) {
    json.put("partners", partners.size()).put("formal", partners.stream().filter(Partner::formal).count());
    ObjectNode bands = json.putObject("bands");
    new TreeMap<>(partners.stream().collect(Collectors.groupingBy(p -> p.row().band() == null ? "NONE"
        : p.row().band(), Collectors.counting()))).forEach(bands::put);
  }

  /** The members of the group (continents or countries) with no formal partner. */
  private static ArrayNode gapsJson(List<Partner> partners, CountryGroups.Group group) {
    Set<String> covered = partners.stream().filter(p -> p.formal() && p.country() != null)
        .map(p -> group.continents() ? p.country().continent() : p.country().code()).collect(Collectors.toSet());
    ArrayNode array = JSON.createArrayNode();
    World world = World.shipped();
    for (String member : group.members()) {
      if (covered.contains(member)) {
        continue;
      }
      if (group.continents()) {
        World.Continent c = world.continents().get(member);
        array.addObject().put("code", member).put("nameEn", c.nameEn()).put("nameZh", c.nameZh());
      } else {
        World.Country c = world.country(member).orElseThrow();
        array.addObject().put("code", member).put("nameEn", c.nameEn()).put("nameZh", c.nameZh())
            .put("continent", c.continent());
      }
    }
    return array;
  }
}
