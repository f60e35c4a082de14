package org.amity.producers.sheet;

import static org.amity.producers.sheet.SheetFixtures.cells;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.amity.contract.EventTypes;
import org.amity.contract.Topics;
import org.amity.events.DelegationVisited;
import org.amity.events.Direction;
import org.amity.events.EventRetracted;
import org.amity.events.ExchangeProgramme;
import org.amity.events.SampleEvents;
import org.amity.partners.Relationship;
import org.amity.platform.EmbeddedPlatformExtension;
import org.amity.platform.Platform;
import org.amity.producers.partners.PartnerRegistry;
import org.amity.producers.publish.AmityPublisher;
import org.amity.serde.AvroDeserializer;
import org.amity.serde.AvroSerdeConfig;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** Imports on the real embedded broker: what lands on the topics, read back with a read_committed consumer. */
@ExtendWith(EmbeddedPlatformExtension.class)
class SpreadsheetImportKafkaTest {
  /** Offices of this run only, so that other tests on the shared broker (and derived eventIds) do not meet these. */
  private static final String RUN = UUID.randomUUID().toString().substring(0, 8);
  private static final String TWICE = "sheet-test-office-" + RUN + "-twice";
  private static final String BAD = "sheet-test-office-" + RUN + "-bad";
  private static final String XLSX = "sheet-test-office-" + RUN + "-xlsx";
  private static final String RENAMED = "sheet-test-office-" + RUN + "-renamed";
  private static final List<String> PARTNERS = List.of("nl-rotterdam", "ve-carabobo", "us-los-angeles", "za-johannesburg");

  private static Map<String, Object> config;
  private static AmityPublisher publisher;
  private static SpreadsheetImport importer;

  @TempDir
  Path dir;

  @BeforeAll
  static void start() {
    Platform platform = EmbeddedPlatformExtension.platform();
    config = Map.of("bootstrap.servers", platform.bootstrapServers(), "schema.registry.url", platform.registryUrl());
    publisher = AmityPublisher.start(config);
    try (PartnerRegistry partners = new PartnerRegistry(config, publisher.relationships(), Clock.systemUTC())) {
      for (String office : List.of(TWICE, BAD, XLSX, RENAMED)) {
        partners.put(SampleEvents.office(office));
        for (String partner : PARTNERS) {
          Relationship relationship = SampleEvents.relationship();
          relationship.setOfficeId(office);
          relationship.setPartnerId(partner);
          relationship.setRelationshipId(office + "/" + partner);
          partners.put(relationship);
        }
      }
    }
    importer = SpreadsheetImport.publishingTo(publisher, Clock.systemUTC());
  }

  @AfterAll
  static void stop() {
    publisher.close();
  }

  /**
   * Every committed event of the office on the event topics, in no particular order. It reads up to the high
   * watermark, not just the last stable offset: a transaction's commit markers reach the partitions a moment after
   * the commit returns, and until they do the committed records are not yet readable.
   */
  private static List<SpecificRecord> eventsOnTopics(String office) {
    Map<String, Object> consumerConfig = new HashMap<>(config);
    consumerConfig.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    consumerConfig.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
    consumerConfig.put(AvroSerdeConfig.SPECIFIC_AVRO_READER, "true");
    AvroDeserializer<Object> values = new AvroDeserializer<>();
    values.configure(consumerConfig, false);
    List<SpecificRecord> events = new ArrayList<>();
    try (KafkaConsumer<String, Object> consumer = new KafkaConsumer<>(consumerConfig, new StringDeserializer(), values)) {
      List<TopicPartition> partitions = Topics.EVENTS.stream()
          .flatMap(t -> consumer.partitionsFor(t.name()).stream().map(p -> new TopicPartition(p.topic(), p.partition())))
          .toList();
      consumer.assign(partitions);
      consumer.seekToBeginning(partitions);
      Map<TopicPartition, Long> end = highWatermarks(partitions);
      Instant deadline = Instant.now().plusSeconds(30);
      while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
        assertThat(Instant.now()).as("reading the event topics to their end").isBefore(deadline);
        for (ConsumerRecord<String, Object> record : consumer.poll(Duration.ofMillis(200))) {
          SpecificRecord event = (SpecificRecord) record.value();
          if (!(event instanceof EventRetracted) && EventTypes.envelopeOf(event).getOffice().equals(office)) {
            events.add(event);
          }
        }
      }
    }
    return events;
  }

  private static Map<TopicPartition, Long> highWatermarks(List<TopicPartition> partitions) {
    Map<String, Object> uncommitted = new HashMap<>(config);
    uncommitted.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_uncommitted");
    try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(uncommitted,
        new org.apache.kafka.common.serialization.ByteArrayDeserializer(),
        new org.apache.kafka.common.serialization.ByteArrayDeserializer())) {
      return consumer.endOffsets(partitions);
    }
  }

  private static Map<String, Long> countByEventId(List<SpecificRecord> events) {
    return events.stream().collect(Collectors.groupingBy(e -> EventTypes.envelopeOf(e).getEventId(), Collectors.counting()));
  }

  @Test
  void importingTheSameFileTwiceLeavesEachEventOnce() {
    Path file = SheetFixtures.copy("exchanges.csv", dir, "exchanges-2024.csv");
    ImportOptions options = ImportOptions.defaults().withOffice(TWICE);

    ImportReport first = importer.run(file, options);
    assertThat(first.badRows()).isEmpty();
    assertThat(first.rowsRead()).isEqualTo(4);
    assertThat(first.written()).isEqualTo(4);
    assertThat(first.duplicates()).isZero();
    assertThat(first.success()).isTrue();

    ImportReport second = importer.run(file, options);
    assertThat(second.success()).isTrue();
    assertThat(second.written()).isZero();
    assertThat(second.duplicates()).as("every row was imported before").isEqualTo(4);
    assertThat(second.format()).contains("写入 / written：0").contains("重复 / duplicates：4");

    List<SpecificRecord> events = eventsOnTopics(TWICE);
    Map<String, Long> counts = countByEventId(events);
    assertThat(counts).hasSize(4).allSatisfy((id, count) -> {
      assertThat(id).matches("import:[0-9a-f]{32}");
      assertThat(count).as("copies of %s", id).isEqualTo(1L);
    });
    assertThat(events).allSatisfy(e -> assertThat(EventTypes.envelopeOf(e).getSource()).isEqualTo("import:exchanges-2024.csv"));
    assertThat(events).extracting(e -> e.getSchema().getName())
        .containsExactlyInAnyOrder("DelegationVisited", "AgreementSigned", "ForumHeld", "ProjectMilestone");
    assertThat(events).filteredOn(e -> e.getSchema().getName().equals("ForumHeld")).singleElement()
        .satisfies(forum -> assertThat(EventTypes.envelopeOf(forum).getRelationshipIds())
            .containsExactly(TWICE + "/us-los-angeles", TWICE + "/za-johannesburg", TWICE + "/ve-carabobo"));
  }

  @Test
  void badRowsStopAnAllOrNothingImportAndAreRejectedWhenSkipping() throws Exception {
    Path file = SheetFixtures.copy("bad-rows.csv", dir, "visits.csv");

    ImportReport allOrNothing = importer.run(file, ImportOptions.defaults().withOffice(BAD));
    assertThat(allOrNothing.success()).isFalse();
    assertThat(allOrNothing.written()).isZero();
    assertThat(allOrNothing.badRows()).extracting(ImportReport.BadRow::row).containsExactly(3, 4, 5, 7, 8, 9, 11);
    assertThat(allOrNothing.format())
        .contains("第 3 行：type: 未知的类型“meeting”")
        .contains("第 4 行：date: 须为日期，如 2024-07-10")
        .contains("第 5 行：headcount: 至少为 1，而不是 -2 / must be at least 1, not -2")
        .contains("第 7 行：direction: 未知的方向“sideways”")
        .contains("第 8 行：partner: 未知的关系 " + BAD + "/xx-nowhere，请先登记 / unknown relationship " + BAD + "/xx-nowhere; register it first")
        .contains("第 9 行：partner: shanghai-changning/jp-hirakata 不是外办 " + BAD + " 的关系")
        .contains("shanghai-changning/jp-hirakata is not a relationship of office " + BAD)
        .contains("Nothing was written");
    assertThat(allOrNothing.rejectsFile()).isNull();
    assertThat(Files.exists(dir.resolve("visits.csv.rejects.csv"))).isFalse();
    assertThat(eventsOnTopics(BAD)).as("nothing written").isEmpty();

    ImportOptions skip = ImportOptions.defaults().withOffice(BAD).withSkipBadRows(true);
    assertThatThrownBy(() -> importer.run(file, skip.withRejectsFile(dir.resolve("no-such-folder").resolve("r.csv"))))
        .hasMessageContaining("no such directory").hasMessageContaining("nothing was written");
    Path link = Files.createSymbolicLink(dir.resolve("link-to-visits.csv"), file);
    assertThatThrownBy(() -> importer.run(file, skip.withRejectsFile(link)))
        .hasMessageContaining("the rejects file must not be the file imported");
    assertThat(eventsOnTopics(BAD)).as("nothing written before the rejects file was known to be writable").isEmpty();

    ImportReport skipping = importer.run(file, skip);
    assertThat(skipping.success()).isTrue();
    assertThat(skipping.written()).isEqualTo(2);
    assertThat(skipping.rejected()).isEqualTo(7);
    assertThat(skipping.rejectsFile()).isEqualTo(dir.resolve("visits.csv.rejects.csv"));

    List<SpecificRecord> events = eventsOnTopics(BAD);
    assertThat(countByEventId(events)).hasSize(2).allSatisfy((id, count) -> assertThat(count).isEqualTo(1L));
    assertThat(events).extracting(e -> e.getSchema().getName()).containsExactlyInAnyOrder("DelegationVisited", "AgreementSigned");

    Sheet rejects = SheetReader.read(skipping.rejectsFile());
    assertThat(rejects.headers()).containsExactly("type", "date", "partner", "direction", "level", "headcount", "title", "kind", "row", "reason");
    Function<Sheet.Row, String> rowColumn = r -> r.cell(8);
    assertThat(rejects.rows()).extracting(rowColumn).containsExactly("3", "4", "5", "7", "8", "9", "11");
    Sheet.Row negative = rejects.rows().get(2);
    assertThat(negative.cells().subList(0, 8)).containsExactly("delegation", "2024-07-12", "nl-rotterdam", "in", "DEPARTMENT", "-2", "", "");
    assertThat(negative.cell(9)).isEqualTo("headcount: 至少为 1，而不是 -2 / must be at least 1, not -2");
    assertThat(rejects.rows().get(6).cell(9)).contains("direction: 未知的方向“up”", " / unknown direction \"up\"")
        .contains("; level: DelegationVisited 类型的行必填 / is required for DelegationVisited; headcount: 至少为 1，而不是 0");
  }

  @Test
  void anXlsxLogIsImported() {
    Path file = SheetFixtures.xlsx(dir, "交流记录-2024.xlsx", List.of(
        cells("序号", "类型", "日期", "结束日期", "办公室", "伙伴", "方向", "级别", "人数", "标题", "类别", "参与人数", "领域"),
        cells(1, "代表团", LocalDate.of(2024, 7, 10), LocalDate.of(2024, 7, 12), XLSX, "nl-rotterdam", "来访", "市长", 12, null, null, null, "城市发展；港口"),
        cells(2, "交流项目", "2024/5/20", null, XLSX, XLSX + "/ve-carabobo", "出访", null, null, "青年交流营", "青年", 30, "教育"),
        cells(3),
        cells(4, "视频会议", "2024年9月28日", null, XLSX, "us-los-angeles", null, "部门", null, "绿色航运走廊", null, 6, "港口")));

    ImportReport report = importer.run(file, ImportOptions.defaults());
    assertThat(report.badRows()).isEmpty();
    assertThat(report.rowsRead()).as("row 4 holds only a serial number").isEqualTo(3);
    assertThat(report.written()).isEqualTo(3);
    assertThat(report.warnings()).containsExactly("未识别的列已忽略：序号 / columns ignored (not part of the layout): 序号");

    List<SpecificRecord> events = eventsOnTopics(XLSX);
    assertThat(countByEventId(events)).hasSize(3).allSatisfy((id, count) -> assertThat(count).isEqualTo(1L));
    assertThat(events).filteredOn(DelegationVisited.class::isInstance).singleElement().satisfies(e -> {
      DelegationVisited visit = (DelegationVisited) e;
      assertThat(visit.getStartDate()).isEqualTo(LocalDate.of(2024, 7, 10));
      assertThat(visit.getEndDate()).isEqualTo(LocalDate.of(2024, 7, 12));
      assertThat(visit.getDirection()).isEqualTo(Direction.INBOUND);
      assertThat(visit.getHeadcount()).isEqualTo(12);
      assertThat(visit.getEnvelope().getSource()).isEqualTo("import:交流记录-2024.xlsx");
    });
    assertThat(events).filteredOn(ExchangeProgramme.class::isInstance).singleElement()
        .satisfies(e -> assertThat(((ExchangeProgramme) e).getStartDate()).isEqualTo(LocalDate.of(2024, 5, 20)));

    assertThat(importer.run(file, ImportOptions.defaults()).duplicates()).as("imported again").isEqualTo(3);
    assertThat(eventsOnTopics(XLSX)).hasSize(3);
  }

  @Test
  void theSameRowsInAFileOfAnotherNameAreDuplicates() throws Exception {
    Path first = SheetFixtures.copy("exchanges.csv", dir, "march.csv");
    assertThat(importer.run(first, ImportOptions.defaults().withOffice(RENAMED)).written()).isEqualTo(4);

    Path renamed = Files.copy(first, dir.resolve("march (1).csv"));
    ImportReport again = importer.run(renamed, ImportOptions.defaults().withOffice(RENAMED));
    assertThat(again.success()).isTrue();
    assertThat(again.written()).isZero();
    assertThat(again.duplicates()).isEqualTo(4);
    assertThat(eventsOnTopics(RENAMED)).hasSize(4)
        .allSatisfy(e -> assertThat(EventTypes.envelopeOf(e).getSource()).isEqualTo("import:march.csv"));
  }
}
