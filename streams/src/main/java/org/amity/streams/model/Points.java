package org.amity.streams.model;

import org.amity.events.AgreementSigned;
import org.amity.events.DelegationVisited;
import org.amity.events.ExchangeProgramme;
import org.amity.events.ExhibitionHeld;
import org.amity.events.ForumHeld;
import org.amity.events.ProjectMilestone;
import org.amity.events.VideoMeeting;
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
    int points = pointsOf(event, table);
    boolean substantive = points > 0 && table.substantiveTypes().contains(event.getSchema().getName());
    return new Points(points, substantive);
  }

  private static int pointsOf(SpecificRecord event, PointTable table) {
    if (event instanceof DelegationVisited visit) {
      return table.delegation().get(visit.getLevel());
    }
    if (event instanceof AgreementSigned agreement) {
      return table.agreement().get(agreement.getKind());
    }
    if (event instanceof ProjectMilestone project) {
      return table.projectMilestone().get(project.getMilestone());
    }
    if (event instanceof ExhibitionHeld) {
      return table.exhibition();
    }
    if (event instanceof ForumHeld) {
      return table.forum();
    }
    if (event instanceof ExchangeProgramme) {
      return table.exchangeProgramme();
    }
    if (event instanceof VideoMeeting) {
      return table.videoMeeting();
    }
    throw new IllegalArgumentException(event.getSchema().getName() + " is not an exchange and has no points");
  }
}
