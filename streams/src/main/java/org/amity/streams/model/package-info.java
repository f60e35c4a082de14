/**
 * The vitality model (docs/design.md, "How vitality is scored"), in plain Java: the reference the Kafka Streams topology is tested
 * against, and the parts it reuses (the points of an event, the formula, the bands).
 *
 * <p>How it reads a relationship's history, in plain words:
 * <ul>
 *   <li>Every exchange (a visit, an agreement, an exhibition, a forum, a project milestone, an exchange programme,
 *       a video meeting) is worth some {@link org.amity.streams.model.Points points}; agreements, projects and
 *       exchange programmes are also <em>substantive</em>.</li>
 *   <li><b>Momentum</b>: each exchange's points halve every 180 days; their sum M is squashed into 0–1 by
 *       {@code m = 1 − e^(−M/15)}, so a few recent exchanges count a lot and many more add less and less.</li>
 *   <li><b>Breadth</b>: how many fields (culture, trade, health...) the last 365 days touched, four or more being
 *       full marks.</li>
 *   <li><b>Reciprocity</b>: whether delegations travel both ways: fewer-way visits over more-way visits in the
 *       last 730 days; 0 when they go only one way.</li>
 *   <li><b>Substance</b>: substantive points of the last 730 days, 20 being full marks.</li>
 *   <li><b>Vitality</b> {@code V = round(100 · (0.55 m + 0.15 b + 0.10 r + 0.20 s))}, and a
 *       {@link org.amity.streams.model.Band band} from V and the days of silence.</li>
 * </ul>
 *
 * <p>Time: ages and windows are exact durations (a day is 24 hours), so an exchange is "in the last 365 days" when
 * it happened less than 365 × 24 hours before the moment scored, and "days since" counts whole days elapsed.
 * Calendar dates (when a relationship was established, the forecast date) are read in
 * {@link org.amity.streams.model.ModelSettings#zone()}.
 *
 * <p>{@link org.amity.streams.model.VitalityModel} scores one relationship from its exchanges;
 * {@link org.amity.streams.model.ReferenceHistory} is the whole reference: raw events in (duplicates, retractions,
 * corrections, multilateral events), vitality and activity per relationship out.
 */
package org.amity.streams.model;
