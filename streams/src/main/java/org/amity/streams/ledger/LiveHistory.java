package org.amity.streams.ledger;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.amity.streams.model.Exchange;

/**
 * What stands of one relationship's ledger: every entry not retracted and not corrected by a standing entry.
 * The same rules as the reference (org.amity.streams.model.ReferenceHistory), over stored entries.
 *
 * @param exchanges the standing exchanges
 * @param agreements the standing agreement entries (for expiry alerts)
 */
public record LiveHistory(List<Exchange> exchanges, List<LedgerEntry> agreements) {

  /** The standing history of one relationship's entries, one per eventId. */
  public static LiveHistory of(Collection<LedgerEntry> entries) {
    Set<String> retracted = new HashSet<>();
    for (LedgerEntry entry : entries) {
      if (Entries.isRetraction(entry)) {
        retracted.add(entry.getRetracts());
      }
    }
    Set<String> corrected = new HashSet<>();
    for (LedgerEntry entry : entries) {
      if (!Entries.isRetraction(entry) && !retracted.contains(entry.getEventId()) && entry.getCorrects() != null
          && !entry.getCorrects().equals(entry.getEventId())) {
        corrected.add(entry.getCorrects());
      }
    }
    List<Exchange> exchanges = new ArrayList<>();
    List<LedgerEntry> agreements = new ArrayList<>();
    for (LedgerEntry entry : entries) {
      if (Entries.isRetraction(entry) || retracted.contains(entry.getEventId())
          || corrected.contains(entry.getEventId())) {
        continue;
      }
      exchanges.add(Entries.exchange(entry));
      if (entry.getValidUntil() != null) {
        agreements.add(entry);
      }
    }
    return new LiveHistory(exchanges, agreements);
  }

  /**
   * Which of two entries with the same eventId the ledger keeps: the one recorded first, then the one with the
   * smaller content key, whatever the order they arrived in.
   */
  public static boolean replaces(LedgerEntry candidate, LedgerEntry kept) {
    int byRecorded = candidate.getRecordedAt().compareTo(kept.getRecordedAt());
    return byRecorded < 0 || byRecorded == 0 && candidate.getContentKey() < kept.getContentKey();
  }
}
