package org.amity.ops;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * What a role says of itself: live (it works, or a restart would help) and ready (it can serve now). Each is a list
 * of named checks; a check answers empty when it holds, else the problem.
 */
public final class Health {
  /** A named check: empty when it holds, else what is wrong. */
  public record Check(String name, Supplier<Optional<String>> problem) {}

  /** How long a check that asks another service keeps its answer, so that probes do not queue behind it. */
  static final Duration CACHED_FOR = Duration.ofSeconds(5);

  /** This check's answer, asked at most once every {@link #CACHED_FOR} (a probe meanwhile gets the last answer). */
  public static Supplier<Optional<String>> cached(Supplier<Optional<String>> check) {
    return new Supplier<>() {
      private Optional<String> answer;
      private long askedAt;

      @Override
      public synchronized Optional<String> get() {
        if (answer == null || System.nanoTime() - askedAt > CACHED_FOR.toNanos()) {
          answer = check.get();
          askedAt = System.nanoTime();
        }
        return answer;
      }
    };
  }

  private final List<Check> live = new ArrayList<>();
  private final List<Check> ready = new ArrayList<>();

  /** A check that must hold for the role to be alive, and so also ready. */
  public Health live(String name, Supplier<Optional<String>> problem) {
    live.add(new Check(name, problem));
    return this;
  }

  /** A check that must hold for the role to serve now. */
  public Health ready(String name, Supplier<Optional<String>> problem) {
    ready.add(new Check(name, problem));
    return this;
  }

  ObjectNode live() {
    return report(live);
  }

  ObjectNode ready() {
    List<Check> all = new ArrayList<>(live);
    all.addAll(ready);
    return report(all);
  }

  static boolean up(ObjectNode report) {
    return report.path("status").asText().equals("UP");
  }

  private static ObjectNode report(List<Check> checks) {
    ObjectNode report = JsonNodeFactory.instance.objectNode();
    ObjectNode details = JsonNodeFactory.instance.objectNode();
    boolean up = true;
    for (Check check : checks) {
      Optional<String> problem = problem(check);
      ObjectNode detail = details.putObject(check.name()).put("status", problem.isEmpty() ? "UP" : "DOWN");
      problem.ifPresent(reason -> detail.put("reason", reason));
      up &= problem.isEmpty();
    }
    report.put("status", up ? "UP" : "DOWN");
    report.set("checks", details);
    return report;
  }

  private static Optional<String> problem(Check check) {
    try {
      return check.problem().get();
    } catch (RuntimeException e) {
      return Optional.of(e.toString());
    }
  }
}
