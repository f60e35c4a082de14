package org.amity.producers.sheet;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;
import org.amity.events.SampleEvents;
import org.amity.partners.Office;
import org.amity.partners.Relationship;
import org.amity.platform.EmbeddedPlatformExtension;
import org.amity.platform.Platform;
import org.amity.producers.partners.PartnerRegistry;
import org.amity.producers.publish.AmityPublisher;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** An exchange log names partners as staff know them, by Chinese or English name, as well as by id: the same events. */
@ExtendWith(EmbeddedPlatformExtension.class)
class PartnerNamesImportTest {
  static final String OFFICE = "names-" + UUID.randomUUID().toString().substring(0, 6);
  static final String OFFICE_NAME_ZH = "名称测试市人民政府外事办公室" + OFFICE;
  static AmityPublisher publisher;

  @TempDir
  Path dir;

  @BeforeAll
  static void start() {
    Platform platform = EmbeddedPlatformExtension.platform();
    Map<String, Object> config = Map.of("bootstrap.servers", platform.bootstrapServers(),
        "schema.registry.url", platform.registryUrl());
    publisher = AmityPublisher.start(config);
    try (PartnerRegistry partners = new PartnerRegistry(config, publisher.relationships(), Clock.systemUTC())) {
      partners.put(Office.newBuilder(SampleEvents.office(OFFICE)).setNameZh(OFFICE_NAME_ZH).build());
      partners.put(relationship("us-sacramento", "Sacramento", "萨克拉门托"));
      partners.put(relationship("de-regensburg", "Regensburg", "雷根斯堡"));
    }
  }

  @AfterAll
  static void stop() {
    publisher.close();
  }

  @Test
  void rowsNamingPartnersByChineseOrEnglishNameAreTheEventsOfTheRowsNamingThemById() throws Exception {
    Path byName = Files.write(dir.resolve("交流记录.csv"), String.join("\r\n",
        "类型,日期,伙伴,方向,级别,摘要",
        "代表团,2024/7/10,萨克拉门托,来访,市长,市长率团来访",
        "视频会议,2024年9月1日,Regensburg,,副市长,云交流", "").getBytes(Charset.forName("GBK")));
    Path byId = Files.writeString(dir.resolve("log.csv"), String.join("\r\n",
        "类型,日期,伙伴,方向,级别,摘要",
        "代表团,2024-07-10," + OFFICE + "/us-sacramento,来访,市长,市长率团来访",
        "视频会议,2024-09-01,de-regensburg,,副市长,云交流", ""));
    SpreadsheetImport importer = SpreadsheetImport.publishingTo(publisher, Clock.systemUTC());

    ImportReport first = importer.run(byName, ImportOptions.defaults().withOffice(OFFICE));
    ImportReport again = importer.run(byId, ImportOptions.defaults().withOffice(OFFICE));

    assertThat(first.written()).as(first.format()).isEqualTo(2);
    assertThat(again.written()).as(again.format()).isZero();
    assertThat(again.duplicates()).isEqualTo(2);
  }

  @Test
  void aNameNoPartnerOfTheOfficeHasIsRefusedAsAnUnknownPartnerOfThatOffice() throws Exception {
    ImportReport report = dryRun(ImportOptions.defaults().withOffice(OFFICE), "类型,日期,伙伴,方向,级别",
        "代表团,2024-07-10,萨克拉曼多,来访,市长");
    assertThat(report.success()).isFalse();
    assertThat(report.badRows().get(0).reasons()).singleElement().asString()
        .contains("外办“" + OFFICE + "”没有名为“萨克拉曼多”的伙伴", "amity partners list --office " + OFFICE);
  }

  @Test
  void anEnglishNameNoPartnerHasIsRefusedAsAName() throws Exception {
    ImportReport report = dryRun(ImportOptions.defaults().withOffice(OFFICE), "type,date,partner,direction,level",
        "delegation,2024-07-10,Regensberg,in,MAYOR");
    assertThat(report.badRows().get(0).reasons()).singleElement().asString()
        .contains("没有名为“Regensberg”的伙伴", "has no partner named \"Regensberg\"");
  }

  @Test
  void theOfficeColumnMayBeHeadedAsInThePartnersSheet() throws Exception {
    ImportReport report = dryRun(ImportOptions.defaults(), "外办,类型,日期,伙伴,方向,级别",
        OFFICE + ",代表团,2024-07-11,雷根斯堡,出访,市长");
    assertThat(report.success()).as(report.format()).isTrue();
    assertThat(report.warnings()).as(report.format()).isEmpty();
  }

  @Test
  void anOfficeNamedByItsRegisteredNameIsTheOfficeNamedById() throws Exception {
    Path byName = Files.write(dir.resolve("按名称.csv"), String.join("\r\n", "外办,类型,日期,伙伴,方向,级别",
        OFFICE_NAME_ZH + ",代表团,2024-07-12,雷根斯堡,出访,市长", "").getBytes(Charset.forName("GBK")));
    Path byId = Files.writeString(dir.resolve("by-id.csv"), String.join("\r\n", "外办,类型,日期,伙伴,方向,级别",
        OFFICE + ",代表团,2024-07-12,雷根斯堡,出访,市长", ""));
    SpreadsheetImport importer = SpreadsheetImport.publishingTo(publisher, Clock.systemUTC());

    ImportReport first = importer.run(byName, ImportOptions.defaults().withOffice(OFFICE));
    ImportReport again = importer.run(byId, ImportOptions.defaults());

    assertThat(first.written()).as(first.format()).isEqualTo(1);
    assertThat(again.duplicates()).as(again.format()).isEqualTo(1);
  }

  @Test
  void anOfficeNoOfficeHasTheNameOfIsRefusedForItsOfficeAlone() throws Exception {
    ImportReport report = dryRun(ImportOptions.defaults(), "外办,类型,日期,伙伴,方向,级别",
        "名称测试市外办,代表团,2024-07-11,雷根斯堡,出访,市长");
    assertThat(report.badRows().get(0).reasons()).singleElement().asString()
        .contains("没有编号或名称为“名称测试市外办”的外办", "amity offices list");
  }

  /** The log's lines checked, not written. */
  private ImportReport dryRun(ImportOptions options, String... lines) throws Exception {
    Path file = Files.writeString(dir.resolve("log.csv"), String.join("\r\n", lines) + "\r\n");
    return SpreadsheetImport.publishingTo(publisher, Clock.systemUTC()).run(file, options.withDryRun(true));
  }

  private static Relationship relationship(String partner, String nameEn, String nameZh) {
    return Relationship.newBuilder(SampleEvents.relationship()).setRelationshipId(OFFICE + "/" + partner).setOfficeId(OFFICE)
        .setPartnerId(partner).setPartnerNameEn(nameEn).setPartnerNameZh(nameZh).setEstablishedOn(LocalDate.of(1985, 5, 3))
        .build();
  }
}
