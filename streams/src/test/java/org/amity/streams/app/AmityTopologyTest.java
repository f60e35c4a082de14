package org.amity.streams.app;

import static org.amity.streams.app.TopologyFixture.relationship;
import static org.amity.streams.model.TestEvents.delegation;
import static org.amity.streams.model.TestEvents.envelope;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import org.amity.aggregates.Band;
import org.amity.aggregates.RelationshipVitality;
import org.amity.events.DelegationLevel;
import org.amity.events.Direction;
import org.amity.events.Domain;
import org.junit.jupiter.api.Test;

class AmityTopologyTest {
  static final Instant NOW = Instant.parse("2026-06-01T08:00:00Z");
  static final String ROTTERDAM = "shanghai/nl-rotterdam";

  @Test
  void aMayoralVisitTodayMakesARelationshipActive() {
    try (TopologyFixture streams = new TopologyFixture(NOW)) {
      streams.add(relationship(ROTTERDAM, LocalDate.of(1979, 6, 1)));
      streams.send(delegation(envelope("mayor", NOW.minusSeconds(3600), ROTTERDAM, Domain.GOVERNANCE),
          Direction.INBOUND, DelegationLevel.HEAD_OF_GOVERNMENT));
      streams.publish();

      RelationshipVitality vitality = streams.vitality(ROTTERDAM);
      assertThat(vitality.getBand()).isEqualTo(Band.ACTIVE);
      assertThat(vitality.getScore()).isBetween(28, 32);
    }
  }
}
