package org.amity.consumers.notifier;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.amity.aggregates.Alert;

/**
 * Who is told of an alert: every matching route's recipients (in the route's language and webhook format), and, as
 * configured, the responsible officer and the office's alert contact.
 */
public final class Routing {
  private final NotifierSettings settings;

  public Routing(NotifierSettings settings) {
    this.settings = settings;
  }

  /** The recipients of this alert, each once (routes taken by name). */
  public List<Recipient> recipientsOf(Alert alert) {
    return recipientsOf(alert, null);
  }

  /** The recipients of this alert, each once (routes taken by name); {@code officeContact} as the officer is. */
  public List<Recipient> recipientsOf(Alert alert, String officeContact) {
    Map<String, Recipient> recipients = new LinkedHashMap<>();
    for (Route route : settings.routes()) {
      if (route.matches(alert)) {
        route.to().forEach(address -> recipients.putIfAbsent(address.strip(), new Recipient(address.strip(),
            settings.digestRecipients().contains(address.strip()), route.language(), route.format(), route.secret())));
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
    if (officerTold && officeContact != null && Recipient.isAddress(officeContact)) {
      add(recipients, officeContact);
    }
    return List.copyOf(recipients.values());
  }

  /** A digest recipient, in the language and format of the first route that names it. */
  public Recipient digestRecipient(String address) {
    return settings.routes().stream().filter(route -> route.to().stream().anyMatch(a -> a.strip().equals(address)))
        .findFirst().map(route -> new Recipient(address, true, route.language(), route.format(), route.secret()))
        .orElseGet(() -> new Recipient(address, true));
  }

  private void add(Map<String, Recipient> recipients, String address) {
    String clean = address.strip();
    recipients.putIfAbsent(clean, new Recipient(clean, settings.digestRecipients().contains(clean)));
  }
}
