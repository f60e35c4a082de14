package org.amity.streams.vitality;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ClassBytesTest {
  @Test
  void theSameClassesGiveTheSameChecksum() {
    assertThat(ClassBytes.checksum(AlertRules.class, RelationshipScorer.class))
        .isEqualTo(ClassBytes.checksum(AlertRules.class, RelationshipScorer.class));
  }

  @Test
  void otherClassesGiveAnotherChecksum() {
    assertThat(ClassBytes.checksum(AlertRules.class))
        .isNotEqualTo(ClassBytes.checksum(RelationshipScorer.class))
        .isNotEqualTo(ClassBytes.checksum(AlertRules.class, RelationshipScorer.class));
  }
}
