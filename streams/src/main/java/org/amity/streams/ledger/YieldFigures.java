package org.amity.streams.ledger;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.amity.aggregates.YearYield;
import org.amity.aggregates.YieldEvent;
import org.amity.events.Money;

/**
 * What a relationship's standing entries yielded, year by year (years as the zone reads them): the values they
 * commit by currency and the people taking part by event type, with the events behind them. Money that belongs to
 * something named ({@link LedgerEntry#getMoneyOncePer()}, a project) counts once: in the year the first event
 * stating it happened, at the latest value stated.
 */
public final class YieldFigures {
  private YieldFigures() {}

  /** @param relationshipId the relationship whose entries these are: its office counts the events it counts */
  public static List<YearYield> of(List<LedgerEntry> standing, ZoneId zone, String relationshipId) {
    List<LedgerEntry> entries = standing.stream().filter(e -> e.getMoney() != null || e.getPeople() != null)
        .sorted(Comparator.comparing(LedgerEntry::getOccurredAt).thenComparing(LedgerEntry::getEventId)).toList();
    Map<String, LedgerEntry> firstOfEach = new HashMap<>();
    Map<String, LedgerEntry> latestOfEach = new HashMap<>();
    for (LedgerEntry entry : entries) {
      if (entry.getMoney() != null && entry.getMoneyOncePer() != null) {
        String what = entry.getType() + "/" + entry.getMoneyOncePer();
        firstOfEach.putIfAbsent(what, entry);
        latestOfEach.put(what, entry);
      }
    }
    TreeMap<Integer, YearYield> years = new TreeMap<>();
    for (LedgerEntry entry : entries) {
      Money money = entry.getMoney();
      if (money != null && entry.getMoneyOncePer() != null) {
        String what = entry.getType() + "/" + entry.getMoneyOncePer();
        money = firstOfEach.get(what) == entry ? latestOfEach.get(what).getMoney() : null;
      }
      if (money == null && entry.getPeople() == null) {
        continue;
      }
      YearYield year = years.computeIfAbsent(LocalDate.ofInstant(entry.getOccurredAt(), zone).getYear(),
          y -> new YearYield(y, new LinkedHashMap<>(), new LinkedHashMap<>(), new ArrayList<>()));
      if (money != null) {
        year.getMoney().merge(money.getCurrency(), money.getAmountMinor(), Long::sum);
      }
      if (entry.getPeople() != null) {
        year.getPeople().merge(entry.getType(), entry.getPeople(), Long::sum);
      }
      boolean counted = entry.getCountedBy() == null || entry.getCountedBy().equals(relationshipId);
      year.getEvents().add(new YieldEvent(entry.getEventId(), entry.getType(), entry.getOccurredAt(), money,
          entry.getPeople(), counted));
    }
    return new ArrayList<>(years.values());
  }
}
