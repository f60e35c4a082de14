package org.amity.streams.model;

import static java.util.Objects.requireNonNull;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Collections;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.amity.contract.EventType;
import org.amity.contract.EventTypes;
import org.amity.contract.PointRule;
import org.apache.avro.specific.SpecificRecord;

/**
 * Every constant of the vitality model (docs/design.md, "How vitality is scored"), with its default in {@link #defaults()}.
 *
 * @param modelVersion the model's label, e.g. "vitality-1"; results carry it with a fingerprint ({@link #version()})
 * @param points what each kind of event is worth, and which kinds are substantive
 * @param halfLifeDays momentum: an exchange's points halve every this many days (180)
 * @param momentumScale momentum: {@code m = 1 − e^(−M / momentumScale)} (15)
 * @param breadthWindowDays breadth counts the domains of this many last days (365)
 * @param breadthDomains breadth is full with this many distinct domains (4)
 * @param reciprocityWindowDays reciprocity counts the delegations of this many last days (730)
 * @param substanceWindowDays substance counts the substantive points of this many last days (730)
 * @param substancePoints substance is full with this many substantive points (20)
 * @param weights how much each component weighs in vitality
 * @param bands the thresholds of the bands
 * @param trendLookbackDays the trend compares vitality now with vitality this many days earlier (90)
 * @param forecastHorizonDays how many days ahead the forecast of dormancy looks (366: a relationship with any
 *     exchange is dormant 365 quiet days after it at the latest)
 * @param activityWindowDays the rolling windows of the activity figures (30, 90, 365)
 * @param zone where calendar dates are read: the day a relationship was established, the forecast date (UTC)
 */
public record ModelSettings(
    String modelVersion,
    PointTable points,
    double halfLifeDays,
    double momentumScale,
    int breadthWindowDays,
    int breadthDomains,
    int reciprocityWindowDays,
    int substanceWindowDays,
    double substancePoints,
    Weights weights,
    Bands bands,
    int trendLookbackDays,
    int forecastHorizonDays,
    List<Integer> activityWindowDays,
    ZoneId zone) {

  public ModelSettings {
    requireNonNull(modelVersion, "modelVersion");
    requireNonNull(points, "points");
    requireNonNull(weights, "weights");
    requireNonNull(bands, "bands");
    requireNonNull(zone, "zone");
    activityWindowDays = List.copyOf(activityWindowDays);
    requirePositive("halfLifeDays", halfLifeDays);
    requirePositive("momentumScale", momentumScale);
    requirePositive("breadthWindowDays", breadthWindowDays);
    requirePositive("breadthDomains", breadthDomains);
    requirePositive("reciprocityWindowDays", reciprocityWindowDays);
    requirePositive("substanceWindowDays", substanceWindowDays);
    requirePositive("substancePoints", substancePoints);
    requirePositive("trendLookbackDays", trendLookbackDays);
    requirePositive("forecastHorizonDays", forecastHorizonDays);
    activityWindowDays.forEach(days -> requirePositive("activityWindowDays", days));
  }

  /** The defaults of docs/design.md; the points are the event types' own ({@link EventTypes}). */
  public static ModelSettings defaults() {
    return new Builder().build();
  }

  /** A builder holding these settings, to change some of them by name. */
  public Builder toBuilder() {
    return new Builder().modelVersion(modelVersion).points(points).halfLifeDays(halfLifeDays).momentumScale(momentumScale)
        .breadthWindowDays(breadthWindowDays).breadthDomains(breadthDomains).reciprocityWindowDays(reciprocityWindowDays)
        .substanceWindowDays(substanceWindowDays).substancePoints(substancePoints).weights(weights).bands(bands)
        .trendLookbackDays(trendLookbackDays).forecastHorizonDays(forecastHorizonDays)
        .activityWindowDays(activityWindowDays).zone(zone);
  }

  /**
   * The label with a fingerprint of every other setting, e.g. "vitality-1+5d41402a": results scored under other
   * settings carry another version, even when the label was left as it was.
   */
  public String version() {
    String others = toBuilder().modelVersion("").build().toString();
    try {
      byte[] hash = MessageDigest.getInstance("SHA-256").digest(others.getBytes(StandardCharsets.UTF_8));
      return modelVersion + "+" + HexFormat.of().formatHex(hash, 0, 4);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java platform has SHA-256", e);
    }
  }

  /** These settings with calendar dates read in another zone. */
  public ModelSettings withZone(ZoneId otherZone) {
    return toBuilder().zone(otherZone).build();
  }

  /** The settings by name, each starting at its default; {@link #build()} checks them. */
  public static final class Builder {
    private String modelVersion = "vitality-1";
    private PointTable points = PointTable.defaults();
    private double halfLifeDays = 180;
    private double momentumScale = 15;
    private int breadthWindowDays = 365;
    private int breadthDomains = 4;
    private int reciprocityWindowDays = 730;
    private int substanceWindowDays = 730;
    private double substancePoints = 20;
    private Weights weights = Weights.defaults();
    private Bands bands = Bands.defaults();
    private int trendLookbackDays = 90;
    private int forecastHorizonDays = 366;
    private List<Integer> activityWindowDays = List.of(30, 90, 365);
    private ZoneId zone = ZoneOffset.UTC;

    public Builder modelVersion(String value) {
      modelVersion = value;
      return this;
    }

    public Builder points(PointTable value) {
      points = value;
      return this;
    }

    public Builder halfLifeDays(double value) {
      halfLifeDays = value;
      return this;
    }

    public Builder momentumScale(double value) {
      momentumScale = value;
      return this;
    }

    public Builder breadthWindowDays(int value) {
      breadthWindowDays = value;
      return this;
    }

    public Builder breadthDomains(int value) {
      breadthDomains = value;
      return this;
    }

    public Builder reciprocityWindowDays(int value) {
      reciprocityWindowDays = value;
      return this;
    }

    public Builder substanceWindowDays(int value) {
      substanceWindowDays = value;
      return this;
    }

    public Builder substancePoints(double value) {
      substancePoints = value;
      return this;
    }

    public Builder weights(Weights value) {
      weights = value;
      return this;
    }

    public Builder bands(Bands value) {
      bands = value;
      return this;
    }

    public Builder trendLookbackDays(int value) {
      trendLookbackDays = value;
      return this;
    }

    public Builder forecastHorizonDays(int value) {
      forecastHorizonDays = value;
      return this;
    }

    public Builder activityWindowDays(List<Integer> value) {
      activityWindowDays = value;
      return this;
    }

    public Builder zone(ZoneId value) {
      zone = value;
      return this;
    }

    public ModelSettings build() {
      return new ModelSettings(modelVersion, points, halfLifeDays, momentumScale, breadthWindowDays, breadthDomains,
          reciprocityWindowDays, substanceWindowDays, substancePoints, weights, bands, trendLookbackDays,
          forecastHorizonDays, activityWindowDays, zone);
    }
  }

  /**
   * What each event type is worth, and which types are substantive. An event worth 0 points does not count for
   * vitality at all.
   *
   * @param byType the points of each exchange type, by Avro record name ("DelegationVisited"): every exchange type of
   *     {@link EventTypes} has a complete rule
   * @param substantiveTypes the Avro record names of the substantive event types
   */
  public record PointTable(Map<String, PointRule> byType, Set<String> substantiveTypes) {

    public PointTable {
      Map<String, PointRule> complete = new LinkedHashMap<>();
      for (EventType type : EventTypes.exchanges()) {
        PointRule rule = requireNonNull(byType, "byType").get(type.name());
        if (rule == null) {
          throw new IllegalArgumentException("no points for " + type.name());
        }
        complete.put(type.name(), rule.completeFor(type.schema()));
      }
      for (String name : byType.keySet()) {
        if (!complete.containsKey(name)) {
          throw new IllegalArgumentException(name + " is no exchange type; one of " + complete.keySet());
        }
      }
      byType = Collections.unmodifiableMap(complete);
      // sorted, so that the settings' text is the same in every JVM (it names the settings a review schedule holds for)
      substantiveTypes = Collections.unmodifiableSortedSet(new TreeSet<>(substantiveTypes));
    }

    /** Each type's points and substance as its declaration in {@link EventTypes} says. */
    public static PointTable defaults() {
      Map<String, PointRule> byType = new LinkedHashMap<>();
      EventTypes.exchanges().forEach(type -> byType.put(type.name(), type.points()));
      return new PointTable(byType, EventTypes.exchanges().stream().filter(EventType::substantive)
          .map(EventType::name).collect(Collectors.toSet()));
    }

    /** The points of an exchange event. */
    public int of(SpecificRecord event) {
      PointRule rule = byType.get(event.getSchema().getName());
      if (rule == null) {
        throw new IllegalArgumentException(event.getSchema().getName() + " is not an exchange and has no points");
      }
      return rule.of(event);
    }

    /** This table with one key of one type's rule changed, e.g. ("ExhibitionHeld", "*", 6). */
    public PointTable with(String type, String key, int points) {
      Map<String, PointRule> changed = new LinkedHashMap<>(byType);
      changed.put(type, byType.get(type).with(key, points));
      return new PointTable(changed, substantiveTypes);
    }
  }

  /** The weights of the four components in vitality (0.55, 0.15, 0.10, 0.20). */
  public record Weights(double momentum, double breadth, double reciprocity, double substance) {
    public Weights {
      requireNotNegative("weights.momentum", momentum);
      requireNotNegative("weights.breadth", breadth);
      requireNotNegative("weights.reciprocity", reciprocity);
      requireNotNegative("weights.substance", substance);
    }

    public static Weights defaults() {
      return new Weights(0.55, 0.15, 0.10, 0.20);
    }
  }

  /**
   * The thresholds of the {@link Band bands}.
   *
   * @param dormantSilenceDays DORMANT after this many days without an exchange (365)
   * @param dormantBelow DORMANT when vitality is below this (10)
   * @param coolingSilenceDays COOLING after this many days without an exchange (180)
   * @param coolingBelow COOLING when vitality is below this (25)
   * @param thrivingFrom THRIVING when vitality is at least this (60)
   * @param newRelationshipDays NEW while a relationship without exchanges is younger than this many days (365)
   */
  public record Bands(int dormantSilenceDays, int dormantBelow, int coolingSilenceDays, int coolingBelow,
      int thrivingFrom, int newRelationshipDays) {

    public Bands {
      requirePositive("bands.dormantSilenceDays", dormantSilenceDays);
      requirePositive("bands.coolingSilenceDays", coolingSilenceDays);
      requireNotNegative("bands.newRelationshipDays", newRelationshipDays);
    }

    public static Bands defaults() {
      return new Bands(365, 10, 180, 25, 60, 365);
    }
  }

  private static void requirePositive(String name, double value) {
    if (!(value > 0)) {
      throw new IllegalArgumentException(name + " must be positive, not " + value);
    }
  }

  private static void requireNotNegative(String name, double value) {
    if (!(value >= 0)) {
      throw new IllegalArgumentException(name + " must not be negative, not " + value);
    }
  }
}
