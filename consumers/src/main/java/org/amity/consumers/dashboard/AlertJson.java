package org.amity.consumers.dashboard;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import org.amity.aggregates.Alert;
import org.amity.consumers.alerts.AlertWords;
import org.amity.consumers.view.DashboardView;
import org.amity.json.RecordJson;
import org.amity.labels.Labels;
import org.amity.partners.Office;

/** Alerts as the dashboard serves them. */
final class AlertJson {
  private AlertJson() {}

  /**
   * An alert with its words in both languages ({@code text.zh}, {@code text.en}), in the office's time zone; the
   * record's own English {@code message} is left out.
   */
  static ObjectNode of(Alert alert, DashboardView view) {
    ObjectNode json = RecordJson.write(alert);
    json.remove("message");
    view.followUp(alert.getAlertId()).ifPresent(followUp -> json.set("followUp", RecordJson.write(followUp)));
    ZoneId zone = Labels.zone(view.office(alert.getOfficeId()).map(Office::getTimeZone).orElse(null));
    ObjectNode text = json.putObject("text");
    for (Locale language : List.of(Labels.ZH, Labels.EN)) {
      text.putObject(language.getLanguage()).put("headline", AlertWords.headline(alert, language))
          .put("evidence", AlertWords.evidence(alert, language, zone))
          .put("raisedAt", Labels.dateTime(alert.getRaisedAt(), zone, language));
    }
    return json;
  }
}
