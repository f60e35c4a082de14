package org.amity.producers.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.DictionaryEntries;
import com.code_intelligence.jazzer.junit.FuzzTest;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.amity.access.OfficeTokens;
import org.amity.contract.EventValidator;
import org.amity.contract.Problem;
import org.amity.producers.events.EventFingerprint;
import org.apache.avro.specific.SpecificRecord;

/**
 * Any bytes POSTed to /api/v1/events are read as events that pass or fail the publisher's checks, or refused with a
 * 4xx saying why; nothing else (no NullPointerException, ClassCastException, Avro or arithmetic exception) escapes.
 * Without JAZZER_FUZZ this runs only the seeds and kept crashes of IngestRequestFuzzTestInputs; {@code -Pfuzz} fuzzes.
 */
class IngestRequestFuzzTest {
  private static final String OFFICE = "fuzz";
  private static final IngestApi API = new IngestApi(IngestSettings.defaults("127.0.0.1", 0), new OfficeTokens(Map.of()),
      null, null, Clock.systemUTC());
  private static final EventValidator VALIDATOR = new EventValidator(relationshipId -> true);

  @FuzzTest(maxDuration = "3m")
  @DictionaryEntries({"\"type\"", "\"events\"", "\"eventId\"", "\"occurredAt\"", "\"recordedAt\"", "\"office\"",
      "\"relationshipIds\"", "\"domains\"", "\"source\"", "\"headcount\"", "\"startDate\"", "\"endDate\"", "\"value\"",
      "\"amountMinor\"", "\"currency\"", "\"validUntil\"", "\"signedOn\"", "\"fuzz/nl-rotterdam\"", "\"2024-07-10\"",
      "\"2024-07-10T09:00:00+08:00\"", "\"+999999999-12-31\"", "\"DelegationVisited\"", "\"AgreementSigned\"", "null"})
  void anyBodyIsReadAsEventsOrRefusedWithProblems(byte[] body) {
    IngestApi.EventsRequest request;
    try {
      request = API.eventsRequest(body, OFFICE);
    } catch (ApiError refused) {
      assertThat(refused.status()).isIn(400, 403, 413, 422);
      assertThat(refused.getMessage()).isNotBlank();
      assertThat(refused.problems()).allSatisfy(p -> assertThat(p.reason()).isNotBlank());
      return;
    }
    assertThat(request.events()).isNotEmpty();
    for (SpecificRecord event : request.events()) {
      List<Problem> problems = VALIDATOR.problems(event, "");
      assertThat(problems).allSatisfy(p -> assertThat(p.reason()).isNotBlank());
      if (problems.isEmpty()) {
        // what the publisher does next: the event's Avro bytes, for its fingerprint
        assertThat(EventFingerprint.of(event)).hasSize(64);
      }
    }
  }
}
