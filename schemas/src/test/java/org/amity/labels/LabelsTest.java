package org.amity.labels;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.amity.aggregates.AlertKind;
import org.amity.aggregates.Band;
import org.amity.contract.EventTypes;
import org.amity.events.AgreementKind;
import org.amity.events.DelegationLevel;
import org.amity.events.Direction;
import org.amity.events.Domain;
import org.amity.events.GatheringKind;
import org.amity.events.Milestone;
import org.amity.events.ProgrammeKind;
import org.amity.events.Venue;
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
  void everySymbolUsersSeeHasAWordInBothLanguages() {
    List<Enum<?>> symbols = new ArrayList<>();
    for (Class<? extends Enum<?>> type : List.of(OfficeLevel.class, RelationshipStatus.class, RelationshipKind.class,
        PartnerLevel.class, Band.class, AlertKind.class, Domain.class, Direction.class, DelegationLevel.class,
        AgreementKind.class, Venue.class, GatheringKind.class, Milestone.class, ProgrammeKind.class)) {
      symbols.addAll(List.of(type.getEnumConstants()));
    }
    for (Enum<?> symbol : symbols) {
      assertThat(Labels.keys(Labels.ZH)).contains(symbol.getDeclaringClass().getSimpleName() + "." + symbol.name());
    }
  }

  @Test
  void everyKindOfAlertSaysWhatToDo() {
    for (AlertKind kind : AlertKind.values()) {
      assertThat(Labels.keys(Labels.ZH)).contains("alert.suggest." + kind);
    }
  }

  @Test
  void eventTypesAreNamedInBothLanguagesAsTheirDeclarationSays() {
    assertThat(EventTypes.names()).isNotEmpty();
    for (String type : EventTypes.names()) {
      assertThat(Labels.keys(Labels.ZH)).contains("EventType." + type);
      assertThat(Labels.text("EventType." + type, Labels.ZH)).isEqualTo(EventTypes.named(type).orElseThrow().zh());
      assertThat(Labels.text("EventType." + type, Labels.EN)).isEqualTo(EventTypes.named(type).orElseThrow().en());
    }
    assertThat(Labels.text("EventType.DelegationVisited", Labels.ZH)).isEqualTo("代表团互访");
  }

  @Test
  void sentencesFillTheirArgumentsAndCountDaysAsTheLanguageDoes() {
    assertThat(Labels.format("alert.daysQuiet", Labels.EN, 1)).isEqualTo("1 day since the last exchange");
    assertThat(Labels.format("alert.daysQuiet", Labels.EN, 197)).isEqualTo("197 days since the last exchange");
    assertThat(Labels.format("alert.daysQuiet", Labels.ZH, 1)).isEqualTo("距上次交流 1 天");
    assertThat(Labels.date(java.time.LocalDate.of(2026, 12, 1), Labels.ZH)).isEqualTo("2026年12月1日");
    assertThat(Labels.dateTime(java.time.Instant.parse("2026-12-03T01:30:00Z"), java.time.ZoneId.of("Asia/Shanghai"),
        Labels.ZH)).isEqualTo("2026年12月3日 09:30");
  }

  @Test
  void namesAWorldRegionInTheLanguageAndKeepsOneItDoesNotKnowAsWritten() {
    assertThat(Labels.region("East Asia", Labels.ZH)).isEqualTo("东亚");
    assertThat(Labels.region("East Asia", Labels.EN)).isEqualTo("East Asia");
    assertThat(Labels.region("长三角", Labels.EN)).isEqualTo("长三角");
    assertThat(Labels.region(null, Labels.ZH)).isNull();
  }

  @Test
  void saysASymbolInEitherLanguage() {
    assertThat(Labels.zh(RelationshipStatus.ENDED)).isEqualTo("已终止");
    assertThat(Labels.of(RelationshipStatus.ENDED, Labels.EN)).isEqualTo("ended");
    assertThat(Labels.zh(OfficeLevel.DISTRICT)).isEqualTo("区");
  }
}
