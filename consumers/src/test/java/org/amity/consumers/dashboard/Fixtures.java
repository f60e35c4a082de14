package org.amity.consumers.dashboard;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.List;
import org.amity.aggregates.Alert;
import org.amity.aggregates.AlertKind;
import org.amity.aggregates.Band;
import org.amity.aggregates.Contributor;
import org.amity.aggregates.OfficeFigures;
import org.amity.aggregates.OfficeRollup;
import org.amity.aggregates.RelationshipVitality;
import org.amity.aggregates.Tally;
import org.amity.consumers.view.DashboardView;
import org.amity.events.Domain;
import org.amity.events.Envelope;
import org.amity.events.ForumHeld;
import org.amity.events.GatheringKind;
import org.amity.events.Venue;
import org.amity.partners.Office;
import org.amity.partners.OfficeLevel;
import org.amity.partners.PartnerLevel;
import org.amity.partners.Relationship;
import org.amity.partners.RelationshipKind;
import org.amity.partners.RelationshipStatus;

/** Records for dashboard tests. */
public final class Fixtures {
  private static final HttpClient HTTP = HttpClient.newHttpClient();

  private Fixtures() {}

  public static Relationship relationship(String id, String nameEn, String nameZh, String country, String region,
                                   RelationshipKind kind, LocalDate established) {
    String[] parts = id.split("/");
    return Relationship.newBuilder().setRelationshipId(id).setOfficeId(parts[0]).setPartnerId(parts[1])
        .setPartnerNameEn(nameEn).setPartnerNameZh(nameZh).setCountry(country).setRegion(region).setKind(kind)
        .setPartnerLevel(PartnerLevel.CITY).setEstablishedOn(established).setStatus(RelationshipStatus.FORMAL)
        .setResponsibleOfficer("desk@" + parts[0] + ".example").setUpdatedAt(Instant.now()).build();
  }

  /** GET with HTTP Basic, as a dashboard user. */
  static HttpResponse<String> get(String url, String user, String password) throws Exception {
    String credentials = Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    return HTTP.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10))
        .header("Authorization", "Basic " + credentials).build(), HttpResponse.BodyHandlers.ofString());
  }

  /** A forum on the day, in the fields, naming the relationships (the first one's office records it). */
  public static ForumHeld forum(String eventId, Instant at, List<Domain> domains, String... relationshipIds) {
    Envelope envelope = Envelope.newBuilder().setEventId(eventId).setOccurredAt(at).setRecordedAt(at.plusSeconds(3600))
        .setOffice(relationshipIds[0].split("/")[0]).setRelationshipIds(List.of(relationshipIds)).setDomains(domains)
        .setSource("dashboard-test").setSummary("Youth Go tournament").build();
    return ForumHeld.newBuilder().setEnvelope(envelope).setKind(GatheringKind.FORUM).setTitle("Youth Go")
        .setVenue(Venue.HOME).setStartDate(LocalDate.ofInstant(at, ZoneOffset.UTC)).build();
  }

  /** Puts the Shanghai office and, under it, the Changning district office. */
  public static void shanghaiAndChangning(DashboardView view) {
    view.putOffice("shanghai", office("shanghai", "Shanghai FAO", "上海市外办", null));
    view.putOffice("shanghai-changning", office("shanghai-changning", "Changning FAO", "长宁区外办", "shanghai"));
  }

  public static Office office(String id, String nameEn, String nameZh, String parent) {
    return Office.newBuilder().setOfficeId(id).setNameEn(nameEn).setNameZh(nameZh)
        .setLevel(parent == null ? OfficeLevel.CITY : OfficeLevel.DISTRICT).setParentOfficeId(parent).build();
  }

  static RelationshipVitality vitality(Relationship r, Instant at, int score, Band band, Integer days) {
    return RelationshipVitality.newBuilder().setRelationshipId(r.getRelationshipId()).setOfficeId(r.getOfficeId())
        .setPartnerId(r.getPartnerId()).setPartnerNameEn(r.getPartnerNameEn()).setPartnerNameZh(r.getPartnerNameZh())
        .setCountry(r.getCountry()).setRegion(r.getRegion()).setKind(r.getKind()).setAt(at).setScore(score)
        .setBand(band).setMomentum(0.5).setRawMomentum(10).setBreadth(0.5).setReciprocity(0).setSubstance(0.25)
        .setTrend(score - 20).setEarlierScore(20).setDaysSinceLastExchange(days)
        .setLastExchangeAt(days == null ? null : at.minusSeconds(days * 86_400L))
        .setDaysSinceLastSubstantive(days == null ? null : days + 100)
        .setLastSubstantiveAt(days == null ? null : at.minusSeconds((days + 100) * 86_400L))
        .setForecastDormantOn(LocalDate.now().plusDays(200))
        .setTopContributors(List.of(Contributor.newBuilder().setEventId("visit-1").setType("DelegationVisited")
            .setOccurredAt(at.minusSeconds(86_400)).setPointsToday(9.5).build()))
        .setExchanges(1).setModelVersion("vitality-1").build();
  }

  static OfficeRollup rollup(String office, String parent, int rank, int peers) {
    Tally tally = Tally.newBuilder().setCount(3).setPoints(24).build();
    OfficeFigures figures = OfficeFigures.newBuilder().setRelationships(2).setThriving(1).setActive(1).setCooling(0)
        .setDormant(0).setNew$(0).setScoreSum(100).setLast30Days(tally).setLast90Days(tally).setLast365Days(tally)
        .build();
    return OfficeRollup.newBuilder().setOfficeId(office).setNameEn(office + " office").setNameZh(null)
        .setParentOfficeId(parent).setAt(Instant.now()).setOwn(figures).setWithDistricts(figures)
        .setRankByActivity(rank).setPeers(peers).build();
  }

  static Alert anniversary(Relationship r, int years, LocalDate on) {
    return Alert.newBuilder().setAlertId(r.getRelationshipId() + "|ANNIVERSARY|" + on).setKind(AlertKind.ANNIVERSARY)
        .setRelationshipId(r.getRelationshipId()).setOfficeId(r.getOfficeId()).setPartnerNameEn(r.getPartnerNameEn())
        .setPartnerNameZh(r.getPartnerNameZh()).setRaisedAt(Instant.now()).setBand(Band.ACTIVE).setScore(40)
        .setAnniversaryYears(years).setAnniversaryOn(on)
        .setMessage(years + "th anniversary of " + r.getPartnerNameEn() + " on " + on).setModelVersion("vitality-1")
        .build();
  }
}
