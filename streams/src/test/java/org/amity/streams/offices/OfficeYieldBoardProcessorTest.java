package org.amity.streams.offices;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.amity.streams.ledger.OfficeYieldBoard;
import org.amity.streams.ledger.OfficeYields;
import org.amity.streams.ledger.YearSum;
import org.junit.jupiter.api.Test;

class OfficeYieldBoardProcessorTest {
  private static final OfficeYields SHANGHAI = new OfficeYields(List.of(new YearSum(2025, OfficeYieldMath.emptySum())));
  private static final OfficeYields CHANGNING = new OfficeYields(List.of(new YearSum(2024, OfficeYieldMath.emptySum())));

  @Test
  void aBoardKeptInOneRecordBecomesARecordPerOfficeWithItsOwnYieldAndItsYearsPublished() {
    OfficeYieldBoard allInOne = new OfficeYieldBoard(new HashMap<>(Map.of("shanghai", SHANGHAI, "changning", CHANGNING)),
        new HashMap<>(Map.of("shanghai/2025", 11, "shanghai/2024", 12, "changning/2024", 13, "pudong/2023", 14)));

    Map<String, OfficeYieldBoard> byOffice = OfficeYieldBoardProcessor.byOffice(allInOne);

    assertThat(byOffice).containsOnlyKeys("shanghai", "changning", "pudong");
    assertThat(byOffice.get("shanghai").getOwn()).isEqualTo(Map.of("shanghai", SHANGHAI));
    assertThat(byOffice.get("shanghai").getPublished()).isEqualTo(Map.of("shanghai/2025", 11, "shanghai/2024", 12));
    assertThat(byOffice.get("changning").getOwn()).isEqualTo(Map.of("changning", CHANGNING));
    assertThat(byOffice.get("changning").getPublished()).isEqualTo(Map.of("changning/2024", 13));
    assertThat(byOffice.get("pudong").getOwn()).isEmpty();
    assertThat(byOffice.get("pudong").getPublished()).isEqualTo(Map.of("pudong/2023", 14));
  }

  @Test
  void anOfficesOwnRecordIsItsOwnSplit() {
    OfficeYieldBoard office = new OfficeYieldBoard(new HashMap<>(Map.of("all", SHANGHAI)),
        new HashMap<>(Map.of("all/2025", 11)));

    assertThat(OfficeYieldBoardProcessor.byOffice(office)).isEqualTo(Map.of("all", office));
  }
}
