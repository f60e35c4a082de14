package org.amity.topics;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.amity.contract.Topics;
import org.amity.registry.CompatibilityLevel;
import org.apache.avro.Schema;
import org.apache.avro.SchemaBuilder;
import org.apache.avro.specific.SpecificData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every schema on a topic must read data written with every released version of it
 * (BACKWARD_TRANSITIVE), and its newest version must be released. Released versions live in
 * schemas/released/{full name}/v{N}.avsc. To release a changed schema, run this test with
 * {@code -Damity.release.schemas=true}: it writes the next version file when the change is compatible.
 */
class ReleasedSchemasTest {
  private static final Path RELEASED = Path.of("released");
  private static final boolean RELEASE = Boolean.getBoolean("amity.release.schemas");

  static Stream<Schema> topicSchemas() {
    return Topics.ALL.stream()
        .filter(t -> t.value().startsWith("org.amity."))
        .map(t -> SpecificData.get().getSchema(classFor(t.value())));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("topicSchemas")
  void currentSchemaReadsEveryReleasedVersion(Schema current) throws IOException {
    List<Schema> released = released(current.getFullName());
    assertThat(CompatibilityLevel.BACKWARD_TRANSITIVE.problems(current, released))
        .as("%s must read data written with every released version", current.getFullName())
        .isEmpty();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("topicSchemas")
  void currentSchemaIsReleased(Schema current) throws IOException {
    List<Schema> released = released(current.getFullName());
    if (RELEASE && (released.isEmpty() || !released.get(released.size() - 1).equals(current))) {
      release(current, released.size() + 1);
      released = released(current.getFullName());
    }
    assertThat(released)
        .as("%s changed since its last released version: if the change is meant, release it with "
            + "./mvnw -pl schemas test -Dtest=ReleasedSchemasTest -Damity.release.schemas=true", current.getFullName())
        .isNotEmpty()
        .last().isEqualTo(current);
  }

  @Test
  void anIncompatibleChangeToDelegationVisitedWouldFailTheBuild() throws IOException {
    Schema released = released("org.amity.events.DelegationVisited").get(0);
    Schema withRequiredField = SchemaBuilder.record("DelegationVisited").namespace("org.amity.events").fields()
        .name("envelope").type(released.getField("envelope").schema()).noDefault()
        .requiredString("protocolOfficer")
        .endRecord();
    assertThat(CompatibilityLevel.BACKWARD_TRANSITIVE.problems(withRequiredField, List.of(released)))
        .anySatisfy(problem -> assertThat(problem).contains("protocolOfficer"));
  }

  private static List<Schema> released(String fullName) throws IOException {
    Path dir = RELEASED.resolve(fullName);
    if (!Files.isDirectory(dir)) {
      return List.of();
    }
    List<Path> files;
    try (Stream<Path> list = Files.list(dir)) {
      files = list.filter(p -> p.getFileName().toString().matches("v\\d+\\.avsc"))
          .sorted(Comparator.comparingInt(ReleasedSchemasTest::versionOf)).toList();
    }
    List<Schema> schemas = new ArrayList<>();
    for (Path file : files) {
      schemas.add(new Schema.Parser().parse(Files.readString(file)));
    }
    return schemas;
  }

  private static void release(Schema current, int version) throws IOException {
    assertThat(CompatibilityLevel.BACKWARD_TRANSITIVE.problems(current, released(current.getFullName())))
        .as("only a compatible change can be released").isEmpty();
    Path dir = Files.createDirectories(RELEASED.resolve(current.getFullName()));
    Files.writeString(dir.resolve("v" + version + ".avsc"), current.toString(true) + "\n");
  }

  private static int versionOf(Path file) {
    String name = file.getFileName().toString();
    return Integer.parseInt(name.substring(1, name.indexOf('.')));
  }

  private static Class<?> classFor(String name) {
    try {
      return Class.forName(name);
    } catch (ClassNotFoundException e) {
      throw new IllegalStateException(e);
    }
  }
}
