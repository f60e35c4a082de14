package org.amity.producers.demo;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.amity.contract.EventTypes;
import org.amity.partners.Office;
import org.amity.partners.Relationship;
import org.amity.producers.demo.DemoFiles.DemoOffice;
import org.amity.producers.demo.DemoFiles.DemoRelationship;
import org.apache.avro.specific.SpecificRecord;

/**
 * The demo data set that {@code amity demo} loads: the offices of Shanghai, its Changning district and Jinan, their
 * relationships with partners, the dated facts from the articles (resource files under {@code /demo/}) and a
 * generated history in the months before {@code today} that puts each relationship in its intended profile.
 *
 * <p>Every eventId names what the event is, never the day the demo was built: facts
 * {@code demo:shanghai/nl-rotterdam:visit-2024-07}, generated history {@code demo:<relationshipId>:recent-<n>}. Building
 * the demo on another day gives the same eventIds (the generated events with other dates), so a loader that skips
 * eventIds it already has adds nothing on a reload. A publisher that compares content under an eventId sees the
 * moved dates of generated events as a clash: skip known eventIds before publishing.
 */
public final class DemoData {
  private final LocalDate today;
  private final List<Office> offices;
  private final List<Relationship> relationships;
  private final List<SpecificRecord> factEvents;
  private final List<SpecificRecord> generatedEvents;
  private final List<SpecificRecord> events;
  private final Map<String, Profile> intendedProfiles;

  private DemoData(LocalDate today, List<Office> offices, List<Relationship> relationships, List<SpecificRecord> factEvents,
      List<SpecificRecord> generatedEvents, Map<String, Profile> intendedProfiles) {
    this.today = today;
    this.offices = List.copyOf(offices);
    this.relationships = List.copyOf(relationships);
    this.factEvents = timeOrdered(factEvents);
    this.generatedEvents = timeOrdered(generatedEvents);
    List<SpecificRecord> all = new ArrayList<>(factEvents);
    all.addAll(generatedEvents);
    this.events = timeOrdered(all);
    this.intendedProfiles = intendedProfiles;
  }

  /**
   * The demo as loaded on {@code today}: the same for the same day. {@code today} must be at least a year after the
   * last fact ({@link #earliestToday()}), so that the facts are history and the intended profiles hold.
   *
   * @throws IllegalArgumentException when {@code today} is earlier
   */
  public static DemoData build(LocalDate today) {
    List<DemoOffice> offices = DemoFiles.offices();
    List<DemoRelationship> relationships = DemoFiles.relationships();
    List<SpecificRecord> facts = DemoFiles.facts();
    LocalDate earliest = earliestToday(facts);
    if (today.isBefore(earliest)) {
      throw new IllegalArgumentException("the demo's facts run to " + earliest.minusYears(1)
          + "; build the demo for " + earliest + " or later, not " + today);
    }
    Map<String, String> placeByOffice = new LinkedHashMap<>();
    offices.forEach(office -> placeByOffice.put(office.office().getOfficeId(), office.place()));
    List<SpecificRecord> generated = new ArrayList<>();
    Map<String, Profile> profiles = new LinkedHashMap<>();
    for (DemoRelationship relationship : relationships) {
      String place = placeByOffice.get(relationship.relationship().getOfficeId());
      if (place == null) {
        throw new IllegalStateException(relationship.id() + " belongs to no office of " + DemoFiles.OFFICES);
      }
      generated.addAll(DemoHistory.generate(relationship, place, today));
      profiles.put(relationship.id(), relationship.profile());
    }
    return new DemoData(today, offices.stream().map(DemoOffice::office).toList(),
        relationships.stream().map(DemoRelationship::relationship).toList(), facts, generated, Map.copyOf(profiles));
  }

  /** The first day the demo may be built for: a year after its last fact. */
  public static LocalDate earliestToday() {
    return earliestToday(DemoFiles.facts());
  }

  private static LocalDate earliestToday(List<SpecificRecord> facts) {
    return facts.stream().map(DemoEvents::dayOf).max(Comparator.naturalOrder()).orElseThrow().plusYears(1);
  }

  /** The day the demo was built for; every event happened on or before it. */
  public LocalDate today() {
    return today;
  }

  /** The offices, master data for the offices topic. */
  public List<Office> offices() {
    return offices;
  }

  /** The relationships, master data for the relationships topic. */
  public List<Relationship> relationships() {
    return relationships;
  }

  /** Every event, facts and generated history, in the order they happened (by occurredAt, then eventId). */
  public List<SpecificRecord> events() {
    return events;
  }

  /** The dated facts from the resource file, in time order; the same whatever day the demo is built for. */
  public List<SpecificRecord> factEvents() {
    return factEvents;
  }

  /** The generated history in the months before today, in time order; its dates move with today, its eventIds do not. */
  public List<SpecificRecord> generatedEvents() {
    return generatedEvents;
  }

  /** The band each relationship (by relationship id) is meant to be in on {@link #today()}. */
  public Map<String, Profile> intendedProfiles() {
    return intendedProfiles;
  }

  private static List<SpecificRecord> timeOrdered(List<SpecificRecord> events) {
    return events.stream()
        .sorted(Comparator.comparing((SpecificRecord event) -> EventTypes.envelopeOf(event).getOccurredAt())
            .thenComparing(DemoEvents::eventIdOf))
        .toList();
  }
}
