package org.amity.producers.synthetic;

import java.util.Locale;

/** How a synthetic relationship behaves over the generated years. */
public enum Profile {
  /** Events all along, from a few to many a year. */
  ACTIVE,
  /** Events all along, but only about one or two a year. */
  SPARSE,
  /** Active until the spec's quietFrom, then nothing. */
  QUIET;

  /** The name in the ground-truth file: "active", "sparse", "quiet". */
  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static Profile ofLabel(String label) {
    return valueOf(label.toUpperCase(Locale.ROOT));
  }
}
