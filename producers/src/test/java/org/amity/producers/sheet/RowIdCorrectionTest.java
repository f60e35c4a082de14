package org.amity.producers.sheet;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;
import org.amity.events.SampleEvents;
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

/**
 * A log row with a row id (编号) imported again with other content corrects its earlier event instead of adding a
 * second one; imported again unchanged, it writes nothing.
 */
@ExtendWith(EmbeddedPlatformExtension.class)
class RowIdCorrectionTest {
  static final String OFFICE = "rows-" + UUID.randomUUID().toString().substring(0, 6);
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
      partners.put(SampleEvents.office(OFFICE));
      partners.put(Relationship.newBuilder(SampleEvents.relationship()).setRelationshipId(OFFICE + "/us-sacramento")
          .setOfficeId(OFFICE).setPartnerId("us-sacramento").setPartnerNameZh("萨克拉门托")
          .setEstablishedOn(LocalDate.of(1985, 5, 3)).build());
    }
  }

  @AfterAll
  static void stop() {
    publisher.close();
  }

  @Test
  void aRowImportedAgainWithAnotherHeadcountCorrectsItsEventAndUnchangedWritesNothing() throws Exception {
    SpreadsheetImport importer = SpreadsheetImport.publishingTo(publisher, Clock.systemUTC());
    ImportOptions options = ImportOptions.defaults().withOffice(OFFICE);

    ImportReport first = importer.run(log("v1.csv", "12"), options);
    ImportReport fixed = importer.run(log("v2.csv", "15"), options);
    ImportReport again = importer.run(log("v2-again.csv", "15"), options);
    ImportReport fixedAgain = importer.run(log("v3.csv", "16"), options);

    assertThat(first.written()).as(first.format()).isEqualTo(1);
    assertThat(fixed.written()).as(fixed.format()).isEqualTo(1);
    assertThat(again.written()).as(again.format()).isZero();
    assertThat(again.duplicates()).isEqualTo(1);
    assertThat(fixedAgain.written()).isEqualTo(1);
    String stem = RowMapper.ROW_ID_PREFIX;
    assertThat(publisher.hasWritten(idOf(stem, 1))).isTrue();
    assertThat(publisher.hasWritten(idOf(stem, 3))).as("the third version, correcting the second").isTrue();
    assertThat(publisher.hasWritten(idOf(stem, 4))).isFalse();
  }

  /** The eventId of the given version of row 2024-017 of this office. */
  private static String idOf(String stem, int version) {
    return stem + RowMapper.derivedId(java.util.List.of(OFFICE, "2024-017")).substring(RowMapper.DERIVED_ID_PREFIX.length())
        + ":" + version;
  }

  private Path log(String name, String headcount) throws Exception {
    return Files.writeString(dir.resolve(name), String.join("\r\n",
        "编号,类型,日期,伙伴,方向,级别,人数,摘要",
        "2024-017,代表团,2024-07-10,萨克拉门托,来访,市长," + headcount + ",市长率团来访", ""));
  }
}
