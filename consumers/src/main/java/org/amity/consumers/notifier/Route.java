package org.amity.consumers.notifier;

import java.util.List;
import java.util.Set;
import org.amity.aggregates.Alert;

/**
 * One routing rule: an alert matches when it meets every criterion given (an empty set matches anything), and then
 * goes to every recipient of the rule.
 *
 * @param name           the rule's name in the configuration file (route.NAME.*)
 * @param relationships  relationship ids, e.g. shanghai/nl-rotterdam
 * @param offices        office ids
 * @param kinds          alert kinds (AlertKind names)
 * @param bands          bands the relationship is in now (Band names)
 * @param to             e-mail addresses and webhook URLs
 * @param language       "zh" or "en" for its recipients, or null for the office's language
 * @param format         the body its webhooks receive
 * @param secret         the secret that signs its webhooks, or null
 */
public record Route(String name, Set<String> relationships, Set<String> offices, Set<String> kinds, Set<String> bands,
                    List<String> to, String language, Recipient.WebhookFormat format, String secret) {

  public Route {
    relationships = Set.copyOf(relationships);
    offices = Set.copyOf(offices);
    kinds = Set.copyOf(kinds);
    bands = Set.copyOf(bands);
    to = List.copyOf(to);
  }

  public boolean matches(Alert alert) {
    return (relationships.isEmpty() || relationships.contains(alert.getRelationshipId()))
        && (offices.isEmpty() || offices.contains(alert.getOfficeId()))
        && (kinds.isEmpty() || kinds.contains(alert.getKind().name()))
        && (bands.isEmpty() || bands.contains(alert.getBand().name()));
  }
}
