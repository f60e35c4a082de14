package org.amity.producers.demo;

/**
 * The band a demo relationship is meant to show when the demo is loaded: the vitality bands of the scoring model
 * (docs/design.md) other than NEW.
 */
public enum Profile {
  /** Vitality 60 or more: exchanges each way, agreements, several fields. */
  THRIVING,
  /** Exchanges in the last 180 days, vitality 25 to 59. */
  ACTIVE,
  /** No exchange for 180 days (but some within 365), or vitality under 25. */
  COOLING,
  /** No exchange for 365 days, or vitality under 10. */
  DORMANT
}
