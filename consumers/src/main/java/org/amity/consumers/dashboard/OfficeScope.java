package org.amity.consumers.dashboard;

import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import org.amity.access.OfficeHierarchy;
import org.amity.consumers.view.DashboardView;

/**
 * The offices a dashboard user sees: their own office and every office under it (a city office sees its districts, a
 * district office only itself), or every office for a user configured without one. Which office is under which comes
 * from the offices' master data and, for an office without master data, from its rollup.
 */
final class OfficeScope {
  static final OfficeScope EVERY_OFFICE = new OfficeScope(null);

  /** The offices seen; null for every office. */
  private final Set<String> offices;

  private OfficeScope(Set<String> offices) {
    this.offices = offices;
  }

  /** The office and the offices under it, as the view knows them now; every office when {@code office} is null. */
  static OfficeScope of(String office, DashboardView view) {
    if (office == null) {
      return EVERY_OFFICE;
    }
    return new OfficeScope(OfficeHierarchy.selfAndBelow(office, view.officeParents()));
  }

  boolean sees(String officeId) {
    return offices == null || offices.contains(officeId);
  }

  /**
   * Whether the key is of an office seen: an office id, a relationship id ({@code office/partner}), or a key that
   * starts with a relationship id (an alert's, a delivery's).
   */
  boolean seesKey(String key) {
    return offices == null || (key != null && sees(officeOf(key)));
  }

  /** The records of the offices seen, in their order. */
  <T> List<T> filter(Collection<T> records, Function<T, String> officeOf) {
    return records.stream().filter(record -> sees(officeOf.apply(record))).toList();
  }

  /** The office a key starts with: {@code shanghai} of {@code shanghai/nl-rotterdam|WENT_DORMANT|...}. */
  static String officeOf(String key) {
    int slash = key.indexOf('/');
    return slash < 0 ? key : key.substring(0, slash);
  }
}
