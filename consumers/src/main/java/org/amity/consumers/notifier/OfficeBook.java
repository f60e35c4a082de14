package org.amity.consumers.notifier;

import java.time.Duration;
import java.time.ZoneId;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeoutException;
import org.amity.labels.Labels;
import org.amity.partners.Office;
import org.amity.topics.CompactedTopicView;

/** The offices as the notifier needs them: the language and time zone of their alerts, and their alert contact. */
final class OfficeBook implements AutoCloseable {
  private final CompactedTopicView<Office> view;

  private OfficeBook(CompactedTopicView<Office> view) {
    this.view = view;
  }

  static OfficeBook start(Map<String, Object> clientConfig, String topic, Duration timeout) throws TimeoutException {
    return new OfficeBook(CompactedTopicView.ofRecords(topic, clientConfig, timeout));
  }

  Optional<Office> get(String officeId) {
    return view.get(officeId);
  }

  /** The office's language; Chinese unless it says otherwise. */
  Locale language(String officeId) {
    return Labels.language(get(officeId).map(Office::getLanguage).orElse(null));
  }

  ZoneId zone(String officeId) {
    return Labels.zone(get(officeId).map(Office::getTimeZone).orElse(null));
  }

  Optional<String> alertContact(String officeId) {
    return get(officeId).map(Office::getAlertContact);
  }

  @Override
  public void close() {
    view.close();
  }
}
