package org.amity.streams.vitality;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.amity.aggregates.ActivityWindow;
import org.amity.aggregates.Band;
import org.amity.aggregates.Contributor;
import org.amity.aggregates.RelationshipActivity;
import org.amity.aggregates.RelationshipVitality;
import org.amity.aggregates.Tally;
import org.amity.partners.RelationshipKind;
import org.amity.partners.RelationshipStatus;
import org.apache.avro.Schema;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificRecord;
import org.junit.jupiter.api.Test;

/** Every field of a published record decides its re-publishing, unless it is one that only time moves. */
class PublishSignatureTest {
  private static final Instant AT = Instant.parse("2026-11-21T02:00:00Z");

  @Test
  void everyVitalityFieldButThoseTimeMovesDecidesARepublish() {
    RelationshipVitality vitality = RelationshipVitality.newBuilder().setRelationshipId("shanghai/nl-rotterdam")
        .setOfficeId("shanghai").setPartnerId("nl-rotterdam").setPartnerNameEn("Rotterdam").setPartnerNameZh("鹿特丹")
        .setCountry("NL").setRegion("Europe").setKind(RelationshipKind.SISTER_CITY).setAt(AT).setScore(61)
        .setBand(Band.THRIVING).setMomentum(0.8).setRawMomentum(24.5).setBreadth(0.75).setReciprocity(1)
        .setSubstance(0.4).setTrend(3).setEarlierScore(58).setDaysSinceLastExchange(5)
        .setLastExchangeAt(AT.minusSeconds(5 * 86_400)).setDaysSinceLastSubstantive(40)
        .setLastSubstantiveAt(AT.minusSeconds(40 * 86_400)).setForecastDormantOn(LocalDate.of(2027, 11, 16))
        .setTopContributors(List.of(new Contributor("visit", "DelegationVisited", AT.minusSeconds(86_400), 9.9)))
        .setExchanges(7).setModelVersion("vitality-1+00000000").setStatus(RelationshipStatus.FORMAL).build();

    assertThat(fieldsDecidingOtherwise(vitality, PublishSignature.VITALITY_MOVED_BY_TIME)).isEmpty();
  }

  @Test
  void everyActivityFieldButItsMomentDecidesARepublish() {
    Tally tally = new Tally(2, 14);
    RelationshipActivity activity = RelationshipActivity.newBuilder().setRelationshipId("shanghai/nl-rotterdam")
        .setOfficeId("shanghai").setAt(AT).setModelVersion("vitality-1+00000000")
        .setWindows(List.of(new ActivityWindow(90, tally, Map.of("CULTURE", new Tally(1, 5)), new Tally(1, 10),
            new Tally(1, 4))))
        .build();

    assertThat(fieldsDecidingOtherwise(activity, PublishSignature.ACTIVITY_MOVED_BY_TIME)).isEmpty();
  }

  /** The fields, by path, that change the signature though time moves them, or leave it though it does not. */
  private static List<String> fieldsDecidingOtherwise(SpecificRecord record, Set<String> movedByTime) {
    List<String> wrong = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    everyLeaf(record, r -> r, movedByTime, false, "", wrong, seen);
    assertThat(seen).as("fields the set names").containsAll(movedByTime);
    return wrong;
  }

  private static void everyLeaf(SpecificRecord root, Function<SpecificRecord, SpecificRecord> at,
      Set<String> movedByTime, boolean parentMoved, String path, List<String> wrong, Set<String> seen) {
    SpecificRecord here = at.apply(root);
    for (Schema.Field field : here.getSchema().getFields()) {
      Object value = here.get(field.pos());
      String name = path + field.name();
      boolean moved = parentMoved || movedByTime.contains(field.name());
      seen.add(field.name());
      Function<SpecificRecord, Object> fieldOf = r -> r.get(field.pos());
      if (value instanceof SpecificRecord) {
        everyLeaf(root, at.andThen(fieldOf).andThen(SpecificRecord.class::cast), movedByTime, moved, name + ".",
            wrong, seen);
      } else if (value instanceof List<?> list && list.get(0) instanceof SpecificRecord) {
        everyLeaf(root, at.andThen(fieldOf).andThen(v -> (SpecificRecord) ((List<?>) v).get(0)), movedByTime, moved,
            name + "[0].", wrong, seen);
      } else if (value instanceof Map<?, ?> map && map.values().iterator().next() instanceof SpecificRecord) {
        everyLeaf(root, at.andThen(fieldOf).andThen(v -> (SpecificRecord) first((Map<?, ?>) v)), movedByTime, moved,
            name + "{}.", wrong, seen);
      } else {
        SpecificRecord copy = SpecificData.get().deepCopy(root.getSchema(), root);
        at.apply(copy).put(field.pos(), other(value));
        boolean decides = PublishSignature.of(copy, movedByTime) != PublishSignature.of(root, movedByTime);
        if (decides == moved) {
          wrong.add(name + (moved ? " is moved by time but decides" : " does not decide"));
        }
      }
    }
  }

  private static Object first(Map<?, ?> map) {
    return map.entrySet().stream().min(Comparator.comparing(e -> e.getKey().toString())).orElseThrow().getValue();
  }

  /** Another value of the same type. */
  private static Object other(Object value) {
    if (value instanceof Integer i) {
      return i + 1;
    }
    if (value instanceof Long l) {
      return l + 1;
    }
    if (value instanceof Double d) {
      return d + 0.5;
    }
    if (value instanceof CharSequence text) {
      return text + "x";
    }
    if (value instanceof Instant instant) {
      return instant.plusSeconds(1);
    }
    if (value instanceof LocalDate date) {
      return date.plusDays(1);
    }
    if (value instanceof Enum<?> symbol) {
      Object[] symbols = symbol.getDeclaringClass().getEnumConstants();
      return symbols[(symbol.ordinal() + 1) % symbols.length];
    }
    throw new IllegalArgumentException("no other value of " + value.getClass());
  }
}
