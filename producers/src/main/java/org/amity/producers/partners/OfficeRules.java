package org.amity.producers.partners;

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;
import org.amity.contract.Problem;
import org.amity.labels.Labels;
import org.amity.partners.Office;
import org.amity.partners.OfficeLevel;

/**
 * What makes an office valid master data: a slug for an id, a name, a registered parent that does not make a
 * cycle, a level below its parent's (a province holds cities, a city districts; OTHER fits anywhere), and a
 * contact, language and time zone that can be used.
 */
public final class OfficeRules {
  static final Pattern SLUG = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");
  private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");
  private static final Set<String> LANGUAGES = Set.of("zh", "en");

  private OfficeRules() {}

  /**
   * @param registered the offices as they are, by id (the office itself may be among them: this is a change)
   * @param children the ids of the offices whose parent is the given one
   */
  public static List<Problem> problems(Office office, Function<String, Optional<Office>> registered,
      Function<String, List<Office>> children) {
    List<Problem> problems = new ArrayList<>();
    if (office.getOfficeId() == null || !SLUG.matcher(office.getOfficeId()).matches()) {
      problems.add(Problem.of("officeId",
          "须为以“-”连接的小写字母或数字，如 shanghai-changning，而非“" + office.getOfficeId() + "”",
          "must be lower-case words joined by '-', e.g. shanghai-changning, not \"" + office.getOfficeId() + "\""));
    }
    if (office.getNameEn() == null || office.getNameEn().isBlank()) {
      problems.add(Problem.of("nameEn", "英文名称不能为空", "must not be blank"));
    }
    parentProblems(office, registered, problems);
    for (Office child : children.apply(office.getOfficeId())) {
      if (!levelFits(child.getLevel(), office.getLevel())) {
        problems.add(Problem.of("level", "下级机构 " + child.getOfficeId() + " 为" + Labels.zh(child.getLevel())
                + "级，本机构不能为" + Labels.zh(office.getLevel()) + "级",
            "office " + child.getOfficeId() + " under it is a " + child.getLevel() + "; this one cannot be a "
                + office.getLevel()));
      }
    }
    String contact = office.getAlertContact();
    if (contact != null && !EMAIL.matcher(contact).matches()) {
      problems.add(Problem.of("alertContact", "须为电子邮件地址，而非“" + contact + "”",
          "must be an e-mail address, not \"" + contact + "\""));
    }
    if (office.getLanguage() != null && !LANGUAGES.contains(office.getLanguage())) {
      problems.add(Problem.of("language", "须为 zh 或 en，而非“" + office.getLanguage() + "”",
          "must be zh or en, not \"" + office.getLanguage() + "\""));
    }
    if (office.getTimeZone() != null && !isZone(office.getTimeZone())) {
      problems.add(Problem.of("timeZone", "须为时区名称，如 Asia/Shanghai，而非“" + office.getTimeZone() + "”",
          "must be a time zone such as Asia/Shanghai, not \"" + office.getTimeZone() + "\""));
    }
    return problems;
  }

  private static void parentProblems(Office office, Function<String, Optional<Office>> registered, List<Problem> problems) {
    String parentId = office.getParentOfficeId();
    if (parentId == null) {
      return;
    }
    if (parentId.equals(office.getOfficeId())) {
      problems.add(Problem.of("parentOfficeId", "机构不能是自己的上级", "an office cannot be its own parent"));
      return;
    }
    Optional<Office> parent = registered.apply(parentId);
    if (parent.isEmpty()) {
      problems.add(Problem.of("parentOfficeId", "上级机构 " + parentId + " 尚未登记；请先登记它",
          "no office " + parentId + " is registered; register the parent first"));
      return;
    }
    List<String> chain = new ArrayList<>(List.of(office.getOfficeId()));
    Set<String> seen = new HashSet<>(chain);
    for (Optional<Office> above = parent; above.isPresent(); above = above.map(Office::getParentOfficeId).flatMap(registered)) {
      String id = above.get().getOfficeId();
      chain.add(id);
      if (!seen.add(id)) {
        problems.add(Problem.of("parentOfficeId", "上级关系将形成循环：" + String.join(" → ", chain),
            "the parents would form a cycle: " + String.join(" → ", chain)));
        return;
      }
    }
    if (!levelFits(office.getLevel(), parent.get().getLevel())) {
      problems.add(Problem.of("level", Labels.zh(office.getLevel()) + "级机构不能隶属于" + Labels.zh(parent.get().getLevel())
              + "级机构 " + parentId,
          "a " + office.getLevel() + " office cannot sit under the " + parent.get().getLevel() + " office " + parentId));
    }
  }

  /** A province holds cities and districts, a city districts; OTHER fits under and above anything. */
  static boolean levelFits(OfficeLevel child, OfficeLevel parent) {
    if (child == OfficeLevel.OTHER || parent == OfficeLevel.OTHER) {
      return true;
    }
    return child.ordinal() > parent.ordinal();
  }

  /** A zone by its name (Asia/Shanghai), as browsers and mail clients know it, not an offset such as UTC+8. */
  private static boolean isZone(String zone) {
    return ZoneId.getAvailableZoneIds().contains(zone);
  }
}
