package org.amity.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.RandomAccessFile;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.amity.contract.Topics;
import org.amity.platform.EmbeddedPlatformExtension;
import org.amity.platform.Platform;
import org.amity.producers.sheet.SheetReader;
import org.amity.topics.TopicSpec;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.poi.ss.usermodel.FormulaError;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFCell;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Each bad exchange log given to {@code amity import} gets its exit code (2: the file cannot be imported, 1: bad rows
 * stopped the import, 0: bad rows skipped) and a message naming the row, column and what is wrong. Nothing reaches the
 * event topics unless --skip-bad-rows, which writes the good rows and puts the bad ones in the rejects file.
 * SheetReaderTest, ColumnLayoutTest and SpreadsheetImportCheckTest already cover other files (text, .xls, GBK, a
 * workbook named .csv, no type column, a column named twice, semicolons) and rows (a month 13, a negative headcount, an
 * unknown partner or direction, another office's partner); unknown columns are imported with a warning, not refused.
 */
@ExtendWith(EmbeddedPlatformExtension.class)
class SpreadsheetBadInputTest {
  private static final String OFFICE = "sheet-bad-" + UUID.randomUUID().toString().substring(0, 8);
  private static final String HEADER = "type,date,partner,direction,level,headcount";
  private static final String GOOD_ROW = "delegation,2024-07-10,nl-rotterdam,in,DEPARTMENT,4";
  private static Map<String, String> env;

  @TempDir
  Path dir;

  /** A log as the office might send it: the file's name and how to write it. */
  interface Log {
    void write(Path file) throws IOException;
  }

  /** One bad log, the options it is imported with, and the answer it must get. */
  record Case(String name, String fileName, Log log, boolean skipBadRows, int exitCode, String mentions) {
    @Override
    public String toString() {
      return name;
    }
  }

  @BeforeAll
  static void registerThePartners() {
    Platform platform = EmbeddedPlatformExtension.platform();
    env = Map.of("AMITY_BOOTSTRAP_SERVERS", platform.bootstrapServers(), "AMITY_SCHEMA_REGISTRY_URL", platform.registryUrl());
    StringWriter err = new StringWriter();
    int officeAdded = AmityCommand.execute(new String[] {"offices", "add", "--office", OFFICE, "--name-en", OFFICE},
        env, new PrintWriter(new StringWriter()), new PrintWriter(err));
    assertThat(officeAdded).as(err.toString()).isZero();
    int code = AmityCommand.execute(new String[] {"partners", "add", "--office", OFFICE, "--partner", "nl-rotterdam",
        "--name-en", "Rotterdam", "--country", "NL"}, env, new PrintWriter(new StringWriter()), new PrintWriter(err));
    assertThat(code).as(err.toString()).isZero();
  }

  static Log csv(String... lines) {
    return file -> Files.writeString(file, String.join("\r\n", lines) + "\r\n", StandardCharsets.UTF_8);
  }

  static Case csvCase(String name, int exitCode, String mentions, String... lines) {
    return new Case(name, "log.csv", csv(lines), false, exitCode, mentions);
  }

  /** A workbook whose second row has a formula in the date cell: Excel's cached value, or none. */
  static Log formulaInDate(String formula, String cachedError) {
    return file -> {
      try (XSSFWorkbook workbook = new XSSFWorkbook(); OutputStream out = Files.newOutputStream(file)) {
        XSSFSheet sheet = workbook.createSheet("log");
        String[] header = HEADER.split(",");
        String[] good = GOOD_ROW.split(",");
        Row first = sheet.createRow(0);
        Row second = sheet.createRow(1);
        for (int c = 0; c < header.length; c++) {
          first.createCell(c).setCellValue(header[c]);
          if (c != 1) {
            second.createCell(c).setCellValue(good[c]);
          }
        }
        second.createCell(1).setCellFormula(formula);
        if (cachedError != null) {
          ((XSSFCell) second.getCell(1)).setCellErrorValue(FormulaError.forString(cachedError));
        }
        workbook.write(out);
      }
    };
  }

  static Stream<Case> cases() {
    return Stream.of(
        new Case("a zip that is no workbook", "log.xlsx", file -> {
          try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(file))) {
            zip.putNextEntry(new ZipEntry("word/document.xml"));
            zip.write("<document/>".getBytes(StandardCharsets.UTF_8));
          }
        }, false, 2, "log.xlsx;cannot be read as an XLSX workbook"),
        new Case("an empty file", "log.csv", file -> Files.write(file, new byte[0]), false, 2, "log.csv;row 1 is empty"),
        csvCase("an unclosed quote", 2, "log.csv;not valid CSV", HEADER, "delegation,\"2024-07-10,nl-rotterdam,in,DEPARTMENT,4"),
        csvCase("no partner column", 1, "第 2 行：partner", "type,date,direction,level,headcount", "delegation,2024-07-10,in,DEPARTMENT,4"),
        csvCase("a day-first date", 1, "第 3 行：date;10/07/2024", HEADER, GOOD_ROW, "delegation,10/07/2024,nl-rotterdam,in,DEPARTMENT,4"),
        csvCase("an Excel day number in a CSV date", 1, "第 2 行：date;45483", HEADER, "delegation,45483,nl-rotterdam,in,DEPARTMENT,4"),
        csvCase("a headcount in words", 1, "第 2 行：headcount;twelve", HEADER, "delegation,2024-07-10,nl-rotterdam,in,DEPARTMENT,twelve"),
        csvCase("a fractional headcount", 1, "第 2 行：headcount;2.5", HEADER, "delegation,2024-07-10,nl-rotterdam,in,DEPARTMENT,2.5"),
        csvCase("a partner of no relationship among good rows", 1, "第 3 行：partner;xx-nowhere", HEADER, GOOD_ROW,
            "delegation,2024-07-11,xx-nowhere,in,DEPARTMENT,4"),
        new Case("a formula whose value is an error", "log.xlsx", formulaInDate("1/0", "#DIV/0!"), false, 1, "第 2 行：date;#DIV/0!"),
        new Case("a formula Excel never computed", "log.xlsx", formulaInDate("TODAY()", null), false, 2, "B2;=TODAY();save it again"),
        new Case("a CSV file of 300 MB", "log.csv", file -> {
          try (RandomAccessFile sparse = new RandomAccessFile(file.toFile(), "rw")) {
            sparse.setLength(300L * 1024 * 1024);
          }
        }, false, 2, "log.csv;文件有 300 MB;the file is 300 MB;split it"),
        new Case("more data rows than an import takes", "log.csv", file -> Files.writeString(file,
            HEADER + "\n" + (GOOD_ROW + "\n").repeat(SheetReader.MAX_DATA_ROWS + 1)), false, 2,
            "log.csv;数据超过 100000 行;row 100002;split it"),
        new Case("a bad row skipped", "log.csv", csv(HEADER, "delegation,2024-07-12,nl-rotterdam,out,DEPARTMENT,3",
            "delegation,10/07/2024,nl-rotterdam,in,DEPARTMENT,4"),
            true, 0, "written：1;rejected：1;第 3 行：date;log.csv.rejects.csv"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void isAnsweredWithItsExitCodeAndWritesNothingUnlessSkipping(Case bad) throws IOException {
    Path file = dir.resolve(bad.fileName());
    bad.log().write(file);
    List<String> args = new ArrayList<>(List.of("import", file.toString(), "--office", OFFICE));
    if (bad.skipBadRows()) {
      args.add("--skip-bad-rows");
    }
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    long before = recordsOnEventTopics();

    int code = AmityCommand.execute(args.toArray(String[]::new), env, new PrintWriter(out), new PrintWriter(err));

    String answer = out + "\n" + err;
    assertThat(code).as(answer).isEqualTo(bad.exitCode());
    assertThat(answer).contains(bad.mentions().split(";"));
    assertThat(answer).as("no stack trace").doesNotContain("\tat ");
    if (bad.skipBadRows()) {
      assertThat(recordsOnEventTopics()).as("records on the event topics").isGreaterThan(before);
    } else {
      assertThat(recordsOnEventTopics()).as("records on the event topics").isEqualTo(before);
    }
    Path rejects = dir.resolve(bad.fileName() + ".rejects.csv");
    if (bad.skipBadRows()) {
      assertThat(Files.readString(rejects, StandardCharsets.UTF_8)).contains("10/07/2024", ",3,", "date");
    } else {
      assertThat(rejects).doesNotExist();
    }
  }

  /** The total end offset of every event topic and the eventId index: it grows with every write. */
  private static long recordsOnEventTopics() {
    Map<String, Object> config = new HashMap<>(Map.of("bootstrap.servers", env.get("AMITY_BOOTSTRAP_SERVERS")));
    List<String> topics = new ArrayList<>(Topics.EVENTS.stream().map(TopicSpec::name).toList());
    topics.add(Topics.EVENT_IDS.name());
    try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(config, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
      List<TopicPartition> partitions = new ArrayList<>();
      for (String topic : topics) {
        consumer.partitionsFor(topic).forEach(p -> partitions.add(new TopicPartition(topic, p.partition())));
      }
      return consumer.endOffsets(partitions).values().stream().mapToLong(Long::longValue).sum();
    }
  }
}
