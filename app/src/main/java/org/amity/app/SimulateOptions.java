package org.amity.app;

import java.time.Clock;
import java.time.Duration;
import org.amity.producers.demo.DemoSimulator;
import org.amity.producers.publish.AmityPublisher;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** Whether the demo keeps adding believable events after loading, and how often. */
final class SimulateOptions {

  @Option(names = "--simulate",
      description = "Keep adding a believable exchange for a demo partner every --simulate-interval, so the dashboard moves.")
  boolean simulate;

  @Spec(Spec.Target.MIXEE)
  CommandSpec command;

  Duration interval;

  @Option(names = "--simulate-interval", paramLabel = "DURATION", defaultValue = "PT10S",
      description = "Time between two simulated events, ISO-8601 (default: ${DEFAULT-VALUE}).")
  void interval(Duration value) {
    if (value.isNegative() || value.isZero()) {
      throw new ParameterException(command.commandLine(), "--simulate-interval must be positive, not " + value);
    }
    interval = value;
  }

  /** The simulator, started; none when not asked for. */
  AutoCloseable start(AmityPublisher publisher) {
    if (!simulate) {
      return () -> { };
    }
    System.out.println("模拟：每 " + interval.toSeconds() + " 秒一次新交流 / Simulating: one new exchange every "
        + interval.toSeconds() + " s");
    return DemoSimulator.start(publisher, interval, Clock.systemUTC());
  }
}
