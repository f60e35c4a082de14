package org.amity.consumers.notifier;

/**
 * What a notifier has done since it started, for logs and dashboards. The lasting record of every delivery and
 * failure is the delivery log (topic amity.notifier-deliveries); these are this process's counts.
 *
 * @param delivered     messages sent, one per alert and recipient
 * @param queued        alerts put aside for a recipient's daily digest
 * @param digestRounds  times the queued digests were looked at (once a day, or on request)
 * @param digestsSent   digests sent
 * @param failedTries   tries that failed and were retried later
 * @param deadLettered  alert and recipient pairs given up on (permanent failure or too many tries)
 * @param alreadyDone   alert and recipient pairs skipped because the delivery log had them already
 * @param tooOld        alerts not sent because they were raised before the configured maximum age
 * @param lastFailure   the reason of the latest failed try, or null
 */
public record NotifierStats(long delivered, long queued, long digestRounds, long digestsSent, long failedTries, long deadLettered,
                            long alreadyDone, long tooOld, String lastFailure) {}
