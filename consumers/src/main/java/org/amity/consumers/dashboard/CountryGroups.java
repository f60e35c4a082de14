package org.amity.consumers.dashboard;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The lists an office can hold its network against, to see its gaps: the continents, or the countries of a group
 * (members as of 2026, China left out: its own cities are not foreign partners).
 */
final class CountryGroups {
  /** A list; {@code continents} true when its members are continent codes, else country codes (ISO 3166-1 alpha-2). */
  record Group(String id, String nameZh, String nameEn, boolean continents, List<String> members) {}

  static final Group CONTINENTS = new Group("continents", "各大洲", "Continents", true,
      List.of("AS", "EU", "AF", "NA", "SA", "OC"));

  private static final Map<String, Group> GROUPS = index(
      CONTINENTS,
      new Group("g20", "二十国集团", "G20", false, List.of("AR", "AU", "BR", "CA", "DE", "FR", "GB", "ID", "IN", "IT",
          "JP", "KR", "MX", "RU", "SA", "TR", "US", "ZA")),
      new Group("eu", "欧盟", "European Union", false, List.of("AT", "BE", "BG", "CY", "CZ", "DE", "DK", "EE", "ES",
          "FI", "FR", "GR", "HR", "HU", "IE", "IT", "LT", "LU", "LV", "MT", "NL", "PL", "PT", "RO", "SE", "SI", "SK")),
      new Group("asean", "东盟", "ASEAN", false, List.of("BN", "ID", "KH", "LA", "MM", "MY", "PH", "SG", "TH", "TL",
          "VN")),
      new Group("sco", "上海合作组织", "Shanghai Cooperation Organisation", false, List.of("BY", "IN", "IR", "KG", "KZ",
          "PK", "RU", "TJ", "UZ")),
      new Group("brics", "金砖国家", "BRICS", false, List.of("AE", "BR", "EG", "ET", "ID", "IN", "IR", "RU", "ZA")));

  private CountryGroups() {}

  static Optional<Group> byId(String id) {
    return Optional.ofNullable(GROUPS.get(id));
  }

  static List<Group> all() {
    return List.copyOf(GROUPS.values());
  }

  private static Map<String, Group> index(Group... groups) {
    Map<String, Group> byId = new LinkedHashMap<>();
    for (Group group : groups) {
      byId.put(group.id(), group);
    }
    return byId;
  }
}
