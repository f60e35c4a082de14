package org.amity.labels;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.amity.partners.OfficeLevel;
import org.amity.partners.PartnerLevel;
import org.amity.partners.RelationshipKind;
import org.amity.partners.RelationshipStatus;
import org.junit.jupiter.api.Test;

class LabelsTest {
  @Test
  void everyLabelExistsInBothLanguages() {
    assertThat(Labels.keys(Labels.ZH)).isNotEmpty().containsExactlyInAnyOrderElementsOf(Labels.keys(Labels.EN));
  }

  @Test
  void everySymbolOfTheMasterDataHasAWordInBothLanguages() {
    List<Enum<?>> symbols = new java.util.ArrayList<>();
    symbols.addAll(List.of(OfficeLevel.values()));
    symbols.addAll(List.of(RelationshipStatus.values()));
    symbols.addAll(List.of(RelationshipKind.values()));
    symbols.addAll(List.of(PartnerLevel.values()));
    for (Enum<?> symbol : symbols) {
      assertThat(Labels.keys(Labels.ZH)).contains(symbol.getDeclaringClass().getSimpleName() + "." + symbol.name());
    }
  }

  @Test
  void showsChineseFirstWithEnglishBeside() {
    assertThat(Labels.both(RelationshipStatus.ENDED)).isEqualTo("已终止（ended）");
    assertThat(Labels.zh(OfficeLevel.DISTRICT)).isEqualTo("区");
  }
}
