package org.amity.consumers.alerts;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import org.amity.aggregates.Alert;
import org.amity.aggregates.AlertKind;
import org.amity.aggregates.Band;
import org.amity.labels.Labels;
import org.junit.jupiter.api.Test;

/** An alert said in Chinese and in English from its fields: no English sentence in a Chinese text, days counted right. */
class AlertWordsTest {
  private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

  @Test
  void aBandChangeIsSaidInChineseWithTheEvidenceInTheOfficesTimeZone() {
    Alert alert = dormant(1, Instant.parse("2026-05-31T20:00:00Z"));
    assertThat(AlertWords.headline(alert, Labels.ZH)).isEqualTo("萨克拉门托（Sacramento）转入休眠：活力等级由“趋冷”变为“休眠”");
    assertThat(AlertWords.evidence(alert, Labels.ZH, SHANGHAI))
        .isEqualTo("活力值 8（休眠）；距上次交流 1 天；上次交流：2026年6月1日");
    assertThat(AlertWords.evidence(alert, Labels.ZH, SHANGHAI)).doesNotContainPattern("[A-Za-z]");
  }

  @Test
  void inEnglishOneDayIsOneDayAndTheBandsAreWords() {
    assertThat(AlertWords.evidence(dormant(1, null), Labels.EN, SHANGHAI))
        .isEqualTo("vitality score 8 (dormant); 1 day since the last exchange; no exchange recorded");
    assertThat(AlertWords.evidence(dormant(197, null), Labels.EN, SHANGHAI)).contains("197 days since the last exchange");
    assertThat(AlertWords.headline(dormant(1, null), Labels.EN))
        .isEqualTo("Sacramento (萨克拉门托) went dormant: band cooling → dormant");
  }

  @Test
  void anniversariesAndExpiringAgreementsAreSaidWithTheirDays() {
    Alert anniversary = Alert.newBuilder(dormant(1, null)).setKind(AlertKind.ANNIVERSARY).setFromBand(null)
        .setAnniversaryYears(40).setAnniversaryOn(LocalDate.of(2025, 5, 3)).build();
    assertThat(AlertWords.change(anniversary, Labels.ZH)).isEqualTo("结好 40 周年：2025年5月3日");
    assertThat(AlertWords.change(anniversary, Labels.EN)).isEqualTo("40th anniversary on 3 May 2025");
    Alert expiring = Alert.newBuilder(dormant(1, null)).setKind(AlertKind.AGREEMENT_EXPIRING).setFromBand(null)
        .setAgreementSignedOn(LocalDate.of(2023, 12, 1)).setAgreementValidUntil(LocalDate.of(2026, 12, 31)).build();
    assertThat(AlertWords.change(expiring, Labels.ZH)).isEqualTo("2023年12月1日签署的协议将于 2026年12月31日 到期");
  }

  private static Alert dormant(int days, Instant lastExchange) {
    return Alert.newBuilder().setAlertId("jinan/us-sacramento|WENT_DORMANT|x").setKind(AlertKind.WENT_DORMANT)
        .setRelationshipId("jinan/us-sacramento").setOfficeId("jinan").setPartnerNameEn("Sacramento")
        .setPartnerNameZh("萨克拉门托").setRaisedAt(Instant.parse("2026-12-03T01:00:00Z")).setFromBand(Band.COOLING)
        .setBand(Band.DORMANT).setScore(8).setDaysSinceLastExchange(days).setLastExchangeAt(lastExchange)
        .setMessage("Sacramento went dormant.").setModelVersion("test").build();
  }
}
