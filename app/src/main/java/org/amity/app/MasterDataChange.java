package org.amity.app;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.function.Function;
import org.amity.contract.InvalidInputException;
import org.amity.producers.partners.PartnerRegistry;
import org.amity.producers.partners.RelationshipDirectory;
import picocli.CommandLine.Model.CommandSpec;

/** One change of master data from the command line: registered, or refused with every problem and nothing written. */
final class MasterDataChange {
  private static final Duration START_TIMEOUT = Duration.ofSeconds(30);

  private MasterDataChange() {}

  /**
   * @param change makes the change through the registry and says what was saved
   * @return 0 saved, 1 refused
   */
  static int run(CommandSpec spec, Map<String, Object> config, String id, Function<PartnerRegistry, String> change)
      throws Exception {
    try (RelationshipDirectory relationships = RelationshipDirectory.start(config, START_TIMEOUT);
         PartnerRegistry registry = new PartnerRegistry(config, relationships, Clock.systemUTC())) {
      spec.commandLine().getOut().println("已保存 / saved " + change.apply(registry));
      spec.commandLine().getOut().flush();
      return 0;
    } catch (InvalidInputException e) {
      return ProblemOutput.refused(spec.commandLine().getErr(), id, e.problems());
    }
  }
}
