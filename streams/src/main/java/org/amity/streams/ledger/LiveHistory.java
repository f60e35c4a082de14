package org.amity.streams.ledger;

import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.amity.events.AgreementKind;
import org.amity.streams.model.Exchange;

/**
 * What stands of one relationship's ledger: every entry not retracted and not corrected by a standing entry.
 * The same rules as the reference (org.amity.streams.model.ReferenceHistory), over stored entries.
 *
 * @param exchanges the standing exchanges
 * @param agreements the standing agreement entries (for expiry alerts)
 * @param establishments the standing sister-city and friendly-cooperation establishments
 * @param standing every standing entry
 */
public record LiveHistory(List<Exchange> exchanges, List<LedgerEntry> agreements, List<LedgerEntry> establishments,
    List<LedgerEntry> standing) {
  private static final Set<AgreementKind> ESTABLISHMENTS = EnumSet.of(AgreementKind.SISTER_CITY_ESTABLISHMENT,
      AgreementKind.FRIENDLY_COOPERATION_ESTABLISHMENT);

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
    List<LedgerEntry> establishments = new ArrayList<>();
    List<LedgerEntry> standing = new ArrayList<>();
    for (LedgerEntry entry : entries) {
      if (Entries.isRetraction(entry) || retracted.contains(entry.getEventId())
          || corrected.contains(entry.getEventId())) {
        continue;
      }
      exchanges.add(Entries.exchange(entry));
      standing.add(entry);
      if (entry.getValidUntil() != null) {
        agreements.add(entry);
      }
      if (entry.getAgreementKind() != null && ESTABLISHMENTS.contains(entry.getAgreementKind())) {
        establishments.add(entry);
      }
    }
    return new LiveHistory(exchanges, agreements, establishments, standing);
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
