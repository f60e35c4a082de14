package org.amity.producers.demo;

import static java.time.temporal.ChronoUnit.DAYS;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.amity.events.AgreementSigned;
import org.amity.events.DelegationVisited;
import org.amity.events.Direction;
import org.amity.events.Domain;
import org.amity.events.Envelope;
import org.amity.events.EventRetracted;
import org.amity.events.ExchangeProgramme;
import org.amity.events.ExhibitionHeld;
import org.amity.events.ForumHeld;
import org.amity.events.ProjectMilestone;
import org.amity.events.VideoMeeting;
import org.amity.partners.Relationship;
import org.amity.contract.EventTypes;
import org.apache.avro.specific.SpecificRecord;

/**
 * A small version of the vitality model (docs/design.md, "How vitality is scored"), in plain Java, to check that the demo data has the
 * spread it means to have. The real model will live in the streams module. Points are docs/design.md's; where it names
 * none the guess is marked.
 */
final class SimpleVitality {
  static final double HALF_LIFE_DAYS = 180;

  enum Band { NEW, DORMANT, COOLING, ACTIVE, THRIVING }

  record Score(int vitality, Band band, double momentum, double breadth, double reciprocity, double substance,
      Long daysSinceLastExchange) {}

  private SimpleVitality() {}

  /** The score of one relationship on {@code today}, from every event of the data set (retractions applied). */
  static Score score(Relationship relationship, List<SpecificRecord> events, LocalDate today) {
    Set<String> retracted = new HashSet<>();
    for (SpecificRecord event : events) {
      if (event instanceof EventRetracted retraction) {
        retracted.add(retraction.getRetractedEventId());
      }
    }
    double momentum = 0;
    Set<Domain> domainsThisYear = new HashSet<>();
    int inbound = 0;
    int outbound = 0;
    double substantive = 0;
    Long daysSinceLast = null;
    for (SpecificRecord event : events) {
      Envelope envelope = EventTypes.envelopeOf(event);
      if (event instanceof EventRetracted || retracted.contains(envelope.getEventId())
          || !envelope.getRelationshipIds().contains(relationship.getRelationshipId())) {
        continue;
      }
      LocalDate day = envelope.getOccurredAt().atOffset(ZoneOffset.ofHours(8)).toLocalDate();
      long age = DAYS.between(day, today);
      if (age < 0) {
        continue;
      }
      int points = points(event);
      momentum += points * Math.pow(2, -age / HALF_LIFE_DAYS);
      if (age < 365) {
        domainsThisYear.addAll(envelope.getDomains());
      }
      if (age < 730 && event instanceof DelegationVisited visit) {
        if (visit.getDirection() == Direction.INBOUND) {
          inbound++;
        } else {
          outbound++;
        }
      }
      if (age < 730 && isSubstantive(event)) {
        substantive += points;
      }
      daysSinceLast = daysSinceLast == null ? age : Math.min(daysSinceLast, age);
    }
    domainsThisYear.remove(Domain.OTHER);
    double m = 1 - Math.exp(-momentum / 15);
    double b = Math.min(1, domainsThisYear.size() / 4.0);
    double r = inbound == 0 || outbound == 0 ? 0 : (double) Math.min(inbound, outbound) / Math.max(inbound, outbound);
    double s = Math.min(1, substantive / 20);
    int vitality = (int) Math.round(100 * (0.55 * m + 0.15 * b + 0.10 * r + 0.20 * s));
    return new Score(vitality, band(vitality, daysSinceLast, relationship.getEstablishedOn(), today), m, b, r, s, daysSinceLast);
  }

  static Band band(int vitality, Long daysSinceLast, LocalDate establishedOn, LocalDate today) {
    if (daysSinceLast == null) {
      boolean young = establishedOn != null && DAYS.between(establishedOn, today) < 365;
      return young ? Band.NEW : Band.DORMANT;
    }
    if (daysSinceLast >= 365 || vitality < 10) {
      return Band.DORMANT;
    }
    if (daysSinceLast >= 180 || vitality < 25) {
      return Band.COOLING;
    }
    return vitality >= 60 ? Band.THRIVING : Band.ACTIVE;
  }

  /** Agreements, projects and exchange programmes are substantive; visits, forums, exhibitions and calls are not. */
  static boolean isSubstantive(SpecificRecord event) {
    return event instanceof AgreementSigned || event instanceof ProjectMilestone || event instanceof ExchangeProgramme;
  }

  static int points(SpecificRecord event) {
    if (event instanceof DelegationVisited visit) {
      return switch (visit.getLevel()) {
        case HEAD_OF_GOVERNMENT -> 10;
        case SENIOR_OFFICIAL -> 6;
        case DEPARTMENT -> 4;
        case BUSINESS, ACADEMIC -> 3;
        case CIVIL_SOCIETY, YOUTH -> 3; // not in docs/design.md; a guess
      };
    }
    if (event instanceof AgreementSigned agreement) {
      return switch (agreement.getKind()) {
        case SISTER_CITY_ESTABLISHMENT -> 15;
        case FRIENDLY_COOPERATION_ESTABLISHMENT -> 15; // not in docs/design.md; a guess: an establishment
        case MEMORANDUM, COOPERATION_AGREEMENT, PROJECT_CONTRACT -> 10;
        case RENEWAL, LETTER_OF_INTENT -> 8;
      };
    }
    if (event instanceof ProjectMilestone project) {
      return switch (project.getMilestone()) {
        case LAUNCHED -> 8;
        case COMPLETED -> 10;
        case PHASE_COMPLETED -> 8; // not in docs/design.md; a guess
        case CANCELLED -> 0;
      };
    }
    if (event instanceof ExhibitionHeld) {
      return 5;
    }
    if (event instanceof ExchangeProgramme) {
      return 4;
    }
    if (event instanceof ForumHeld) {
      return 4;
    }
    if (event instanceof VideoMeeting) {
      return 2;
    }
    throw new IllegalArgumentException("no points for " + event.getSchema().getName());
  }
}
