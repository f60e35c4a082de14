package org.amity.producers.sheet;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.amity.contract.Problem;
import org.amity.producers.events.AvroJson;

/**
 * A row turned into the flat JSON that {@link org.amity.producers.events.EventJson} reads, with the problems
 * found on the way. Problems name the column as the sheet's header does ("人数", "headcount"); the path of a
 * problem found later in the event (by EventJson or the validator) is mapped back to its column by
 * {@link #explain}.
 *
 * @param json the event as flat JSON; null when the row's type is missing or unknown
 * @param eventId the row's event_id, or the one derived from its content
 * @param problems what is wrong with the row's cells, by column
 * @param rowKey for a row with a row id (编号): the stem of its versions' eventIds ("import:row:" and a hash of the
 *     office and the row id); null otherwise
 */
public record MappedRow(Sheet.Row row, String type, ObjectNode json, String eventId, List<Problem> problems,
                        ColumnLayout layout, List<Column> relationshipColumns, String rowKey) {
  private static final Pattern BATCH_PREFIX = Pattern.compile("^\\[\\d+\\]\\.?");
  private static final Pattern INDEX = Pattern.compile("^relationshipIds\\[(\\d+)\\]");

  public MappedRow {
    problems = List.copyOf(problems);
    relationshipColumns = List.copyOf(relationshipColumns);
  }

  /**
   * The row's problems and those found in its event, each naming its column; problems of a column the row's
   * cells already had a problem with are left out (they are its consequences), and so are repeats.
   */
  public List<Problem> explain(List<Problem> eventProblems) {
    Set<String> columnsWithProblems = new java.util.HashSet<>();
    problems.forEach(p -> columnsWithProblems.add(p.path()));
    if (columnsWithProblems.contains(layout.label(Column.OFFICE))) {
      // the partners' relationship ids are made with the office
      columnsWithProblems.add(layout.label(Column.PARTNER));
      columnsWithProblems.add(layout.label(Column.PARTNERS));
    }
    Set<Problem> all = new LinkedHashSet<>(problems);
    List<Problem> mapped = new ArrayList<>();
    for (Problem problem : eventProblems) {
      mapped.add(new Problem(labelOf(problem.path()), reason(problem)));
    }
    String date = layout.label(Column.DATE);
    boolean dateHasOwnProblem = eventProblems.stream().anyMatch(p -> isDateField(field(p.path())));
    for (int i = 0; i < mapped.size(); i++) {
      Problem problem = mapped.get(i);
      boolean occurredAt = field(eventProblems.get(i).path()).equals("occurredAt");
      if (columnsWithProblems.contains(problem.path()) || (occurredAt && problem.path().equals(date) && dateHasOwnProblem)) {
        continue;
      }
      all.add(problem);
    }
    return List.copyOf(all);
  }

  private String reason(Problem problem) {
    if (problem.reason().equals(AvroJson.REQUIRED) && type != null) {
      Column column = columnOf(problem.path());
      boolean missing = column != null && !layout.has(column);
      return type + " 类型的行必填" + (missing ? "（表中没有这一列）" : "") + " / is required for " + type
          + (missing ? " (the sheet has no such column)" : "");
    }
    return problem.reason();
  }

  private String labelOf(String path) {
    Column column = columnOf(path);
    return column == null ? field(path) : layout.label(column);
  }

  /** The column a problem path of the event comes from, or null (source, recordedAt). */
  Column columnOf(String path) {
    String local = BATCH_PREFIX.matcher(path).replaceFirst("");
    Matcher index = INDEX.matcher(local);
    if (index.find()) {
      int i = Integer.parseInt(index.group(1));
      return i < relationshipColumns.size() ? relationshipColumns.get(i) : Column.PARTNER;
    }
    return switch (field(local)) {
      case "type" -> Column.TYPE;
      case "eventId" -> Column.EVENT_ID;
      case "occurredAt", "startDate", "signedOn", "reachedOn" -> Column.DATE;
      case "endDate" -> Column.END_DATE;
      case "validUntil" -> Column.VALID_UNTIL;
      case "office" -> Column.OFFICE;
      case "relationshipIds" -> Column.PARTNER;
      case "domains" -> Column.DOMAINS;
      case "summary" -> Column.SUMMARY;
      case "corrects" -> Column.CORRECTS;
      case "direction" -> Column.DIRECTION;
      case "level" -> Column.LEVEL;
      case "headcount" -> Column.HEADCOUNT;
      case "leader" -> Column.LEADER;
      case "kind", "milestone" -> Column.KIND;
      case "title", "projectName", "topic" -> Column.TITLE;
      case "projectId" -> layout.has(Column.PROJECT_ID) ? Column.PROJECT_ID : Column.TITLE;
      case "venueName" -> Column.VENUE_NAME;
      case "heldIn" -> Column.HELD_IN;
      case "venue" -> Column.VENUE;
      case "visitors" -> Column.VISITORS;
      case "participants" -> Column.PARTICIPANTS;
      case "partnerCount" -> Column.PARTNER_COUNT;
      case "value" -> local.contains("currency") ? Column.CURRENCY : Column.VALUE;
      default -> null;
    };
  }

  private static boolean isDateField(String field) {
    return field.equals("startDate") || field.equals("signedOn") || field.equals("reachedOn");
  }

  /** The top-level field of a path: "value" for "value.currency", "domains" for "domains[1]". */
  private static String field(String path) {
    String local = BATCH_PREFIX.matcher(path).replaceFirst("");
    int end = local.length();
    for (int i = 0; i < local.length(); i++) {
      if (local.charAt(i) == '.' || local.charAt(i) == '[') {
        end = i;
        break;
      }
    }
    return local.substring(0, end);
  }
}
