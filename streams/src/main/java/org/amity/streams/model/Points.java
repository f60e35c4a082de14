package org.amity.streams.model;

import org.amity.streams.model.ModelSettings.PointTable;
import org.apache.avro.specific.SpecificRecord;

/**
 * What one event is worth to the model: its points, and whether it is substantive (an agreement, a project or an
 * exchange programme, as {@link PointTable#substantiveTypes()} says). An event worth no points is never substantive.
 */
public record Points(int points, boolean substantive) {

  /**
   * The points of an exchange event.
   *
   * @throws IllegalArgumentException for an event that is no exchange, such as an {@code EventRetracted}
   */
  public static Points of(SpecificRecord event, ModelSettings settings) {
    PointTable table = settings.points();
    int points = table.of(event);
    boolean substantive = points > 0 && table.substantiveTypes().contains(event.getSchema().getName());
    return new Points(points, substantive);
  }
}
