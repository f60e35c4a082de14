package org.amity.streams.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.RecordComponent;
import java.time.ZoneId;
import java.util.List;
import org.amity.contract.PointRule;
import org.amity.streams.model.ModelSettings.Bands;
import org.amity.streams.model.ModelSettings.PointTable;
import org.amity.streams.model.ModelSettings.Weights;
import org.junit.jupiter.api.Test;

class ModelSettingsTest {
  private static final ModelSettings DEFAULTS = ModelSettings.defaults();

  /** Every setting changed from its default, so that one the builder does not carry over shows. */
  private static ModelSettings everySettingChanged() {
    PointTable points = DEFAULTS.points().with("ExhibitionHeld", PointRule.EVERY, 6);
    return DEFAULTS.toBuilder().modelVersion("vitality-test").points(points).halfLifeDays(90).momentumScale(10)
        .breadthWindowDays(200).breadthDomains(3).reciprocityWindowDays(500).substanceWindowDays(400)
        .substancePoints(12).weights(new Weights(0.4, 0.2, 0.2, 0.2)).bands(new Bands(300, 8, 150, 20, 55, 200))
        .trendLookbackDays(60).forecastHorizonDays(200).activityWindowDays(List.of(7))
        .zone(ZoneId.of("Asia/Shanghai")).build();
  }

  @Test
  void aBuilderFromSettingsKeepsEveryOneOfThem() throws Exception {
    ModelSettings changed = everySettingChanged();
    for (RecordComponent component : ModelSettings.class.getRecordComponents()) {
      assertThat(component.getAccessor().invoke(changed)).as(component.getName())
          .isNotEqualTo(component.getAccessor().invoke(DEFAULTS));
    }
    assertThat(changed.toBuilder().build()).isEqualTo(changed);
  }

  @Test
  void theVersionFollowsEverySettingButTheLabelIsKept() {
    assertThat(DEFAULTS.version()).matches("vitality-1\\+[0-9a-f]{8}").isEqualTo(ModelSettings.defaults().version());
    assertThat(DEFAULTS.toBuilder().halfLifeDays(181).build().version()).startsWith("vitality-1+")
        .isNotEqualTo(DEFAULTS.version());
    assertThat(DEFAULTS.withZone(ZoneId.of("Asia/Shanghai")).version()).isNotEqualTo(DEFAULTS.version());
    assertThat(everySettingChanged().version()).startsWith("vitality-test+");
  }
}
