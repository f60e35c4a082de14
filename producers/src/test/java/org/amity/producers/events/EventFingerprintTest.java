package org.amity.producers.events;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class EventFingerprintTest {
  private static final String VISIT = "{\"type\":\"DelegationVisited\",\"eventId\":\"fp-1\",\"occurredAt\":\"2024-07-10T09:00:00+08:00\","
      + "\"office\":\"shanghai\",\"relationshipIds\":[\"shanghai/nl-rotterdam\"],\"domains\":[\"URBAN_DEVELOPMENT\"],"
      + "\"source\":\"test\",\"direction\":\"INBOUND\",\"level\":\"HEAD_OF_GOVERNMENT\",\"startDate\":\"2024-07-10\"}";

  @Test
  void theSameEventRecordedAtAnotherTimeHasTheSameFingerprint() throws Exception {
    var json = new ObjectMapper().readTree(VISIT);
    String first = EventFingerprint.of(EventJson.read(json, "", Instant.parse("2024-07-11T00:00:00Z")));
    String second = EventFingerprint.of(EventJson.read(json, "", Instant.parse("2024-08-01T00:00:00Z")));
    assertThat(second).isEqualTo(first);
  }

  @Test
  void theSameEventFromAnotherSourceHasTheSameFingerprint() throws Exception {
    var mapper = new ObjectMapper();
    String first = EventFingerprint.of(EventJson.read(mapper.readTree(VISIT), "", Instant.EPOCH));
    String renamed = EventFingerprint.of(EventJson.read(mapper.readTree(VISIT.replace("\"test\"", "\"import:visits (1).csv\"")), "", Instant.EPOCH));
    assertThat(renamed).isEqualTo(first);
  }

  @Test
  void anotherContentHasAnotherFingerprint() throws Exception {
    var mapper = new ObjectMapper();
    String first = EventFingerprint.of(EventJson.read(mapper.readTree(VISIT), "", Instant.EPOCH));
    String changed = EventFingerprint.of(EventJson.read(mapper.readTree(VISIT.replace("INBOUND", "OUTBOUND")), "", Instant.EPOCH));
    assertThat(changed).isNotEqualTo(first);
  }
}
