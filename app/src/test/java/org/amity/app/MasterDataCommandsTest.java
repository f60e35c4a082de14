package org.amity.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.UUID;
import org.amity.platform.EmbeddedPlatformExtension;
import org.amity.platform.Platform;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code amity offices} and {@code amity partners} as staff use them: a tree registered office by office, a field
 * changed without wiping the others, a status ended with its day, and what is refused said in Chinese and English.
 */
@ExtendWith(EmbeddedPlatformExtension.class)
class MasterDataCommandsTest {
  static final String RUN = UUID.randomUUID().toString().substring(0, 6);
  static final String PROVINCE = "sd-" + RUN;
  static final String CITY = PROVINCE + "-jinan";
  static Map<String, String> env;

  @TempDir
  Path dir;

  record Answer(int code, String out, String err) {}

  @BeforeAll
  static void connect() {
    Platform platform = EmbeddedPlatformExtension.platform();
    env = Map.of("AMITY_BOOTSTRAP_SERVERS", platform.bootstrapServers(), "AMITY_SCHEMA_REGISTRY_URL", platform.registryUrl());
  }

  static Answer amity(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = AmityCommand.execute(args, env, new PrintWriter(out), new PrintWriter(err));
    return new Answer(code, out.toString(), err.toString());
  }

  @Test
  void anOfficeTreeIsRegisteredAndListedAndABadParentIsRefusedNamingIt() {
    assertThat(amity("offices", "add", "--office", PROVINCE, "--name-en", "Shandong", "--name-zh", "山东省外办",
        "--level", "PROVINCE").code()).isZero();
    assertThat(amity("offices", "add", "--office", CITY, "--name-en", "Jinan", "--level", "CITY", "--parent", PROVINCE,
        "--alert-contact", "fao@jinan.example").code()).isZero();
    Answer unknownParent = amity("offices", "add", "--office", CITY + "-lixia", "--name-en", "Lixia", "--level", "DISTRICT",
        "--parent", "nowhere-" + RUN);
    assertThat(unknownParent.code()).isEqualTo(1);
    assertThat(unknownParent.err()).contains("parentOfficeId", "nowhere-" + RUN, "尚未登记", "nothing was written");
    Answer again = amity("offices", "add", "--office", CITY, "--name-en", "Jinan");
    assertThat(again.code()).isEqualTo(1);
    assertThat(again.err()).contains("amity offices set");

    assertThat(amity("offices", "set", "--office", CITY, "--name-zh", "济南市外办").code()).isZero();
    String tree = amity("offices", "list").out();
    assertThat(tree).contains(PROVINCE + "  山东省外办（Shandong）  省 PROVINCE", "  " + CITY + "  济南市外办（Jinan）  市 CITY  fao@jinan.example");
  }

  @Test
  void aStatusChangeKeepsEveryOtherFieldAndAnEndedRelationshipCannotBeSuspended() {
    String office = "st-" + RUN;
    amity("offices", "add", "--office", office, "--name-en", office, "--level", "CITY");
    assertThat(amity("partners", "add", "--office", office, "--partner", "us-sacramento", "--name-en", "Sacramento",
        "--name-zh", "萨克拉门托", "--country", "US", "--region", "North America", "--established", "1985-05-03",
        "--officer", "americas@office.example").code()).isZero();

    Answer ended = amity("partners", "set", "--office", office, "--partner", "萨克拉门托", "--status", "已终止",
        "--status-since", "2025年6月30日");
    assertThat(ended.code()).as(ended.err()).isZero();
    assertThat(ended.out()).contains("已终止 ENDED");
    Answer unknownOffice = amity("partners", "set", "--office", office + "x", "--partner", "萨克拉门托", "--officer", "x@y.example");
    assertThat(unknownOffice.code()).isEqualTo(1);
    assertThat(unknownOffice.err()).contains("没有编号或名称为“" + office + "x”的外办", "has the id or name");
    Answer unknownPartner = amity("partners", "set", "--office", office, "--partner", "萨克拉曼多", "--officer", "x@y.example");
    assertThat(unknownPartner.code()).isEqualTo(1);
    assertThat(unknownPartner.err()).contains("没有编号或名称为“萨克拉曼多”的伙伴", "amity partners list --office " + office);
    Answer badDay = amity("partners", "set", "--office", office, "--partner", "us-sacramento", "--status-since", "2025年6月31日");
    assertThat(badDay.code()).isEqualTo(2);
    assertThat(badDay.err()).contains("“2025年6月31日”不是日期，应写作 2024-07-10", "is not a date");
    Answer unknownStatus = amity("partners", "set", "--office", office, "--partner", "us-sacramento", "--status", "正常");
    assertThat(unknownStatus.code()).isEqualTo(2);
    assertThat(unknownStatus.err()).contains("--status", "“正常”应为 意向、正式、暂停、已终止 之一", "must be one of",
        "amity partners set --help").doesNotContain("Usage:");
    Answer suspended = amity("partners", "set", "--office", office, "--partner", "us-sacramento", "--status", "SUSPENDED");
    assertThat(suspended.code()).isEqualTo(1);
    assertThat(suspended.err()).contains("status", "已终止", "暂停", "正式", "意向");

    String listed = amity("partners", "list", "--office", office).out();
    assertThat(listed).contains("萨克拉门托", "已终止 ENDED", "1985-05-03");
    Answer existing = amity("partners", "add", "--office", office, "--partner", "us-sacramento", "--name-en", "Sacramento",
        "--country", "US", "--status", "ENDED");
    assertThat(existing.code()).isEqualTo(1);
    assertThat(existing.err()).contains("amity partners set");
  }

  @Test
  void officesAndPartnersAreImportedFromAGbkSpreadsheetAndADryRunWritesNothing() throws Exception {
    String office = "imp-" + RUN;
    Path offices = Files.write(dir.resolve("外办.csv"), ("外办编号,中文名称,英文名称,级别\r\n" + office + ",某市外办,Some City FAO,市\r\n")
        .getBytes(Charset.forName("GBK")));
    Path partners = Files.write(dir.resolve("友城.csv"), ("伙伴,英文名,国家,结好日期\r\n雷恩,Rennes,法国,2014-03-28\r\n")
        .getBytes(Charset.forName("GBK")));
    assertThat(amity("offices", "import", offices.toString()).code()).isZero();
    Answer dry = amity("partners", "import", partners.toString(), "--office", office, "--dry-run");
    assertThat(dry.code()).as(dry.err()).isZero();
    assertThat(dry.out()).contains("仅检查", "新增 1");
    assertThat(amity("partners", "list", "--office", office).out()).contains("0 个关系");
    Answer imported = amity("partners", "import", partners.toString(), "--office", office);
    assertThat(imported.out()).contains("新增 1");
    assertThat(amity("partners", "list", "--office", office).out()).contains(office + "/fr-rennes", "雷恩");
    assertThat(amity("partners", "list", "--office", "某市外办").out()).as("by its name").contains(office + "/fr-rennes");
    Answer listOfNoOffice = amity("partners", "list", "--office", "某县外办");
    assertThat(listOfNoOffice.code()).isEqualTo(2);
    assertThat(listOfNoOffice.err()).contains("--office 没有编号或名称为“某县外办”的外办");

    Path log = Files.write(dir.resolve("交流记录.csv"), "类型,日期,伙伴,方向,级别\r\n代表团,2024/7/10,雷恩,来访,市长\r\n"
        .getBytes(Charset.forName("GBK")));
    Answer byOfficeName = amity("import", log.toString(), "--office", "某市外办", "--dry-run");
    assertThat(byOfficeName.code()).as(byOfficeName.out() + byOfficeName.err()).isZero();
    assertThat(byOfficeName.out()).contains("--office 某市外办：外办 " + office, "有效 / valid：1");
    Answer noSuchOffice = amity("import", log.toString(), "--office", "无此外办", "--dry-run");
    assertThat(noSuchOffice.code()).isEqualTo(2);
    assertThat(noSuchOffice.err()).contains("--office 没有编号或名称为“无此外办”的外办", "amity offices list");
  }
}
