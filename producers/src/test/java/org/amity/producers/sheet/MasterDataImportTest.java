package org.amity.producers.sheet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.amity.partners.Office;
import org.amity.partners.OfficeLevel;
import org.amity.partners.Relationship;
import org.amity.partners.RelationshipKind;
import org.amity.partners.RelationshipStatus;
import org.amity.partners.StatusChange;
import org.amity.platform.EmbeddedPlatformExtension;
import org.amity.platform.Platform;
import org.amity.producers.partners.PartnerRegistry;
import org.amity.producers.partners.RelationshipDirectory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Offices and relationships imported from spreadsheets as offices keep them, on the real embedded broker: a three-level
 * tree named in Chinese, the same partner list in every encoding and as XLSX giving the same master data, re-imports
 * changing nothing, and a changed row changing only what it fills.
 */
@ExtendWith(EmbeddedPlatformExtension.class)
class MasterDataImportTest {
  static final String RUN = UUID.randomUUID().toString().substring(0, 6);
  static final String PROVINCE = "sd" + RUN;
  static final String CITY = PROVINCE + "-jinan";
  static final String DISTRICT = CITY + "-lixia";
  static final List<String> PARTNER_LIST = List.of(
      "伙伴,英文名,国家,类型,结好日期,状态,负责人,地区",
      "萨克拉门托,Sacramento,美国,友好城市,1985/7/1,正式,美洲处,北美",
      "雷根斯堡,Regensburg,DE,友好城市,2004年6月30日,正式,欧洲处,欧洲",
      "维也纳新城,Wiener Neustadt,奥地利,友好交流城市,2009-09-01,暂停,欧洲处,欧洲",
      "坎布里亚,Cumbria,GB,友好合作城市,2012-05-20,已终止,欧洲处,欧洲",
      "卡斯卡伊斯,Cascais,PT,友好合作城市,2019-03-01,意向,欧洲处,欧洲");

  static PartnerRegistry registry;
  static RelationshipDirectory relationships;
  static MasterDataImport importer;

  @TempDir
  Path dir;

  @BeforeAll
  static void start() throws Exception {
    Platform platform = EmbeddedPlatformExtension.platform();
    Map<String, Object> config = Map.of("bootstrap.servers", platform.bootstrapServers(),
        "schema.registry.url", platform.registryUrl());
    relationships = RelationshipDirectory.start(config, java.time.Duration.ofSeconds(30));
    registry = new PartnerRegistry(config, relationships, Clock.systemUTC());
    importer = new MasterDataImport(registry, Clock.systemUTC());
  }

  @AfterAll
  static void stop() {
    registry.close();
    relationships.close();
  }

  @Test
  void aThreeLevelTreeIsImportedWithParentsNamedInChineseInAnyRowOrder() throws IOException {
    Path offices = csv("offices.csv", StandardCharsets.UTF_8,
        "外办编号,中文名称,英文名称,级别,上级外办,提醒邮箱",
        DISTRICT + ",历下区外办" + RUN + ",Lixia FAO,区,济南市外办" + RUN + ",fao@lixia.example",
        CITY + ",济南市外办" + RUN + ",Jinan FAO,市," + PROVINCE + ",fao@jinan.example",
        PROVINCE + ",山东省外办" + RUN + ",Shandong FAO,省,,");

    MasterDataReport report = importer.offices(offices, ImportOptions.defaults());

    assertThat(report.success()).as(report.format()).isTrue();
    assertThat(report.added()).containsExactly(PROVINCE, CITY, DISTRICT);
    assertThat(registry.offices().get(DISTRICT).orElseThrow().getParentOfficeId()).isEqualTo(CITY);
    assertThat(registry.offices().get(CITY).orElseThrow().getLevel()).isEqualTo(OfficeLevel.CITY);
    assertThat(registry.offices().subtree(PROVINCE)).containsExactlyInAnyOrder(PROVINCE, CITY, DISTRICT);

    MasterDataReport again = importer.offices(offices, ImportOptions.defaults());
    assertThat(again.unchanged()).as(again.format()).isEqualTo(3);
    assertThat(again.added()).isEmpty();
  }

  @Test
  void theSamePartnerListInEveryEncodingAndAsXlsxGivesTheSameMasterData() throws IOException {
    Map<String, Path> files = Map.of(
        "utf8", csv("utf8.csv", StandardCharsets.UTF_8, PARTNER_LIST.toArray(String[]::new)),
        "bom", csv("bom.csv", StandardCharsets.UTF_8, withMark(PARTNER_LIST)),
        "gbk", csv("gbk.csv", Charset.forName("GBK"), PARTNER_LIST.toArray(String[]::new)),
        "utf16", csv("utf16.csv", StandardCharsets.UTF_16LE, withMark(PARTNER_LIST)),
        "xlsx", SheetFixtures.xlsx(dir, "partners.xlsx", PARTNER_LIST.stream()
            .map(line -> List.<Object>of((Object[]) line.split(","))).toList()));
    List<List<Relationship>> imported = new ArrayList<>();
    for (Map.Entry<String, Path> file : files.entrySet()) {
      String office = "enc-" + file.getKey() + "-" + RUN;
      registry.put(Office.newBuilder().setOfficeId(office).setNameEn(office).setLevel(OfficeLevel.CITY).build());
      MasterDataReport report = importer.relationships(file.getValue(), ImportOptions.defaults().withOffice(office));
      assertThat(report.success()).as(file.getKey() + "\n" + report.format()).isTrue();
      assertThat(report.added()).as(file.getKey()).hasSize(5);
      imported.add(relationships.list(office).stream().map(MasterDataImportTest::withoutOffice).toList());
    }
    assertThat(imported).allSatisfy(list -> assertThat(list).isEqualTo(imported.get(0)));
    Relationship sacramento = imported.get(0).stream().filter(r -> r.getPartnerId().equals("us-sacramento")).findFirst()
        .orElseThrow();
    assertThat(sacramento.getPartnerNameZh()).isEqualTo("萨克拉门托");
    assertThat(sacramento.getCountry()).isEqualTo("US");
    assertThat(sacramento.getEstablishedOn()).isEqualTo(LocalDate.of(1985, 7, 1));
    assertThat(imported.get(0)).extracting(Relationship::getStatus).containsExactlyInAnyOrder(RelationshipStatus.FORMAL,
        RelationshipStatus.FORMAL, RelationshipStatus.SUSPENDED, RelationshipStatus.ENDED, RelationshipStatus.LETTER_OF_INTENT);
    assertThat(imported.get(0)).extracting(Relationship::getKind).contains(RelationshipKind.FRIENDLY_COOPERATION);
  }

  @Test
  void aRowOfARegisteredPartnerNamedInChineseChangesOnlyWhatItFillsAndKeepsItsStatusHistory() throws IOException {
    String office = "named-" + RUN;
    registry.put(Office.newBuilder().setOfficeId(office).setNameEn(office).setLevel(OfficeLevel.CITY).build());
    importer.relationships(csv("first.csv", StandardCharsets.UTF_8, PARTNER_LIST.toArray(String[]::new)),
        ImportOptions.defaults().withOffice(office));

    MasterDataReport report = importer.relationships(csv("change.csv", StandardCharsets.UTF_8,
        "伙伴,状态,状态日期", "萨克拉门托,已终止,2025-06-30", "雷根斯堡,,"), ImportOptions.defaults().withOffice(office));

    assertThat(report.success()).as(report.format()).isTrue();
    assertThat(report.changed()).containsExactly(office + "/us-sacramento");
    assertThat(report.unchanged()).isEqualTo(1);
    Relationship sacramento = relationships.get(office + "/us-sacramento").orElseThrow();
    assertThat(sacramento.getStatus()).isEqualTo(RelationshipStatus.ENDED);
    assertThat(sacramento.getResponsibleOfficer()).as("kept").isEqualTo("美洲处");
    assertThat(sacramento.getRegion()).as("kept").isEqualTo("北美");
    assertThat(sacramento.getStatusHistory()).containsExactly(new StatusChange(RelationshipStatus.FORMAL,
        LocalDate.of(1985, 7, 1)), new StatusChange(RelationshipStatus.ENDED, LocalDate.of(2025, 6, 30)));
  }

  @Test
  void aDryRunChecksEveryRowAndWritesNothing() throws IOException {
    String office = "dry-" + RUN;
    registry.put(Office.newBuilder().setOfficeId(office).setNameEn(office).setLevel(OfficeLevel.CITY).build());
    MasterDataReport report = importer.relationships(csv("dry.csv", StandardCharsets.UTF_8, PARTNER_LIST.toArray(String[]::new)),
        ImportOptions.defaults().withOffice(office).withDryRun(true));
    assertThat(report.success()).isTrue();
    assertThat(report.added()).hasSize(5);
    assertThat(report.wasWritten()).isFalse();
    assertThat(relationships.list(office)).isEmpty();
  }

  @Test
  void aFileWithoutThePartnerColumnsIsRefusedNamingThem() throws IOException {
    Path file = csv("no-partner.csv", StandardCharsets.UTF_8, "国家,类型", "美国,友好城市");
    assertThatThrownBy(() -> importer.relationships(file, ImportOptions.defaults().withOffice("x")))
        .isInstanceOf(SheetException.class).hasMessageContaining("伙伴编号").hasMessageContaining("partner_id");
  }

  private static Relationship withoutOffice(Relationship r) {
    return Relationship.newBuilder(r).setRelationshipId(r.getPartnerId()).setOfficeId("").setUpdatedAt(java.time.Instant.EPOCH)
        .setStatusHistory(List.of()).build();
  }

  private static String[] withMark(List<String> lines) {
    List<String> marked = new ArrayList<>(lines);
    marked.set(0, "\uFEFF" + marked.get(0));
    return marked.toArray(String[]::new);
  }

  Path csv(String name, Charset encoding, String... lines) throws IOException {
    Path file = dir.resolve(name);
    Files.write(file, (String.join("\r\n", lines) + "\r\n").getBytes(encoding));
    return file;
  }
}
