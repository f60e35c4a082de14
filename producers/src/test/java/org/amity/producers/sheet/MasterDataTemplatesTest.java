package org.amity.producers.sheet;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import org.amity.platform.EmbeddedPlatformExtension;
import org.amity.platform.Platform;
import org.amity.producers.partners.PartnerRegistry;
import org.amity.producers.partners.RelationshipDirectory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The master-data templates offices start from import without a problem: the offices, then their partners. */
@ExtendWith(EmbeddedPlatformExtension.class)
class MasterDataTemplatesTest {
  @Test
  void theOfficeAndPartnerTemplatesImportCleanly() throws Exception {
    Platform platform = EmbeddedPlatformExtension.platform();
    Map<String, Object> config = Map.of("bootstrap.servers", platform.bootstrapServers(),
        "schema.registry.url", platform.registryUrl());
    Path templates = SheetFixtures.templates();
    try (RelationshipDirectory relationships = RelationshipDirectory.start(config, Duration.ofSeconds(30));
         PartnerRegistry registry = new PartnerRegistry(config, relationships, Clock.systemUTC())) {
      MasterDataImport importer = new MasterDataImport(registry, Clock.systemUTC());
      MasterDataReport offices = importer.offices(templates.resolve("offices-template.csv"), ImportOptions.defaults());
      assertThat(offices.success()).as(offices.format()).isTrue();
      assertThat(registry.offices().get("jinan-lixia").orElseThrow().getParentOfficeId()).isEqualTo("jinan");
      assertThat(registry.offices().get("jinan").orElseThrow().getParentOfficeId()).isEqualTo("shandong");

      MasterDataReport partners = importer.relationships(templates.resolve("partners-template.csv"),
          ImportOptions.defaults().withDryRun(true));
      assertThat(partners.success()).as(partners.format()).isTrue();
      assertThat(partners.added().size() + partners.changed().size() + partners.unchanged()).isEqualTo(6);
      assertThat(partners.added()).contains("jinan-lixia/us-sacramento", "jinan-lixia/pt-cascais");
    }
  }
}
