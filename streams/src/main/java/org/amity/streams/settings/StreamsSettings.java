package org.amity.streams.settings;

import java.time.Duration;
import java.util.Map;
import java.util.Properties;
import org.amity.streams.model.ModelSettings;

/**
 * The streams application's own settings; Kafka's properties pass through separately.
 *
 * @param applicationId the Kafka Streams application id; instances with the same id share the work
 * @param model the vitality model's constants
 * @param emitInterval how often changed relationships are re-scored and published (wall clock)
 * @param reviewInterval how often the relationships that time may have changed are re-scored, so that silence alone
 *     moves a relationship to COOLING and DORMANT (wall clock)
 * @param ledgerRetentionDays an exchange this many days older than now leaves the ledger; until then its eventId
 *     de-duplicates a second copy, and it can be retracted or corrected
 * @param anniversaryEveryYears announce the anniversaries that are a multiple of this many years (5: 5th, 10th...)
 * @param anniversaryNoticeDays announce an anniversary this many days ahead
 * @param agreementNoticeDays announce an agreement's expiry this many days ahead
 * @param alertLookbackDays a change of band caused by newly recorded exchanges is announced only when one of them
 *     happened within this many days; older ones correct the record silently
 * @param futureHorizonDays an event dated more than this many days after the wall clock is taken for a broken record
 *     and dead-lettered; one dated less far ahead waits in the ledger and counts from its day on
 * @param punctuationBudget how long one punctuation may publish or review; the rest waits for the next ones. Keep it
 *     well under the exactly-once transaction's timeout (10 s), which a punctuation must not outlast
 * @param masterDataWait how long an event for a relationship without master data waits for it (wall clock) before it
 *     goes to the dead letters: master data written with another partitioner than Amity's takes a detour
 */
public record StreamsSettings(
    String applicationId,
    ModelSettings model,
    Duration emitInterval,
    Duration reviewInterval,
    int ledgerRetentionDays,
    int anniversaryEveryYears,
    int anniversaryNoticeDays,
    int agreementNoticeDays,
    int alertLookbackDays,
    int futureHorizonDays,
    Duration punctuationBudget,
    Duration masterDataWait) {

  public static final String PREFIX = "amity.streams.";
  private static final Duration MAX_PUNCTUATION_BUDGET = Duration.ofSeconds(5);

  public StreamsSettings {
    requirePositive("emit-interval", emitInterval.toMillis());
    requirePositive("review-interval", reviewInterval.toMillis());
    requirePositive("ledger-retention-days", ledgerRetentionDays);
    requirePositive("anniversary-every-years", anniversaryEveryYears);
    requirePositive("anniversary-notice-days", anniversaryNoticeDays);
    requirePositive("agreement-notice-days", agreementNoticeDays);
    requirePositive("alert-lookback-days", alertLookbackDays);
    requirePositive("future-horizon-days", futureHorizonDays);
    requirePositive("punctuation-budget-ms", punctuationBudget.toMillis());
    if (punctuationBudget.compareTo(MAX_PUNCTUATION_BUDGET) > 0) {
      throw new IllegalArgumentException(PREFIX + "punctuation-budget-ms must be at most "
          + MAX_PUNCTUATION_BUDGET.toMillis() + " (well under the exactly-once transaction's timeout, 10 s), not "
          + punctuationBudget.toMillis());
    }
    requirePositive("master-data-wait-ms", masterDataWait.toMillis());
  }

  public static StreamsSettings defaults() {
    return new StreamsSettings("amity-streams", ModelSettings.defaults(), Duration.ofMillis(100), Duration.ofHours(1),
        3650, 5, 90, 90, 30, 366, Duration.ofMillis(500), Duration.ofMinutes(2));
  }

  /**
   * The defaults, overridden by {@code amity.streams.*} properties (e.g. {@code amity.streams.review-interval-ms})
   * and the model's {@code amity.model.*} properties ({@link ModelProperties}).
   *
   * @throws IllegalArgumentException naming the property that is wrong, or an {@code amity.*} key it does not know
   */
  public static StreamsSettings from(Properties properties) {
    StreamsSettings d = defaults();
    AskedSettings values = new AskedSettings(ModelProperties.strings(properties));
    StreamsSettings settings = new StreamsSettings(
        values.getOrDefault(PREFIX + "application-id", d.applicationId()),
        ModelProperties.read(values),
        Duration.ofMillis(ModelProperties.longValue(values, PREFIX + "emit-interval-ms", d.emitInterval().toMillis())),
        Duration.ofMillis(ModelProperties.longValue(values, PREFIX + "review-interval-ms",
            d.reviewInterval().toMillis())),
        ModelProperties.intValue(values, PREFIX + "ledger-retention-days", d.ledgerRetentionDays()),
        ModelProperties.intValue(values, PREFIX + "anniversary-every-years", d.anniversaryEveryYears()),
        ModelProperties.intValue(values, PREFIX + "anniversary-notice-days", d.anniversaryNoticeDays()),
        ModelProperties.intValue(values, PREFIX + "agreement-notice-days", d.agreementNoticeDays()),
        ModelProperties.intValue(values, PREFIX + "alert-lookback-days", d.alertLookbackDays()),
        ModelProperties.intValue(values, PREFIX + "future-horizon-days", d.futureHorizonDays()),
        Duration.ofMillis(ModelProperties.longValue(values, PREFIX + "punctuation-budget-ms",
            d.punctuationBudget().toMillis())),
        Duration.ofMillis(ModelProperties.longValue(values, PREFIX + "master-data-wait-ms",
            d.masterDataWait().toMillis())));
    values.refuseUnasked("amity.");
    return settings;
  }

  public StreamsSettings withModel(ModelSettings otherModel) {
    return new StreamsSettings(applicationId, otherModel, emitInterval, reviewInterval, ledgerRetentionDays,
        anniversaryEveryYears, anniversaryNoticeDays, agreementNoticeDays, alertLookbackDays, futureHorizonDays,
        punctuationBudget, masterDataWait);
  }

  public StreamsSettings withApplicationId(String id) {
    return new StreamsSettings(id, model, emitInterval, reviewInterval, ledgerRetentionDays, anniversaryEveryYears,
        anniversaryNoticeDays, agreementNoticeDays, alertLookbackDays, futureHorizonDays, punctuationBudget,
        masterDataWait);
  }

  public StreamsSettings withIntervals(Duration emit, Duration review) {
    return new StreamsSettings(applicationId, model, emit, review, ledgerRetentionDays, anniversaryEveryYears,
        anniversaryNoticeDays, agreementNoticeDays, alertLookbackDays, futureHorizonDays, punctuationBudget,
        masterDataWait);
  }

  public StreamsSettings withFutureHorizonDays(int days) {
    return new StreamsSettings(applicationId, model, emitInterval, reviewInterval, ledgerRetentionDays,
        anniversaryEveryYears, anniversaryNoticeDays, agreementNoticeDays, alertLookbackDays, days, punctuationBudget,
        masterDataWait);
  }

  public StreamsSettings withPunctuationBudget(Duration budget) {
    return new StreamsSettings(applicationId, model, emitInterval, reviewInterval, ledgerRetentionDays,
        anniversaryEveryYears, anniversaryNoticeDays, agreementNoticeDays, alertLookbackDays, futureHorizonDays,
        budget, masterDataWait);
  }

  public StreamsSettings withMasterDataWait(Duration wait) {
    return new StreamsSettings(applicationId, model, emitInterval, reviewInterval, ledgerRetentionDays,
        anniversaryEveryYears, anniversaryNoticeDays, agreementNoticeDays, alertLookbackDays, futureHorizonDays,
        punctuationBudget, wait);
  }

  private static void requirePositive(String name, long value) {
    if (value <= 0) {
      throw new IllegalArgumentException(PREFIX + name + " must be positive, not " + value);
    }
  }
}
