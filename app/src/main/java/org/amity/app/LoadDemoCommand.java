package org.amity.app;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Map;
import java.util.concurrent.Callable;
import org.amity.producers.demo.DemoLoader;
import org.amity.producers.publish.AmityPublisher;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code amity load-demo}: the demo data into a running cluster, e.g. the docker-compose one. */
@Command(
    name = "load-demo",
    header = "把演示数据载入集群 / Loads the demo data into a cluster",
    mixinStandardHelpOptions = true,
    description = {
        "Loads the demo data (Shanghai, Changning and Jinan with their partners and exchanges) into the cluster",
        "named by --bootstrap-servers and --schema-registry-url, then exits; with --simulate it stays and keeps",
        "adding events until Ctrl-C. Loading again adds nothing that is already there."})
final class LoadDemoCommand implements Callable<Integer> {

  @Mixin
  ConnectionOptions connection;

  @Mixin
  SimulateOptions simulation;

  @Override
  public Integer call() throws Exception {
    Map<String, Object> config = connection.clientConfig();
    AmityPublisher publisher = AmityPublisher.start(config);
    DemoLoader.Loaded loaded;
    try {
      loaded = DemoLoader.load(config, publisher, LocalDate.now(Clock.systemUTC()));
    } catch (RuntimeException e) {
      publisher.close();
      throw e;
    }
    System.out.printf("Demo data: %d relationships and %d events added, %d events already there%n",
        loaded.relationships(), loaded.events(), loaded.eventsSkipped());
    if (!simulation.simulate) {
      publisher.close();
      return 0;
    }
    UntilStopped.run(simulation.start(publisher), publisher);
    return 0;
  }
}
