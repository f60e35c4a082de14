package org.amity.streams.query;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.amity.streams.model.ModelSettings;

/** The model's settings as the query API serves them: the version the results carry, and every constant by name. */
final class ModelJson {
  private static final ObjectMapper JSON = new ObjectMapper();

  private ModelJson() {}

  static ObjectNode of(ModelSettings model) {
    ObjectNode json = JSON.createObjectNode().put("version", model.version()).put("label", model.modelVersion())
        .put("halfLifeDays", model.halfLifeDays()).put("momentumScale", model.momentumScale())
        .put("breadthWindowDays", model.breadthWindowDays()).put("breadthDomains", model.breadthDomains())
        .put("reciprocityWindowDays", model.reciprocityWindowDays())
        .put("substanceWindowDays", model.substanceWindowDays()).put("substancePoints", model.substancePoints())
        .put("trendLookbackDays", model.trendLookbackDays()).put("forecastHorizonDays", model.forecastHorizonDays())
        .put("zone", model.zone().getId());
    json.set("activityWindowDays", JSON.valueToTree(model.activityWindowDays()));
    json.set("weights", JSON.valueToTree(model.weights()));
    json.set("bands", JSON.valueToTree(model.bands()));
    json.set("points", JSON.valueToTree(model.points()));
    return json;
  }
}
