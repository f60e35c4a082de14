package org.amity.producers.partners;

import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeoutException;
import org.amity.contract.Topics;
import org.amity.partners.Relationship;
import org.amity.topics.CompactedTopicView;

/** The relationships known to Amity, read from the compacted {@code amity.relationships} topic and kept current. */
public final class RelationshipDirectory implements AutoCloseable {
  private final CompactedTopicView<Relationship> view;

  private RelationshipDirectory(CompactedTopicView<Relationship> view) {
    this.view = view;
  }

  public static RelationshipDirectory start(Map<String, Object> clientConfig, Duration timeout) throws TimeoutException {
    return new RelationshipDirectory(CompactedTopicView.ofRecords(Topics.RELATIONSHIPS.name(), clientConfig, timeout));
  }

  public boolean exists(String relationshipId) {
    return view.contains(relationshipId);
  }

  public Optional<Relationship> get(String relationshipId) {
    return view.get(relationshipId);
  }

  /** The relationships of one office, or of every office when office is null, by id. */
  public List<Relationship> list(String office) {
    return view.all().values().stream()
        .filter(r -> office == null || r.getOfficeId().equals(office))
        .sorted(Comparator.comparing(Relationship::getRelationshipId))
        .toList();
  }

  /**
   * The office's relationship a spreadsheet names: by partner id ("us-sacramento"), or by the partner's Chinese,
   * English or own-language name ("萨克拉门托", "Sacramento").
   */
  public Optional<String> find(String office, String partner) {
    String byId = office + "/" + partner.strip().toLowerCase(java.util.Locale.ROOT);
    if (exists(byId)) {
      return Optional.of(byId);
    }
    String name = partner.strip();
    return list(office).stream()
        .filter(r -> name.equals(r.getPartnerNameZh()) || name.equalsIgnoreCase(r.getPartnerNameEn())
            || name.equals(r.getPartnerNameLocal()))
        .map(Relationship::getRelationshipId).findFirst();
  }

  void remember(Relationship relationship) {
    view.remember(relationship.getRelationshipId(), relationship);
  }

  @Override
  public void close() {
    view.close();
  }
}
