package org.amity.streams.model;

/**
 * The parts vitality is made of, at one moment.
 *
 * @param rawMomentum M: the sum of every exchange's points, each halved every half-life since it happened
 * @param momentum m = 1 − e^(−M/15), 0–1
 * @param breadth b = distinct domains of the last 365 days / 4, at most 1
 * @param reciprocity r = fewer-way / more-way delegations of the last 730 days; 0 when one-sided or none
 * @param substance s = substantive points of the last 730 days / 20, at most 1
 * @param score V = round(100 · (0.55 m + 0.15 b + 0.10 r + 0.20 s)), 0–100
 * @param exactScore 100 · (0.55 m + 0.15 b + 0.10 r + 0.20 s), before rounding
 */
public record Components(double rawMomentum, double momentum, double breadth, double reciprocity, double substance,
    int score, double exactScore) {}
