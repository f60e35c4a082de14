package org.amity.app;

import java.nio.file.Path;
import org.amity.platform.Platform;
import org.amity.platform.PlatformSettings;
import org.amity.platform.kafka.EmbeddedKafka;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The demo scenario ({@link DemoScenario}) on the embedded broker and registry, always. */
class DemoScenarioTest {

  @Test
  void theDemoShowsItsPartnersWakesADormantOneAndLoadsNothingTwiceOnTheEmbeddedPlatform(
      @TempDir Path dataDir, @TempDir Path stateDir) throws Exception {
    int[] ports = EmbeddedKafka.freeLoopbackPorts(2);
    try (Platform platform = Platform.start(new PlatformSettings(dataDir, "127.0.0.1", ports[0], ports[1], 0))) {
      new DemoScenario(platform.bootstrapServers(), platform.registryUrl(), stateDir).run();
    }
  }
}
