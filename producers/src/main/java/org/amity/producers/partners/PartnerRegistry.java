package org.amity.producers.partners;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Pattern;
import org.amity.contract.InvalidInputException;
import org.amity.contract.Problem;
import org.amity.contract.Topics;
import org.amity.partners.Office;
import org.amity.partners.Relationship;
import org.amity.serde.AvroSerializer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Writes master data (offices and relationships) to their compacted topics, after checking it: offices by
 * {@link OfficeRules}, a relationship's office registered and its status moves by {@link RelationshipLifecycle}.
 */
public final class PartnerRegistry implements AutoCloseable {
  private static final Pattern OFFICE_ID = OfficeRules.SLUG;
  private static final Pattern PARTNER_ID = Pattern.compile("[a-z]{2}-[a-z0-9]+(-[a-z0-9]+)*");
  private static final Pattern COUNTRY = Pattern.compile("[A-Z]{2}");
  private static final Duration WRITE_TIMEOUT = Duration.ofSeconds(30);

  private final KafkaProducer<String, Object> producer;
  private final RelationshipDirectory directory;
  private final OfficeDirectory offices;
  private final Clock clock;

  public PartnerRegistry(Map<String, Object> clientConfig, RelationshipDirectory directory, Clock clock) {
    this.offices = startOffices(clientConfig);
    Map<String, Object> config = new HashMap<>(clientConfig);
    config.put(ProducerConfig.ACKS_CONFIG, "all");
    config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
    config.remove(ProducerConfig.TRANSACTIONAL_ID_CONFIG);
    AvroSerializer<Object> values = new AvroSerializer<>();
    values.configure(config, false);
    this.producer = new KafkaProducer<>(config, new StringSerializer(), values);
    this.directory = directory;
    this.clock = clock;
  }

  private static OfficeDirectory startOffices(Map<String, Object> clientConfig) {
    try {
      return OfficeDirectory.start(clientConfig, WRITE_TIMEOUT);
    } catch (java.util.concurrent.TimeoutException e) {
      throw new org.apache.kafka.common.errors.TimeoutException(e.getMessage(), e);
    }
  }

  public OfficeDirectory offices() {
    return offices;
  }

  public RelationshipDirectory relationships() {
    return directory;
  }

  /** Every problem of the relationship; empty when it may be written. */
  public List<Problem> problems(Relationship r) {
    return problems(r, null);
  }

  /** Every problem of the relationship, its status taking effect on {@code statusSince} (null: today). */
  public List<Problem> problems(Relationship r, LocalDate statusSince) {
    List<Problem> problems = new ArrayList<>();
    require(OFFICE_ID, r.getOfficeId(), "officeId", "用 '-' 连接的小写单词，如 shanghai-changning",
        "lower-case words joined by '-', e.g. shanghai-changning", problems);
    require(PARTNER_ID, r.getPartnerId(), "partnerId", "国家代码、'-' 和地名，如 nl-rotterdam",
        "country code, '-', the place, e.g. nl-rotterdam", problems);
    require(COUNTRY, r.getCountry(), "country", "ISO 3166 两字母代码，如 NL", "an ISO 3166 two-letter code such as NL", problems);
    String expectedId = r.getOfficeId() + "/" + r.getPartnerId();
    if (!expectedId.equals(r.getRelationshipId())) {
      problems.add(Problem.of("relationshipId", "须为 officeId/partnerId，即 " + expectedId + "，而不是 " + r.getRelationshipId(),
          "must be officeId/partnerId, i.e. " + expectedId + ", not " + r.getRelationshipId()));
    }
    if (r.getPartnerNameEn().isBlank()) {
      problems.add(Problem.of("partnerNameEn", "不能为空", "must not be blank"));
    }
    LocalDate established = r.getEstablishedOn();
    if (established != null && (established.isAfter(LocalDate.now(clock)) || established.getYear() < 1900)) {
      problems.add(Problem.of("establishedOn", "须在 1900-01-01 至今天之间，而不是 " + established,
          "must be between 1900-01-01 and today, not " + established));
    }
    if (r.getOfficeId() != null && OFFICE_ID.matcher(r.getOfficeId()).matches() && !offices.exists(r.getOfficeId())) {
      problems.add(Problem.of("officeId", "外办 " + r.getOfficeId() + " 尚未登记；请先用 amity offices add 登记",
          "office " + r.getOfficeId() + " is not registered; register it first (amity offices add)"));
    }
    problems.addAll(RelationshipLifecycle.problems(directory.get(r.getRelationshipId()), r, statusSince, LocalDate.now(clock)));
    return problems;
  }

  /** Writes the relationship, its status history carried on. */
  public Relationship put(Relationship relationship) {
    return put(relationship, null);
  }

  /** Writes the relationship; a change of status takes effect on {@code statusSince} (null: today). */
  public Relationship put(Relationship relationship, LocalDate statusSince) {
    List<Problem> problems = problems(relationship, statusSince);
    if (!problems.isEmpty()) {
      throw new InvalidInputException(problems);
    }
    Relationship stored = RelationshipLifecycle.withHistory(directory.get(relationship.getRelationshipId()), relationship,
        statusSince, LocalDate.now(clock));
    write(Topics.RELATIONSHIPS.name(), stored.getRelationshipId(), stored);
    directory.remember(stored);
    return stored;
  }

  /** Every problem of the office; empty when it may be written. */
  public List<Problem> problems(Office office) {
    return OfficeRules.problems(office, offices::get, id -> offices.list().stream()
        .filter(o -> id != null && id.equals(o.getParentOfficeId()) && !o.getOfficeId().equals(id)).toList());
  }

  public void put(Office office) {
    List<Problem> problems = problems(office);
    if (!problems.isEmpty()) {
      throw new InvalidInputException(problems);
    }
    write(Topics.OFFICES.name(), office.getOfficeId(), office);
    offices.remember(office);
  }

  private void write(String topic, String key, Object value) {
    try {
      producer.send(new ProducerRecord<>(topic, key, value)).get(WRITE_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new KafkaException("interrupted writing " + key, e);
    } catch (ExecutionException | TimeoutException e) {
      throw new KafkaException("Cannot write " + key + " to " + topic + ": " + e, e);
    }
  }

  private static void require(Pattern pattern, String value, String field, String zh, String en, List<Problem> problems) {
    if (value == null || !pattern.matcher(value).matches()) {
      problems.add(Problem.of(field, "须为" + zh + "，而不是 \"" + value + "\"", "must be " + en + ", not \"" + value + "\""));
    }
  }

  @Override
  public void close() {
    producer.close(Duration.ofSeconds(5));
    offices.close();
  }
}
