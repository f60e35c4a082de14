package org.amity.streams.ledger;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import org.amity.contract.EventType;
import org.amity.contract.EventTypes;
import org.amity.events.AgreementSigned;
import org.amity.events.DelegationVisited;
import org.amity.events.Domain;
import org.amity.events.Envelope;
import org.amity.events.EventRetracted;
import org.amity.events.Money;
import org.amity.streams.model.Events;
import org.amity.streams.model.Exchange;
import org.amity.streams.model.ModelSettings;
import org.amity.streams.model.Points;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.streams.KeyValue;

/** Turns events into ledger entries, and entries back into the model's exchanges. */
public final class Entries {
  private Entries() {}

  /**
   * The entry an event makes in each relationship it names (a multilateral event names several; a relationship
   * named twice gets it once).
   *
   * @param contentKey a hash of the whole event (see {@link ArrivedEvent})
   * @param origin where the event was read, for error messages
   */
  public static List<KeyValue<String, LedgerInput>> of(SpecificRecord event, long contentKey, ModelSettings settings,
      String origin) {
    Envelope envelope = Events.envelopeOf(event);
    LinkedHashSet<String> named = new LinkedHashSet<>(envelope.getRelationshipIds());
    LedgerEntry entry = entry(event, envelope, contentKey, settings, origin);
    entry.setCountedBy(named.isEmpty() ? null : named.iterator().next());
    LedgerInput input = new LedgerInput(entry);
    List<KeyValue<String, LedgerInput>> inputs = new ArrayList<>();
    for (String relationshipId : named) {
      inputs.add(KeyValue.pair(relationshipId, input));
    }
    return inputs;
  }

  private static LedgerEntry entry(SpecificRecord event, Envelope envelope, long contentKey, ModelSettings settings,
      String origin) {
    LedgerEntry.Builder entry = LedgerEntry.newBuilder()
        .setEventId(envelope.getEventId())
        .setType(event.getSchema().getName())
        .setOccurredAt(envelope.getOccurredAt())
        .setRecordedAt(envelope.getRecordedAt())
        .setContentKey(contentKey)
        .setDomains(envelope.getDomains())
        .setCorrects(envelope.getCorrects())
        .setOrigin(origin)
        .setPoints(0)
        .setSubstantive(false);
    if (event instanceof EventRetracted retraction) {
      return entry.setRetracts(retraction.getRetractedEventId()).build();
    }
    Points points = Points.of(event, settings);
    entry.setPoints(points.points()).setSubstantive(points.substantive());
    if (event instanceof DelegationVisited visit) {
      entry.setDirection(visit.getDirection());
    }
    if (event instanceof AgreementSigned agreement) {
      entry.setValidUntil(agreement.getValidUntil()).setAgreementKind(agreement.getKind());
    }
    EventTypes.named(event.getSchema().getName()).map(EventType::yield).ifPresent(yield -> yields(event, yield, entry));
    return entry.build();
  }

  /** The figures of what the event yields, as its type declares them. */
  private static void yields(SpecificRecord event, EventType.Yield yield, LedgerEntry.Builder entry) {
    if (yield.moneyField() != null) {
      entry.setMoney((Money) field(event, yield.moneyField()));
      Object oncePer = yield.moneyOncePer() == null ? null : field(event, yield.moneyOncePer());
      entry.setMoneyOncePer(oncePer == null ? null : oncePer.toString());
    }
    if (yield.peopleField() != null && field(event, yield.peopleField()) instanceof Number people) {
      entry.setPeople(people.longValue());
    }
  }

  private static Object field(SpecificRecord event, String name) {
    return event.get(event.getSchema().getField(name).pos());
  }

  /** The exchange a (non-retraction) entry records. */
  public static Exchange exchange(LedgerEntry entry) {
    EnumSet<Domain> domains = EnumSet.noneOf(Domain.class);
    domains.addAll(entry.getDomains());
    return new Exchange(entry.getEventId(), entry.getOccurredAt(), entry.getPoints(), entry.getSubstantive(),
        domains, entry.getDirection(), entry.getType());
  }

  /** Whether the entry withdraws another event rather than recording an exchange. */
  public static boolean isRetraction(LedgerEntry entry) {
    return entry.getRetracts() != null;
  }
}
