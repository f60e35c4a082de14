package org.amity.consumers.notifier;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.amity.aggregates.Alert;

/** Who is told of an alert: every matching route's recipients, and the responsible officer as configured. */
public final class Routing {
  private final NotifierSettings settings;

  public Routing(NotifierSettings settings) {
    this.settings = settings;
  }

  /** The recipients of this alert, each once (routes taken by name). */
  public List<Recipient> recipientsOf(Alert alert) {
    Map<String, Recipient> recipients = new LinkedHashMap<>();
    for (Route route : settings.routes()) {
      if (route.matches(alert)) {
        route.to().forEach(address -> add(recipients, address));
      }
    }
    String officer = alert.getResponsibleOfficer();
    boolean officerTold = switch (settings.responsibleOfficer()) {
      case ALWAYS -> true;
      case FALLBACK -> recipients.isEmpty();
      case NEVER -> false;
    };
    if (officerTold && officer != null && officer.contains("@") && Recipient.isAddress(officer)) {
      add(recipients, officer);
    }
    return List.copyOf(recipients.values());
  }

  private void add(Map<String, Recipient> recipients, String address) {
    String clean = address.strip();
    recipients.putIfAbsent(clean, new Recipient(clean, settings.digestRecipients().contains(clean)));
  }
}
