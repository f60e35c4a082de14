package org.amity.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Each bad command line exits with its code and a message naming the option and what is wrong, before anything starts:
 * nothing printed to standard output, no file or folder made, no connection tried (Kafka is at 127.0.0.1:1, which would
 * take a minute to give up on). AmityCommandTest already covers a port that is not a number, an unknown command, no
 * command, a dashboard without users or with a plain password, and a model constant that is not a number.
 */
class CommandLineBadInputTest {
  private static final String HASH = "a".repeat(64);
  private static final String PARTNER = "partners add --office x --partner nl-x --name-en X --country NL";

  @TempDir
  Path dir;

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', textBlock = """
      unknown option             | streams --querry-port 1                                   | 2 | Unknown option;--querry-port;--query-port
      not a number               | generate --dry-run --truth {dir}/t.csv --offices ten      | 2 | --offices;ten
      number out of range        | generate --dry-run --truth {dir}/t.csv --quiet-share 1.5  | 2 | --quiet-share;1.5
      number too large for type  | generate --dry-run --truth {dir}/t.csv --replication-factor 40000 | 2 | --replication-factor;40000
      port above 65535           | ingest --token-hash shanghai={hash} --port 70000          | 2 | --port;70000;0 to 65535
      negative port              | platform --data-dir {dir}/data --kafka-port -1            | 2 | --kafka-port;-1;0 to 65535
      duration not ISO-8601      | load-demo --simulate-interval 10s                         | 2 | --simulate-interval;10s;PT10S
      duration of zero           | load-demo --simulate-interval PT0S                        | 2 | --simulate-interval;must be positive
      duration in hours as 1h    | streams --review-interval 1h                              | 2 | --review-interval;1h;ISO-8601
      unknown enum symbol        | {partner} --kind TWIN_TOWN                                | 2 | --kind;TWIN_TOWN;SISTER_CITY
      impossible month           | {partner} --established 1994-13-01                        | 2 | --established;1994-13-01;2024-07-10
      impossible day             | generate --dry-run --truth {dir}/t.csv --end 2024-02-30   | 2 | --end;2024-02-30
      missing required option    | partners add --office x                                   | 2 | Missing required option;--partner
      new partner without names  | partners add --office x --partner nl-x                    | 1 | --name-en;--country;英文名称;nothing was written
      unknown office level       | offices add --office x --name-en X --level TOWN           | 2 | --level;TOWN;PROVINCE
      unknown encoding           | import {dir}/log.csv --encoding NO-SUCH-CHARSET           | 2 | --encoding;NO-SUCH-CHARSET
      no file to import          | import                                                    | 2 | Missing required parameter;FILE
      file that does not exist   | import {dir}/nowhere.csv                                  | 2 | nowhere.csv;no such file
      folder instead of a file   | import {dir}                                              | 2 | a directory
      device instead of a file   | import /dev/zero                                          | 2 | /dev/zero;not a file but a device or a pipe
      tokens file missing        | ingest --tokens-file {dir}/nowhere.properties             | 2 | --tokens-file;nowhere.properties;no such file
      users file is a folder     | dashboard --users-file {dir}                              | 2 | --users-file;a directory
      rejects without skipping   | import {dir}/log.csv --rejects {dir}/rejects.csv          | 2 | --rejects needs --skip-bad-rows
      property without a value   | streams -X num.stream.threads                             | 2 | KEY=VALUE;num.stream.threads
      token hash not hex         | ingest --token-hash shanghai=nothex                       | 2 | shanghai;64 hex digits
      body limit below one byte  | ingest --token-hash shanghai={hash} --max-body-bytes -1    | 2 | --max-body-bytes;必须至少为 1;must be at least 1, not -1
      batch of no events         | ingest --token-hash shanghai={hash} --max-batch-events 0   | 2 | --max-batch-events;must be at least 1, not 0
      no stream threads          | streams --threads 0                                       | 2 | --threads;must be at least 1, not 0
      negative standby replicas  | streams --standby-replicas -1                             | 2 | --standby-replicas;must be at least 0, not -1
      report for no office       | report --period 2024 --out {dir}/r.xlsx                   | 2 | Missing required option;--office
      report to no file          | report --office shanghai --period 2024                    | 2 | Missing required option;--out
      report of no period        | report --office shanghai --out {dir}/r.xlsx               | 2 | Missing required option;--period
      report of a 13th month     | report --office shanghai --period 2024-13 --out {dir}/r.xlsx | 2 | period 应为;not "2024-13"
      report period backwards    | report --office shanghai --period 2024-06-30..2024-01-01 --out {dir}/r.xlsx | 2 | 晚于结束日期;after its end
      report of years to come    | report --office shanghai --period 2099 --out {dir}/r.xlsx | 2 | 尚未开始;has not begun
      report file of no format   | report --office shanghai --period 2024 --out {dir}/report | 2 | --out;.xlsx or .pdf
      report in another format   | report --office shanghai --period 2024 --out {dir}/r.docx --format docx | 2 | --format 应为 xlsx 或 pdf;not "docx"
      report in another language | report --office shanghai --period 2024 --out {dir}/r.xlsx --lang fr | 2 | --lang 应为 zh 或 en;not "fr"
      report into no folder      | report --office shanghai --period 2024 --out {dir}/nowhere/r.xlsx | 2 | --out;does not exist
      report onto a folder       | report --office shanghai --period 2024 --out {dir} --format xlsx | 2 | --out is a directory
      report asking no address   | report --office shanghai --period 2024 --out {dir}/r.xlsx --streams-url localhost:8090 --streams-token shanghai=t | 2 | --streams-url;http(s);not "localhost:8090"
      report asking without token | report --office shanghai --period 2024 --out {dir}/r.xlsx --streams-url http://localhost:8090 | 2 | --streams-url needs --streams-token
      report with no such font   | report --office shanghai --period 2024 --out {dir}/r.pdf --font {dir}/none.ttf | 2 | none.ttf;cannot be read
      """)
  void isRefusedBeforeAnythingStarts(String name, String args, int exitCode, String mentions) throws IOException {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    String[] argv = args.replace("{partner}", PARTNER).replace("{hash}", HASH).replace("{dir}", dir.toString()).split(" ");

    int code = AmityCommand.execute(argv, Map.of("AMITY_BOOTSTRAP_SERVERS", "127.0.0.1:1"), new PrintWriter(out), new PrintWriter(err));

    assertThat(code).as(err.toString()).isEqualTo(exitCode);
    assertThat(err.toString()).contains(mentions.split(";"));
    assertThat(err.toString()).as("no stack trace").doesNotContain("\tat ");
    assertThat(out.toString()).as("standard output").isEmpty();
    try (Stream<Path> made = Files.list(dir)) {
      assertThat(made).as("files made").isEmpty();
    }
  }
}
