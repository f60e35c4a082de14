package org.amity.producers.partners;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.amity.contract.Problem;
import org.amity.partners.Office;
import org.amity.partners.OfficeLevel;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Offices as master data: each bad office refused with the field named, in Chinese and English. */
class OfficeRulesTest {
  private final Map<String, Office> registered = new HashMap<>();

  OfficeRulesTest() {
    register(office("shandong", OfficeLevel.PROVINCE, null));
    register(office("jinan", OfficeLevel.CITY, "shandong"));
    register(office("jinan-lixia", OfficeLevel.DISTRICT, "jinan"));
  }

  record Case(String name, Office office, String field, String mentions) {
    @Override
    public String toString() {
      return name;
    }
  }

  static List<Case> badOffices() {
    return List.of(
        new Case("an id with capitals", office("Jinan", OfficeLevel.CITY, null), "officeId", "Jinan"),
        new Case("an id with a slash", office("jinan/lixia", OfficeLevel.DISTRICT, null), "officeId", "jinan/lixia"),
        new Case("an id in Chinese", office("济南", OfficeLevel.CITY, null), "officeId", "济南"),
        new Case("an id with a trailing dash", office("jinan-", OfficeLevel.CITY, null), "officeId", "jinan-"),
        new Case("an empty id", office("", OfficeLevel.CITY, null), "officeId", "须为"),
        new Case("a blank English name", Office.newBuilder(office("qingdao", OfficeLevel.CITY, "shandong")).setNameEn(" ").build(),
            "nameEn", "不能为空"),
        new Case("an unknown parent", office("jinan-shizhong", OfficeLevel.DISTRICT, "jinann"), "parentOfficeId", "jinann"),
        new Case("its own parent", office("jinan", OfficeLevel.CITY, "jinan"), "parentOfficeId", "自己"),
        new Case("a cycle through a district", office("jinan", OfficeLevel.CITY, "jinan-lixia"), "parentOfficeId",
            "jinan → jinan-lixia → jinan"),
        new Case("a cycle through the province", office("shandong", OfficeLevel.PROVINCE, "jinan-lixia"), "parentOfficeId",
            "循环"),
        new Case("a city under a district", office("zibo", OfficeLevel.CITY, "jinan-lixia"), "level", "区级机构 jinan-lixia"),
        new Case("a province under a city", office("hebei", OfficeLevel.PROVINCE, "jinan"), "level", "PROVINCE"),
        new Case("a district under a district", office("jinan-lixia-east", OfficeLevel.DISTRICT, "jinan-lixia"), "level",
            "DISTRICT"),
        new Case("a city made a district while it has districts", office("jinan", OfficeLevel.DISTRICT, "shandong"), "level",
            "jinan-lixia"),
        new Case("a contact that is no e-mail address", withContact("not-an-address"), "alertContact", "not-an-address"),
        new Case("a language other than zh or en", Office.newBuilder(office("qingdao", OfficeLevel.CITY, "shandong"))
            .setLanguage("fr").build(), "language", "fr"),
        new Case("a time zone that does not exist", Office.newBuilder(office("qingdao", OfficeLevel.CITY, "shandong"))
            .setTimeZone("Asia/Jinan").build(), "timeZone", "Asia/Jinan"),
        new Case("an offset instead of a time zone's name", Office.newBuilder(office("qingdao", OfficeLevel.CITY,
            "shandong")).setTimeZone("UTC+8").build(), "timeZone", "UTC+8"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("badOffices")
  void refusesABadOfficeNamingTheFieldInBothLanguages(Case bad) {
    List<Problem> problems = problems(bad.office());
    assertThat(problems).extracting(Problem::path).contains(bad.field());
    Problem problem = problems.stream().filter(p -> p.path().equals(bad.field())).findFirst().orElseThrow();
    assertThat(problem.reason()).contains(bad.mentions()).contains(" / ");
  }

  @Test
  void acceptsATreeOfAnyDepthAndOfficesOfOtherLevelsAnywhere() {
    assertThat(problems(office("qingdao", OfficeLevel.CITY, "shandong"))).isEmpty();
    assertThat(problems(office("lixia-street", OfficeLevel.OTHER, "jinan-lixia"))).isEmpty();
    register(office("lixia-street", OfficeLevel.OTHER, "jinan-lixia"));
    assertThat(problems(office("lixia-street-committee", OfficeLevel.OTHER, "lixia-street"))).isEmpty();
    assertThat(problems(Office.newBuilder(office("jinan", OfficeLevel.CITY, "shandong"))
        .setNameZh("济南市人民政府外事办公室").setAlertContact("fao@jinan.gov.cn").setLanguage("zh")
        .setTimeZone("Asia/Shanghai").build())).isEmpty();
  }

  private List<Problem> problems(Office office) {
    return OfficeRules.problems(office, id -> Optional.ofNullable(registered.get(id)),
        id -> registered.values().stream().filter(o -> id.equals(o.getParentOfficeId()) && !o.getOfficeId().equals(id))
            .toList());
  }

  private void register(Office office) {
    registered.put(office.getOfficeId(), office);
  }

  private static Office withContact(String contact) {
    return Office.newBuilder(office("qingdao", OfficeLevel.CITY, "shandong")).setAlertContact(contact).build();
  }

  static Office office(String id, OfficeLevel level, String parent) {
    return Office.newBuilder().setOfficeId(id).setNameEn("Office " + id).setLevel(level).setParentOfficeId(parent).build();
  }
}
