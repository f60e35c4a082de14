package org.amity.streams.settings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import java.util.Properties;
import org.amity.contract.PointRule;
import org.amity.streams.model.ModelSettings;
import org.junit.jupiter.api.Test;

class ModelPropertiesTest {

  @Test
  void noPropertiesGiveTheDefaultsOfTheDesign() {
    assertThat(ModelProperties.read(new Properties())).isEqualTo(ModelSettings.defaults());
    assertThat(StreamsSettings.from(new Properties())).isEqualTo(StreamsSettings.defaults());
  }

  @Test
  void everyKindOfConstantCanBeOverridden() {
    Properties properties = new Properties();
    properties.setProperty("amity.model.half-life-days", "90");
    properties.setProperty("amity.model.weights.momentum", "0.5");
    properties.setProperty("amity.model.bands.thriving-from", "70");
    properties.setProperty("amity.model.points.DelegationVisited.HEAD_OF_GOVERNMENT", "12");
    properties.setProperty("amity.model.points.ExhibitionHeld", "6");
    properties.setProperty("amity.model.activity-window-days", "7, 30");
    properties.setProperty("amity.model.zone", "Asia/Shanghai");
    properties.setProperty("amity.streams.review-interval-ms", "60000");

    ModelSettings model = ModelProperties.read(properties);
    StreamsSettings streams = StreamsSettings.from(properties);

    assertThat(model.halfLifeDays()).isEqualTo(90);
    assertThat(model.weights().momentum()).isEqualTo(0.5);
    assertThat(model.bands().thrivingFrom()).isEqualTo(70);
    assertThat(model.points().byType().get("DelegationVisited").points())
        .containsEntry("HEAD_OF_GOVERNMENT", 12).containsEntry("SENIOR_OFFICIAL", 6);
    assertThat(model.points().byType().get("ExhibitionHeld").points()).containsExactly(entry(PointRule.EVERY, 6));
    assertThat(model.activityWindowDays()).isEqualTo(List.of(7, 30));
    assertThat(model.zone()).isEqualTo(ZoneId.of("Asia/Shanghai"));
    assertThat(streams.reviewInterval()).isEqualTo(Duration.ofMinutes(1));
    assertThat(streams.model()).isEqualTo(model);
  }

  @Test
  void pointsOfATypeOrSymbolThatDoesNotExistAreRefusedByName() {
    Properties properties = new Properties();
    properties.setProperty("amity.model.points.delegation.HEAD_OF_GOVERNMENT", "12");

    assertThatThrownBy(() -> StreamsSettings.from(properties))
        .hasMessageContaining("未知的设置 amity.model.points.delegation.HEAD_OF_GOVERNMENT")
        .hasMessageContaining("unknown setting amity.model.points.delegation.HEAD_OF_GOVERNMENT");
  }

  @Test
  void aValueThatIsNotANumberIsRefusedByName() {
    Properties properties = new Properties();
    properties.setProperty("amity.model.bands.cooling-below", "twenty");

    assertThatThrownBy(() -> ModelProperties.read(properties))
        .hasMessageContaining("amity.model.bands.cooling-below").hasMessageContaining("twenty");
  }

  @Test
  void anIntervalThatIsNotPositiveIsRefusedByName() {
    Properties properties = new Properties();
    properties.setProperty("amity.streams.emit-interval-ms", "0");

    assertThatThrownBy(() -> StreamsSettings.from(properties)).hasMessageContaining("amity.streams.emit-interval");
  }

  @Test
  void anUnknownZoneIsRefusedByName() {
    Properties properties = new Properties();
    properties.setProperty("amity.model.zone", "Mars/Olympus");

    assertThatThrownBy(() -> ModelProperties.read(properties)).hasMessageContaining("amity.model.zone")
        .hasMessageContaining("Mars/Olympus");
  }
}
