package org.amity.producers.synthetic;

/**
 * What the generator decided for one relationship before making its events.
 *
 * @param index          the relationship's position among all of the spec's, from 0
 * @param officeNumber   the office's number, from 1 ("office-007" is 7)
 * @param partnerNumber  the partner's number within the office, from 1 ("xx-city-00042" is 42)
 * @param eventsPerYear  the average number of events a year this relationship starts itself
 */
public record RelationshipPlan(
    long index,
    int officeNumber,
    int partnerNumber,
    String officeId,
    String relationshipId,
    Country country,
    Profile profile,
    double eventsPerYear) {

  public String partnerId() {
    return relationshipId.substring(officeId.length() + 1);
  }
}
