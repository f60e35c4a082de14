package org.amity.streams.model;

/** What the reference answers for one relationship: its vitality and its activity. */
public record RelationshipFigures(String relationshipId, Vitality vitality, Activity activity) {}
