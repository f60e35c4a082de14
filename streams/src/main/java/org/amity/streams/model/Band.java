package org.amity.streams.model;

/**
 * Where a relationship stands, decided in this order (the first that applies):
 * <ol>
 *   <li>{@link #NEW}: established less than 365 days ago and no exchange yet;</li>
 *   <li>{@link #DORMANT}: no exchange for 365 days (or never), or vitality below 10;</li>
 *   <li>{@link #COOLING}: no exchange for 180 days, or vitality below 25;</li>
 *   <li>{@link #THRIVING}: vitality 60 or more;</li>
 *   <li>{@link #ACTIVE}: everything else.</li>
 * </ol>
 */
public enum Band {
  NEW,
  THRIVING,
  ACTIVE,
  COOLING,
  DORMANT
}
