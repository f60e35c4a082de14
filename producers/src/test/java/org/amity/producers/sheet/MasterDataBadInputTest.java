package org.amity.producers.sheet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.amity.contract.Topics;
import org.amity.partners.Office;
import org.amity.partners.OfficeLevel;
import org.amity.platform.EmbeddedPlatformExtension;
import org.amity.platform.Platform;
import org.amity.producers.partners.PartnerRegistry;
import org.amity.producers.partners.RelationshipDirectory;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Each bad master-data file is refused with a message naming the row and the column (or, for a file that cannot be
 * read at all, the file and why), in Chinese and English; nothing reaches amity.offices or amity.relationships.
 */
@ExtendWith(EmbeddedPlatformExtension.class)
class MasterDataBadInputTest {
  static final String RUN = UUID.randomUUID().toString().substring(0, 6);
  static final String CITY = "bad-" + RUN;
  static final String DISTRICT = CITY + "-district";
  static final String HEADER = "伙伴编号,伙伴,英文名,国家,类型,结好日期,状态";
  static final String GOOD = "us-sacramento,萨克拉门托,Sacramento,US,友好城市,1985-07-01,正式";

  static Map<String, Object> config;
  static PartnerRegistry registry;
  static RelationshipDirectory relationships;
  static MasterDataImport importer;

  @TempDir
  Path dir;

  enum Kind { OFFICES, RELATIONSHIPS }

  /** A bad file: its kind, bytes, the row refused (0: the whole file) and what the message must name. */
  record Case(String name, Kind kind, String fileName, byte[] bytes, Charset encoding, int row, String mentions) {
    @Override
    public String toString() {
      return name;
    }
  }

  static Case offices(String name, int row, String mentions, String... lines) {
    return new Case(name, Kind.OFFICES, "offices.csv", utf8(lines), null, row, mentions);
  }

  static Case partners(String name, int row, String mentions, String... lines) {
    return new Case(name, Kind.RELATIONSHIPS, "partners.csv", utf8(lines), null, row, mentions);
  }

  static List<Case> badFiles() {
    String officeHeader = "外办编号,中文名称,英文名称,级别,上级外办,提醒邮箱,语言,时区";
    return List.of(
        offices("a cycle within the file", 3, "上级外办;循环;cycle", officeHeader,
            "a-" + RUN + ",甲,A,OTHER,b-" + RUN + ",,,", "b-" + RUN + ",乙,B,OTHER,a-" + RUN + ",,,"),
        offices("an unknown parent", 2, "上级外办;尚未登记;register the parent", officeHeader,
            "c-" + RUN + ",丙,C,区,nowhere-" + RUN + ",,,"),
        offices("an id that is not a slug", 2, "外办编号;Jinan Lixia", officeHeader, "Jinan Lixia,历下,Lixia,区," + CITY + ",,,"),
        offices("a city under a district", 2, "级别（level）;区级机构", officeHeader, "d-" + RUN + ",丁,D,市," + DISTRICT + ",,,"),
        offices("a made-up level word", 2, "级别（level）;乡镇;PROVINCE", officeHeader, "e-" + RUN + ",戊,E,乡镇," + CITY + ",,,"),
        offices("an office twice", 3, "外办编号;第 2 行;row 2", officeHeader, "f-" + RUN + ",己,F,区," + CITY + ",,,",
            "f-" + RUN + ",己,F,区," + CITY + ",,,"),
        offices("an empty id", 2, "外办编号;不能为空", officeHeader, ",庚,G,区," + CITY + ",,,"),
        offices("a contact that is no address", 2, "提醒邮箱;电子邮件", officeHeader, "h-" + RUN + ",辛,H,区," + CITY
            + ",fao at city,,"),
        offices("an unknown language", 2, "语言（language）;法语", officeHeader, "i-" + RUN + ",壬,I,区," + CITY + ",,法语,"),
        offices("a time zone that does not exist", 2, "时区;Asia/Jinan", officeHeader, "j-" + RUN + ",癸,J,区," + CITY
            + ",,,Asia/Jinan"),
        offices("a new office without an English name", 2, "英文名称;不能为空", officeHeader, "k-" + RUN + ",子,,区," + CITY + ",,,"),
        offices("no office id column", 0, "外办编号;office_id", "中文名称,英文名称", "历下,Lixia"),
        offices("the id column twice", 0, "两次;twice", "外办编号,office_id,英文名称", "l-" + RUN + ",l-" + RUN + ",L"),
        new Case("a GBK file read as UTF-8", Kind.OFFICES, "offices.csv", (officeHeader + "\r\nm-" + RUN + ",历下,M,区," + CITY
            + ",,,\r\n").getBytes(Charset.forName("GBK")), StandardCharsets.UTF_8, 0, "第 1 行;UTF-8;--encoding GB18030"),
        partners("an unknown country", 2, "国家（country）;火星;ISO", HEADER, "xx-mars,火星城,Mars City,火星,友好城市,,正式"),
        partners("an unknown kind", 2, "关系类型（kind）;兄弟城市;友好城市;（SISTER_CITY）", HEADER,
            "us-boston,波士顿,Boston,US,兄弟城市,,正式"),
        partners("an unknown status", 2, "状态（status）;冻结;已终止;（ENDED）", HEADER, "us-boston,波士顿,Boston,US,友好城市,,冻结"),
        partners("a month 13", 2, "结好日期（established）;1985-13-01", HEADER, "us-boston,波士顿,Boston,US,友好城市,1985-13-01,正式"),
        partners("established in the future", 2, "结好日期;2999-01-01", HEADER,
            "us-boston,波士顿,Boston,US,友好城市,2999-01-01,正式"),
        partners("a status day that is no date", 2, "状态日期（status_since）;last week", HEADER + ",状态日期",
            "us-boston,波士顿,Boston,US,友好城市,,已终止,last week"),
        partners("a status day in the future", 2, "状态日期;2999-01-01", HEADER + ",状态日期",
            "us-boston,波士顿,Boston,US,友好城市,,已终止,2999-01-01"),
        partners("a formal relationship back to a letter of intent", 2, "状态（status）;正式;意向;LETTER_OF_INTENT", HEADER,
            "nl-rotterdam,鹿特丹,Rotterdam,NL,友好城市,1979-05-29,意向"),
        partners("a status moved before its last move", 2, "状态日期;2024-06-01", HEADER + ",状态日期",
            "fr-lyon,里昂,Lyon,FR,友好城市,,已终止,2024-05-01"),
        partners("a partner twice", 3, "伙伴编号;第 2 行", HEADER, GOOD, GOOD),
        partners("one Chinese name for two partners", 3, "伙伴;萨克拉门托;already", HEADER, GOOD,
            "us-sacramento-county,萨克拉门托,Sacramento County,US,友好城市,,正式"),
        partners("a Chinese name another registered partner has", 2, "伙伴;鹿特丹", HEADER,
            "nl-rotterdam-port,鹿特丹,Port of Rotterdam,NL,友好港,,正式"),
        partners("an office that is not registered", 2, "外办（office）;nowhere-" + RUN, "外办," + HEADER, "nowhere-" + RUN + "," + GOOD),
        partners("a row of another office than --office", 2, "外办（office）;" + DISTRICT, "外办," + HEADER, DISTRICT + "," + GOOD),
        partners("a new partner with no id and no English name", 2, "伙伴编号;partner_id", "伙伴,国家", "无名城,US"),
        partners("a partner id that is not a slug", 2, "伙伴编号;US Sacramento", HEADER,
            "US Sacramento,萨克拉门托,Sacramento,US,友好城市,,正式"),
        partners("an unknown country and an unknown status in one new partner's row", 2, "国家（country）;火星;状态（status）;正常",
            "伙伴,英文名,国家,状态", "火星城,Mars City,火星,正常"),
        partners("an unknown partner level", 2, "伙伴级别（level）;村", HEADER + ",伙伴级别",
            "us-boston,波士顿,Boston,US,友好城市,,正式,村"),
        partners("no column that names partners", 0, "伙伴编号;partner_id", "国家,类型", "US,友好城市"),
        new Case("bytes valid in no encoding", Kind.RELATIONSHIPS, "partners.csv",
            new byte[] {'a', '\n', (byte) 0xC4, (byte) 0xE3, (byte) 0xFF, '\n'}, null, 0, "第 2 行;GB18030;CSV UTF-8"),
        new Case("a workbook named .csv", Kind.RELATIONSHIPS, "partners.csv", new byte[] {'P', 'K', 3, 4, 0, 0}, null, 0,
            "XLSX"),
        new Case("an .xls file", Kind.RELATIONSHIPS, "partners.xls", utf8("x"), null, 0, ".xlsx"),
        partners("an empty header row", 0, "row 1", ",,", GOOD),
        new Case("an empty file", Kind.OFFICES, "offices.csv", new byte[0], null, 0, "row 1"),
        offices("a parent named by a name two offices share", 2, "上级外办;同名外办;不止一个外办", officeHeader,
            "n-" + RUN + ",壬,N,区,同名外办" + RUN + ",,,"),
        offices("a port as an office's level", 2, "级别（level）;港口;（PROVINCE）", officeHeader, "o-" + RUN + ",子,O,港口," + CITY + ",,,"),
        partners("the 30th of February", 2, "结好日期（established）;1985/2/30", HEADER, "us-boston,波士顿,Boston,US,友好城市,1985/2/30,正式"),
        partners("a partner of the district in the city's import", 2, "外办（office）;" + DISTRICT + ";" + CITY,
            "外办,伙伴编号,英文名,国家", DISTRICT + ",us-boston,Boston,US"));
  }

  @BeforeAll
  static void start(@TempDir Path files) throws Exception {
    Platform platform = EmbeddedPlatformExtension.platform();
    config = Map.of("bootstrap.servers", platform.bootstrapServers(), "schema.registry.url", platform.registryUrl());
    relationships = RelationshipDirectory.start(config, Duration.ofSeconds(30));
    registry = new PartnerRegistry(config, relationships, Clock.systemUTC());
    importer = new MasterDataImport(registry, Clock.systemUTC());
    registry.put(Office.newBuilder().setOfficeId(CITY).setNameEn(CITY).setLevel(OfficeLevel.CITY).build());
    registry.put(Office.newBuilder().setOfficeId(DISTRICT).setNameEn(DISTRICT).setLevel(OfficeLevel.DISTRICT)
        .setParentOfficeId(CITY).build());
    for (String twin : List.of("twin-a-" + RUN, "twin-b-" + RUN)) {
      registry.put(Office.newBuilder().setOfficeId(twin).setNameEn(twin).setNameZh("同名外办" + RUN).setLevel(OfficeLevel.OTHER)
          .build());
    }
    MasterDataReport setUp = importer.relationships(Files.writeString(files.resolve("registered.csv"),
        String.join("\n", HEADER + ",状态日期", "nl-rotterdam,鹿特丹,Rotterdam,NL,友好城市,1979-05-29,正式,",
            "fr-lyon,里昂,Lyon,FR,友好城市,1988-01-01,暂停,2024-06-01")), ImportOptions.defaults().withOffice(CITY));
    assertThat(setUp.success()).as(setUp.format()).isTrue();
  }

  @AfterAll
  static void stop() {
    registry.close();
    relationships.close();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("badFiles")
  void isRefusedNamingTheRowAndColumnAndNothingIsWritten(Case bad) throws IOException {
    Path file = dir.resolve(bad.fileName());
    Files.write(file, bad.bytes());
    ImportOptions options = ImportOptions.defaults().withEncoding(bad.encoding())
        .withOffice(bad.kind() == Kind.RELATIONSHIPS && !bad.name().contains("not registered") ? CITY : null);
    long before = records();

    if (bad.row() == 0) {
      assertThatThrownBy(() -> run(bad.kind(), file, options)).isInstanceOf(SheetException.class)
          .satisfies(e -> assertThat(e.getMessage()).contains(bad.mentions().split(";")));
    } else {
      MasterDataReport report = run(bad.kind(), file, options);
      assertThat(report.success()).as(report.format()).isFalse();
      assertThat(report.problems()).as(report.format()).containsKey(bad.row());
      assertThat(String.join("\n", report.problems().get(bad.row()))).as(report.format()).contains(bad.mentions().split(";"));
      assertThat(report.format()).contains("第 " + bad.row() + " 行", "row " + bad.row(), "nothing was written");
    }
    assertThat(records()).as("records on amity.offices and amity.relationships").isEqualTo(before);
  }

  private static MasterDataReport run(Kind kind, Path file, ImportOptions options) {
    return kind == Kind.OFFICES ? importer.offices(file, options) : importer.relationships(file, options);
  }

  private static long records() {
    Map<String, Object> plain = new HashMap<>(config);
    plain.remove("schema.registry.url");
    try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(plain, new ByteArrayDeserializer(),
        new ByteArrayDeserializer())) {
      List<TopicPartition> partitions = new ArrayList<>();
      for (String topic : List.of(Topics.OFFICES.name(), Topics.RELATIONSHIPS.name())) {
        consumer.partitionsFor(topic).forEach(p -> partitions.add(new TopicPartition(topic, p.partition())));
      }
      return consumer.endOffsets(partitions).values().stream().mapToLong(Long::longValue).sum();
    }
  }

  private static byte[] utf8(String... lines) {
    return (String.join("\r\n", lines) + "\r\n").getBytes(StandardCharsets.UTF_8);
  }
}
