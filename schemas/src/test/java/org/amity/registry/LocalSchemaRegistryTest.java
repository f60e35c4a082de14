package org.amity.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.apache.avro.Schema;
import org.apache.avro.SchemaBuilder;
import org.junit.jupiter.api.Test;

class LocalSchemaRegistryTest {
  private static final Schema V1 = SchemaBuilder.record("Visit").namespace("test").fields()
      .requiredString("partner").endRecord();
  private static final Schema V2_OPTIONAL_FIELD = SchemaBuilder.record("Visit").namespace("test").fields()
      .requiredString("partner").optionalInt("headcount").endRecord();
  private static final Schema V2_REQUIRED_FIELD = SchemaBuilder.record("Visit").namespace("test").fields()
      .requiredString("partner").requiredInt("headcount").endRecord();

  private final List<RegistryEntry> journal = new ArrayList<>();
  private final LocalSchemaRegistry registry = new LocalSchemaRegistry(CompatibilityLevel.BACKWARD_TRANSITIVE, journal::add);

  @Test
  void registeringTheSameSchemaTwiceGivesTheSameIdAndOneVersion() {
    int id = registry.register("visits-value", V1);
    assertThat(registry.register("visits-value", V1)).isEqualTo(id);
    assertThat(registry.versions("visits-value")).containsExactly(1);
  }

  @Test
  void theSameSchemaUnderTwoSubjectsSharesItsId() {
    assertThat(registry.register("b-value", V1)).isEqualTo(registry.register("a-value", V1));
    assertThat(registry.subjects()).containsExactly("a-value", "b-value");
  }

  @Test
  void aCompatibleChangeBecomesTheNextVersion() {
    int first = registry.register("visits-value", V1);
    int second = registry.register("visits-value", V2_OPTIONAL_FIELD);
    assertThat(second).isNotEqualTo(first);
    assertThat(registry.latest("visits-value")).isEqualTo(new RegisteredSchema("visits-value", second, 2, V2_OPTIONAL_FIELD));
    assertThat(registry.lookup("visits-value", V1).version()).isEqualTo(1);
  }

  @Test
  void anIncompatibleChangeIsRefusedWith409AndNothingIsWritten() {
    registry.register("visits-value", V1);
    assertThatThrownBy(() -> registry.register("visits-value", V2_REQUIRED_FIELD))
        .isInstanceOfSatisfying(RegistryException.class, e -> {
          assertThat(e.status()).isEqualTo(409);
          assertThat(e.errorCode()).isEqualTo(409);
          assertThat(e.getMessage()).contains("incompatible", "headcount");
        });
    assertThat(registry.versions("visits-value")).containsExactly(1);
    assertThat(journal).hasSize(1);
  }

  @Test
  void withCompatibilityNoneAnyChangeIsAccepted() {
    registry.register("visits-value", V1);
    registry.setSubjectCompatibility("visits-value", CompatibilityLevel.NONE);
    assertThat(registry.register("visits-value", V2_REQUIRED_FIELD)).isPositive();
    assertThat(registry.subjectCompatibility("visits-value")).isEqualTo(CompatibilityLevel.NONE);
    assertThat(registry.subjectCompatibility("other")).isNull();
  }

  @Test
  void replayingTheJournalRebuildsTheSameIdsAndLevels() {
    int first = registry.register("visits-value", V1);
    int second = registry.register("visits-value", V2_OPTIONAL_FIELD);
    registry.setGlobalCompatibility(CompatibilityLevel.FULL);
    LocalSchemaRegistry rebuilt = new LocalSchemaRegistry();
    journal.forEach(rebuilt::apply);
    assertThat(rebuilt.schemaById(first)).isEqualTo(V1);
    assertThat(rebuilt.schemaById(second)).isEqualTo(V2_OPTIONAL_FIELD);
    assertThat(rebuilt.globalCompatibility()).isEqualTo(CompatibilityLevel.FULL);
    assertThat(rebuilt.register("other-value", SchemaBuilder.builder().stringType())).isGreaterThan(second);
  }

  @Test
  void unknownThingsAnswerConfluentsErrorCodes() {
    registry.register("visits-value", V1);
    assertThatThrownBy(() -> registry.latest("nope")).hasFieldOrPropertyWithValue("errorCode", 40401);
    assertThatThrownBy(() -> registry.version("visits-value", 9)).hasFieldOrPropertyWithValue("errorCode", 40402);
    assertThatThrownBy(() -> registry.schemaById(99)).hasFieldOrPropertyWithValue("errorCode", 40403);
    assertThatThrownBy(() -> registry.lookup("visits-value", V2_OPTIONAL_FIELD)).hasFieldOrPropertyWithValue("errorCode", 40403);
    assertThatThrownBy(() -> LocalSchemaRegistry.parse("{\"type\":\"record\"")).hasFieldOrPropertyWithValue("errorCode", 42201);
    assertThatThrownBy(() -> CompatibilityLevel.parse("SIDEWAYS")).hasFieldOrPropertyWithValue("errorCode", 42203);
  }

  @Test
  void forwardCompatibilityChecksThatOldReadersCanReadNewData() {
    Schema dropsRequiredField = SchemaBuilder.record("Visit").namespace("test").fields().endRecord();
    assertThat(CompatibilityLevel.FORWARD.problems(dropsRequiredField, List.of(V1))).isNotEmpty();
    assertThat(CompatibilityLevel.BACKWARD.problems(dropsRequiredField, List.of(V1))).isEmpty();
  }
}
