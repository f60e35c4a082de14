package org.amity.streams.offices;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.amity.aggregates.RelationshipYield;
import org.amity.aggregates.YearYield;
import org.amity.aggregates.YieldEvent;
import org.amity.aggregates.YieldSum;
import org.amity.streams.ledger.OfficeYields;
import org.amity.streams.ledger.YearSum;
import org.amity.streams.ledger.YieldContribution;

/** What a relationship's yield adds to its office's, and the sums of offices' yields year by year. */
public final class OfficeYieldMath {
  private OfficeYieldMath() {}

  /** The events of the relationship's yield that its office counts through it, summed year by year. */
  public static YieldContribution contribution(RelationshipYield yield) {
    List<YearSum> years = new ArrayList<>();
    for (YearYield year : yield.getYears()) {
      YieldSum sum = emptySum();
      for (YieldEvent event : year.getEvents()) {
        if (event.getCountedForOffice()) {
          count(sum, event);
        }
      }
      if (!sum.getEvents().isEmpty()) {
        years.add(new YearSum(year.getYear(), sum));
      }
    }
    return new YieldContribution(yield.getRelationshipId(), yield.getOfficeId(), years);
  }

  public static OfficeYields empty() {
    return new OfficeYields(new ArrayList<>());
  }

  public static OfficeYields add(YieldContribution contribution, OfficeYields yields) {
    return combine(yields, contribution.getYears(), 1);
  }

  public static OfficeYields subtract(YieldContribution contribution, OfficeYields yields) {
    return combine(yields, contribution.getYears(), -1);
  }

  /** The sum of two offices' yields (a city with a district: their events are apart, each recorded by one office). */
  public static OfficeYields sum(OfficeYields a, OfficeYields b) {
    return combine(a, b.getYears(), 1);
  }

  public static boolean isEmpty(OfficeYields yields) {
    return yields.getYears().isEmpty();
  }

  private static void count(YieldSum sum, YieldEvent event) {
    if (event.getMoney() != null) {
      sum.getMoney().merge(event.getMoney().getCurrency(), event.getMoney().getAmountMinor(), Long::sum);
    }
    if (event.getPeople() != null) {
      sum.getPeople().merge(event.getType(), event.getPeople(), Long::sum);
    }
    sum.getEvents().merge(event.getType(), 1, Integer::sum);
  }

  /** The years of both, oldest first, each figure added (sign 1) or taken away (-1); a figure that reaches 0 goes. */
  private static OfficeYields combine(OfficeYields yields, List<YearSum> change, int sign) {
    TreeMap<Integer, YieldSum> years = new TreeMap<>();
    yields.getYears().forEach(year -> years.put(year.getYear(), copy(year.getSum())));
    for (YearSum year : change) {
      YieldSum sum = years.computeIfAbsent(year.getYear(), y -> emptySum());
      add(sum.getMoney(), year.getSum().getMoney(), sign);
      add(sum.getPeople(), year.getSum().getPeople(), sign);
      year.getSum().getEvents().forEach((type, n) -> sum.getEvents().merge(type, sign * n, OfficeYieldMath::nonZero));
    }
    years.values().removeIf(sum -> sum.getEvents().isEmpty());
    return new OfficeYields(years.entrySet().stream().map(e -> new YearSum(e.getKey(), e.getValue())).toList());
  }

  private static void add(Map<String, Long> into, Map<String, Long> figures, int sign) {
    figures.forEach((key, value) -> into.merge(key, sign * value, (a, b) -> a + b == 0 ? null : a + b));
  }

  private static Integer nonZero(Integer a, Integer b) {
    return a + b == 0 ? null : a + b;
  }

  private static YieldSum copy(YieldSum sum) {
    return new YieldSum(new LinkedHashMap<>(sum.getMoney()), new LinkedHashMap<>(sum.getPeople()),
        new LinkedHashMap<>(sum.getEvents()));
  }

  static YieldSum emptySum() {
    return new YieldSum(new LinkedHashMap<>(), new LinkedHashMap<>(), new LinkedHashMap<>());
  }
}
