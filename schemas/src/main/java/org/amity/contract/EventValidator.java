package org.amity.contract;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import org.amity.events.Envelope;
import org.amity.events.Money;
import org.apache.avro.Schema;
import org.apache.avro.Schema.Field;
import org.apache.avro.generic.IndexedRecord;
import org.apache.avro.specific.SpecificRecord;

/**
 * The checks every event passes before it is written, whichever way it came in: required text present,
 * counts positive, dates in range and in order, relationships known and kept by the recording office.
 * Events record exchanges that happened, so their dates may not lie in the future (an agreement's
 * {@code validUntil} may).
 */
public final class EventValidator {
  private static final LocalDate EARLIEST = LocalDate.of(1900, 1, 1);
  private static final LocalDate LATEST_FUTURE = LocalDate.of(2200, 1, 1);
  private static final Duration CLOCK_SKEW = Duration.ofDays(1);
  static final Pattern EVENT_ID = Pattern.compile("[\\p{Alnum}._:/@+=-]{1,200}");
  static final Pattern RELATIONSHIP_ID = Pattern.compile("[a-z0-9-]+/[a-z0-9-]+");
  private static final Pattern CURRENCY = Pattern.compile("[A-Z]{3}");
  /** The longest text field an event may hold, but its summary. */
  public static final int TEXT_LIMIT = 1_000;
  public static final int SUMMARY_LIMIT = 5_000;
  private static final Set<String> FUTURE_ALLOWED = Set.of("validUntil");
  private static final Set<String> NOT_BLANK = Set.of("eventId", "office", "source", "title", "projectId",
      "projectName", "retractedEventId", "reason", "currency");
  private static final Set<String> AT_LEAST_ONE = Set.of("headcount", "participants", "partnerCount");

  private final Predicate<String> relationshipExists;
  private final Clock clock;
  private final Duration futureSkew;

  /** @param futureSkew how far after the clock's now a date may lie and still count as having happened */
  public EventValidator(Predicate<String> relationshipExists, Clock clock, Duration futureSkew) {
    this.relationshipExists = relationshipExists;
    this.clock = clock;
    this.futureSkew = futureSkew;
  }

  public EventValidator(Predicate<String> relationshipExists, Clock clock) {
    this(relationshipExists, clock, CLOCK_SKEW);
  }

  public EventValidator(Predicate<String> relationshipExists) {
    this(relationshipExists, Clock.systemUTC());
  }

  /** Every problem of the event; empty when it may be written. Paths start with {@code path}. */
  public List<Problem> problems(SpecificRecord event, String path) {
    List<Problem> problems = valueProblems(event, path);
    checkEnvelope(EventTypes.envelopeOf(event), path, problems);
    checkText(event, path, problems);
    return problems;
  }

  /**
   * The problems of the event's values alone (counts, amounts, dates, text), which would make any figure computed
   * from it wrong; not those of its ids and relationships, which the writing boundary checks.
   */
  public List<Problem> valueProblems(SpecificRecord event, String path) {
    List<Problem> problems = new ArrayList<>();
    checkFields(event, path, problems);
    checkInstant(EventTypes.envelopeOf(event).getOccurredAt(), join(path, "occurredAt"), problems);
    checkRecordedAt(EventTypes.envelopeOf(event).getRecordedAt(), join(path, "recordedAt"), problems);
    checkDateOrder(event, path, problems);
    return problems;
  }

  /**
   * The problems that make an event unfit to score, whoever wrote it: its values, its eventId, and relationships
   * missing or of another office. Not whether they exist (the ledger's to say) nor a relationship or domain named
   * twice (counted once).
   */
  public List<Problem> scoringProblems(SpecificRecord event, String path) {
    List<Problem> problems = valueProblems(event, path);
    Envelope envelope = EventTypes.envelopeOf(event);
    checkEventId(envelope, path, problems);
    if (envelope.getRelationshipIds().isEmpty()) {
      problems.add(Problem.of(join(path, "relationshipIds"), "至少要列出一个关系", "must name at least one relationship"));
    }
    for (int i = 0; i < envelope.getRelationshipIds().size(); i++) {
      checkRelationshipOfOffice(envelope, i, join(path, "relationshipIds") + "[" + i + "]", problems);
    }
    return problems;
  }

  /** Throws {@link InvalidInputException} unless the event may be written. */
  public void validate(SpecificRecord event, String path) {
    List<Problem> problems = problems(event, path);
    if (!problems.isEmpty()) {
      throw new InvalidInputException(problems);
    }
  }

  private void checkFields(SpecificRecord record, String path, List<Problem> problems) {
    for (Field field : record.getSchema().getFields()) {
      Object value = record.get(field.pos());
      String at = join(path, field.name());
      if (value instanceof Envelope envelope) {
        checkFields(envelope, path, problems);
      } else if (value instanceof Money money) {
        checkMoney(money, at, problems);
      } else if (value instanceof CharSequence text && NOT_BLANK.contains(field.name()) && text.toString().isBlank()) {
        problems.add(Problem.of(at, "不能为空", "must not be blank"));
      } else if (value instanceof Number number && AT_LEAST_ONE.contains(field.name()) && number.longValue() < 1) {
        problems.add(Problem.of(at, "至少为 1，而不是 " + number, "must be at least 1, not " + number));
      } else if (value instanceof Number number && number.longValue() < 0) {
        problems.add(Problem.of(at, "不能为负数，而不是 " + number, "must not be negative, not " + number));
      } else if (value instanceof LocalDate date) {
        checkDate(date, at, FUTURE_ALLOWED.contains(field.name()), problems);
      }
    }
  }

  private void checkEnvelope(Envelope envelope, String path, List<Problem> problems) {
    checkEventId(envelope, path, problems);
    checkRelationships(envelope, path, problems);
    if (new HashSet<>(envelope.getDomains()).size() < envelope.getDomains().size()) {
      problems.add(Problem.of(join(path, "domains"), "同一领域列了两次", "names a domain twice"));
    }
  }

  /**
   * Text as people write it: no control characters (a tab or a line break is fine), and no longer than a summary
   * ({@value #SUMMARY_LIMIT} characters) or any other text ({@value #TEXT_LIMIT}) needs to be.
   */
  static void checkText(IndexedRecord record, String path, List<Problem> problems) {
    for (Field field : record.getSchema().getFields()) {
      Object value = record.get(field.pos());
      if (value instanceof Envelope envelope) {
        checkText(envelope, path, problems);
      } else if (value instanceof IndexedRecord nested) {
        checkText(nested, join(path, field.name()), problems);
      } else if (value instanceof CharSequence text) {
        int limit = field.name().equals("summary") ? SUMMARY_LIMIT : TEXT_LIMIT;
        String at = join(path, field.name());
        if (text.length() > limit) {
          problems.add(Problem.of(at, "最多 " + limit + " 个字符，而不是 " + text.length(),
              "must be at most " + limit + " characters, not " + text.length()));
        }
        if (text.chars().anyMatch(c -> c < 0x20 && c != '\t' && c != '\n' && c != '\r' || c == 0x7f)) {
          problems.add(Problem.of(at, "不能含控制字符", "must not contain control characters"));
        }
      }
    }
  }

  private static void checkEventId(Envelope envelope, String path, List<Problem> problems) {
    if (!EVENT_ID.matcher(envelope.getEventId()).matches()) {
      String id = "\"" + envelope.getEventId() + "\"";
      problems.add(Problem.of(join(path, "eventId"), "须为 1 到 200 个字母、数字或 ._:/@+=-（不含空格），而不是 " + id,
          "must be 1 to 200 letters, digits or ._:/@+=- (no spaces), not " + id));
    }
  }

  /** The problem of a relationship id that is not one of the office's. */
  public static Problem notOfOffice(String at, String relationshipId, String office) {
    return Problem.of(at, relationshipId + " 不是外办 " + office + " 的关系",
        relationshipId + " is not a relationship of office " + office);
  }

  /** False when the id is malformed or another office's, with the problem added. */
  private static boolean checkRelationshipOfOffice(Envelope envelope, int i, String at, List<Problem> problems) {
    String id = envelope.getRelationshipIds().get(i);
    if (!RELATIONSHIP_ID.matcher(id).matches()) {
      problems.add(Problem.of(at, "须为小写的 \"外办/伙伴\"，如 \"shanghai/nl-rotterdam\"，而不是 \"" + id + "\"",
          "must be \"office/partner\" in lower case, e.g. \"shanghai/nl-rotterdam\", not \"" + id + "\""));
      return false;
    }
    if (!id.startsWith(envelope.getOffice() + "/")) {
      problems.add(notOfOffice(at, id, envelope.getOffice()));
      return false;
    }
    return true;
  }

  private void checkRelationships(Envelope envelope, String path, List<Problem> problems) {
    List<String> ids = envelope.getRelationshipIds();
    if (ids.isEmpty()) {
      problems.add(Problem.of(join(path, "relationshipIds"), "至少要列出一个关系", "must name at least one relationship"));
    }
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < ids.size(); i++) {
      String id = ids.get(i);
      String at = join(path, "relationshipIds") + "[" + i + "]";
      if (!seen.add(id)) {
        problems.add(Problem.of(at, id + " 列了两次", "names " + id + " twice"));
      } else if (checkRelationshipOfOffice(envelope, i, at, problems) && !relationshipExists.test(id)) {
        problems.add(Problem.of(at, "未知的关系 " + id + "，请先登记", "unknown relationship " + id + "; register it first"));
      }
    }
  }

  private void checkDateOrder(SpecificRecord event, String path, List<Problem> problems) {
    Schema schema = event.getSchema();
    before(event, schema, "startDate", "endDate", path, problems);
    before(event, schema, "signedOn", "validUntil", path, problems);
  }

  private static void before(SpecificRecord event, Schema schema, String first, String second, String path, List<Problem> problems) {
    if (schema.getField(first) == null || schema.getField(second) == null) {
      return;
    }
    Object from = event.get(schema.getField(first).pos());
    Object to = event.get(schema.getField(second).pos());
    if (from instanceof LocalDate a && to instanceof LocalDate b && b.isBefore(a)) {
      problems.add(Problem.of(join(path, second), "不能早于 " + first + "（" + a + "），而不是 " + b,
          "must not be before " + first + " (" + a + "), not " + b));
    }
  }

  private void checkDate(LocalDate date, String at, boolean futureAllowed, List<Problem> problems) {
    LocalDate latest = futureAllowed ? LATEST_FUTURE : LocalDate.now(clock).plusDays(futureSkew.toDays());
    if (date.isBefore(EARLIEST) || date.isAfter(latest)) {
      problems.add(Problem.of(at, "须在 " + EARLIEST + " 至 " + latest + " 之间" + (futureAllowed ? "" : "（事件记录已发生的交流）")
          + "，而不是 " + date, "must be between " + EARLIEST + " and " + latest
          + (futureAllowed ? "" : " (events record exchanges that happened)") + ", not " + date));
    }
  }

  private void checkInstant(Instant instant, String at, List<Problem> problems) {
    Instant latest = clock.instant().plus(futureSkew);
    if (instant.isBefore(EARLIEST.atStartOfDay().toInstant(ZoneOffset.UTC)) || instant.isAfter(latest)) {
      problems.add(Problem.of(at, "须在 " + EARLIEST + " 至今之间（事件记录已发生的交流），而不是 " + instant,
          "must be between " + EARLIEST + " and now (events record exchanges that happened), not " + instant));
    }
  }

  /**
   * Senders set recordedAt by their own clocks, and demo and synthetic events are recorded a little after they happen,
   * so only times no record could have are refused.
   */
  private static void checkRecordedAt(Instant instant, String at, List<Problem> problems) {
    if (instant.isBefore(EARLIEST.atStartOfDay().toInstant(ZoneOffset.UTC))
        || instant.isAfter(LATEST_FUTURE.atStartOfDay().toInstant(ZoneOffset.UTC))) {
      problems.add(Problem.of(at, "须在 " + EARLIEST + " 至 " + LATEST_FUTURE + " 之间，而不是 " + instant,
          "must be between " + EARLIEST + " and " + LATEST_FUTURE + ", not " + instant));
    }
  }

  private static void checkMoney(Money money, String at, List<Problem> problems) {
    if (money.getAmountMinor() < 0) {
      problems.add(Problem.of(join(at, "amountMinor"), "不能为负数，而不是 " + money.getAmountMinor(),
          "must not be negative, not " + money.getAmountMinor()));
    }
    if (!CURRENCY.matcher(money.getCurrency()).matches()) {
      String currency = "\"" + money.getCurrency() + "\"";
      problems.add(Problem.of(join(at, "currency"), "须为 ISO 4217 货币代码，如 USD 或 CNY，而不是 " + currency,
          "must be an ISO 4217 code such as USD or CNY, not " + currency));
    }
  }

  private static String join(String path, String name) {
    return path == null || path.isEmpty() ? name : path + "." + name;
  }
}
