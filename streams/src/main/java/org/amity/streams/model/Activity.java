package org.amity.streams.model;

import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.amity.events.Direction;
import org.amity.events.Domain;

/**
 * How much happened in a relationship over rolling windows ending at one moment (30, 90 and 365 days by default).
 * Every exchange is counted, also one worth no points (a cancelled project): activity counts what was recorded.
 *
 * @param windows one per {@link ModelSettings#activityWindowDays()}, in that order
 */
public record Activity(Instant at, List<Window> windows) {

  public Activity {
    windows = List.copyOf(windows);
  }

  /** The activity of {@code exchanges} at {@code at}; exchanges after {@code at} are ignored. */
  public static Activity of(List<Exchange> exchanges, Instant at, ModelSettings settings) {
    List<Window> windows = settings.activityWindowDays().stream()
        .map(days -> Window.of(exchanges, at, days))
        .toList();
    return new Activity(at, windows);
  }

  /** The window of {@code days} days. */
  public Window window(int days) {
    return windows.stream()
        .filter(window -> window.days() == days)
        .findFirst()
        .orElseThrow(() -> new IllegalArgumentException("no activity window of " + days + " days"));
  }

  /**
   * What happened in the last {@code days} days: exchanges that happened less than {@code days} × 24 hours before
   * the moment, and not after it.
   *
   * @param total every exchange
   * @param byDomain per domain touched (an exchange touching two domains counts in both); domains without exchanges
   *     are left out
   * @param byDirection delegations that came (INBOUND) and went (OUTBOUND); directions without one are left out
   */
  public record Window(int days, Tally total, Map<Domain, Tally> byDomain, Map<Direction, Tally> byDirection) {

    public Window {
      byDomain = Map.copyOf(byDomain);
      byDirection = Map.copyOf(byDirection);
    }

    static Window of(List<Exchange> exchanges, Instant at, int days) {
      Instant windowStart = at.minus(java.time.Duration.ofDays(days));
      Tally total = Tally.ZERO;
      Map<Domain, Tally> byDomain = new EnumMap<>(Domain.class);
      Map<Direction, Tally> byDirection = new EnumMap<>(Direction.class);
      for (Exchange exchange : exchanges) {
        if (exchange.occurredAt().isAfter(at) || !exchange.occurredAt().isAfter(windowStart)) {
          continue;
        }
        total = total.plus(exchange);
        for (Domain domain : exchange.domains()) {
          byDomain.merge(domain, Tally.of(exchange), Tally::plus);
        }
        if (exchange.direction() != null) {
          byDirection.merge(exchange.direction(), Tally.of(exchange), Tally::plus);
        }
      }
      return new Window(days, total, byDomain, byDirection);
    }

    /** The exchanges that touched {@code domain}. */
    public Tally domain(Domain domain) {
      return byDomain.getOrDefault(domain, Tally.ZERO);
    }

    /** The delegations that travelled in {@code direction}. */
    public Tally direction(Direction direction) {
      return byDirection.getOrDefault(direction, Tally.ZERO);
    }
  }

  /** How many exchanges, and the points they were worth when they happened (not decayed). */
  public record Tally(int count, int points) {
    public static final Tally ZERO = new Tally(0, 0);

    static Tally of(Exchange exchange) {
      return new Tally(1, exchange.points());
    }

    Tally plus(Exchange exchange) {
      return plus(of(exchange));
    }

    Tally plus(Tally other) {
      return new Tally(count + other.count, points + other.points);
    }
  }
}
