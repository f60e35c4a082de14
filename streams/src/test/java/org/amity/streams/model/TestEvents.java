package org.amity.streams.model;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.amity.events.AgreementKind;
import org.amity.events.AgreementSigned;
import org.amity.events.DelegationLevel;
import org.amity.events.DelegationVisited;
import org.amity.events.Direction;
import org.amity.events.Domain;
import org.amity.events.Envelope;
import org.amity.events.EventRetracted;
import org.amity.events.ExchangeProgramme;
import org.amity.events.ExhibitionHeld;
import org.amity.events.ForumHeld;
import org.amity.events.GatheringKind;
import org.amity.events.Milestone;
import org.amity.events.ProgrammeKind;
import org.amity.events.ProjectMilestone;
import org.amity.events.Venue;
import org.amity.events.VideoMeeting;

/** Events and exchanges for the model's tests, relative to a fixed moment {@link #NOW}. */
public final class TestEvents {
  public static final Instant NOW = Instant.parse("2025-06-01T12:00:00Z");
  public static final String ROTTERDAM = "shanghai/nl-rotterdam";
  public static final String HIRAKATA = "shanghai/jp-hirakata";
  public static final String DUNEDIN = "shanghai/nz-dunedin";

  private TestEvents() {}

  public static Instant daysAgo(double days) {
    return NOW.minus(Duration.ofMillis(Math.round(days * 86_400_000d)));
  }

  // ---- exchanges, for the model alone

  public static Exchange visit(String id, Instant when, int points, Direction direction, Domain... domains) {
    return new Exchange(id, when, points, false, Set.of(domains), direction, "DelegationVisited");
  }

  public static Exchange plain(String id, Instant when, int points, Domain... domains) {
    return new Exchange(id, when, points, false, Set.of(domains), null, "ExhibitionHeld");
  }

  public static Exchange substantive(String id, Instant when, int points, Domain... domains) {
    return new Exchange(id, when, points, true, Set.of(domains), null, "AgreementSigned");
  }

  // ---- raw events

  public static Envelope.Builder envelope(String eventId, Instant occurredAt, List<String> relationshipIds,
      Domain... domains) {
    return Envelope.newBuilder()
        .setEventId(eventId)
        .setOccurredAt(occurredAt)
        .setRecordedAt(occurredAt.plusSeconds(3600))
        .setOffice(relationshipIds.isEmpty() ? "shanghai" : relationshipIds.get(0).split("/")[0])
        .setRelationshipIds(relationshipIds)
        .setDomains(Arrays.asList(domains))
        .setSource("test");
  }

  public static Envelope envelope(String eventId, Instant occurredAt, String relationshipId, Domain... domains) {
    return envelope(eventId, occurredAt, List.of(relationshipId), domains).build();
  }

  public static DelegationVisited delegation(Envelope envelope, Direction direction, DelegationLevel level) {
    LocalDate day = LocalDate.ofInstant(envelope.getOccurredAt(), java.time.ZoneOffset.UTC);
    return DelegationVisited.newBuilder().setEnvelope(envelope).setDirection(direction).setLevel(level)
        .setStartDate(day).build();
  }

  public static AgreementSigned agreement(Envelope envelope, AgreementKind kind) {
    LocalDate day = LocalDate.ofInstant(envelope.getOccurredAt(), java.time.ZoneOffset.UTC);
    return AgreementSigned.newBuilder().setEnvelope(envelope).setKind(kind).setTitle("agreement")
        .setSignedOn(day).build();
  }

  public static ProjectMilestone project(Envelope envelope, Milestone milestone) {
    LocalDate day = LocalDate.ofInstant(envelope.getOccurredAt(), java.time.ZoneOffset.UTC);
    return ProjectMilestone.newBuilder().setEnvelope(envelope).setProjectId("p1").setProjectName("project")
        .setMilestone(milestone).setReachedOn(day).build();
  }

  public static ExhibitionHeld exhibition(Envelope envelope) {
    LocalDate day = LocalDate.ofInstant(envelope.getOccurredAt(), java.time.ZoneOffset.UTC);
    return ExhibitionHeld.newBuilder().setEnvelope(envelope).setTitle("exhibition").setVenue(Venue.HOME)
        .setStartDate(day).build();
  }

  public static ForumHeld forum(Envelope envelope) {
    LocalDate day = LocalDate.ofInstant(envelope.getOccurredAt(), java.time.ZoneOffset.UTC);
    return ForumHeld.newBuilder().setEnvelope(envelope).setKind(GatheringKind.FORUM).setTitle("forum")
        .setVenue(Venue.HOME).setStartDate(day).build();
  }

  public static ExchangeProgramme programme(Envelope envelope, Direction direction) {
    LocalDate day = LocalDate.ofInstant(envelope.getOccurredAt(), java.time.ZoneOffset.UTC);
    return ExchangeProgramme.newBuilder().setEnvelope(envelope).setKind(ProgrammeKind.STUDENTS)
        .setTitle("programme").setDirection(direction).setStartDate(day).build();
  }

  public static VideoMeeting video(Envelope envelope) {
    return VideoMeeting.newBuilder().setEnvelope(envelope).setLevel(DelegationLevel.DEPARTMENT).build();
  }

  public static EventRetracted retraction(String eventId, String retractedEventId, Instant recordedAt,
      String relationshipId) {
    Envelope envelope = envelope(eventId, recordedAt, List.of(relationshipId)).setRecordedAt(recordedAt).build();
    return EventRetracted.newBuilder().setEnvelope(envelope).setRetractedEventId(retractedEventId)
        .setReason("recorded by mistake").build();
  }
}
