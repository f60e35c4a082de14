package org.amity.producers.sheet;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.amity.contract.EventValidator;
import org.amity.contract.Problem;
import org.amity.events.AgreementKind;
import org.amity.events.AgreementSigned;
import org.amity.events.DelegationLevel;
import org.amity.events.DelegationVisited;
import org.amity.events.Direction;
import org.amity.events.Domain;
import org.amity.events.Envelope;
import org.amity.events.ExchangeProgramme;
import org.amity.events.ExhibitionHeld;
import org.amity.events.ForumHeld;
import org.amity.events.GatheringKind;
import org.amity.events.Milestone;
import org.amity.events.Money;
import org.amity.events.ProgrammeKind;
import org.amity.events.ProjectMilestone;
import org.amity.events.Venue;
import org.amity.events.VideoMeeting;
import org.amity.producers.events.EventJson;
import org.apache.avro.specific.SpecificRecord;
import org.junit.jupiter.api.Test;

/** One row to one event, for every type. */
class RowMapperTest {
  private static final Instant NOW = SheetFixtures.CLOCK.instant();

  /** Maps a row given as header, value, header, value, ... (row 2 of "visits.xlsx"). */
  private static MappedRow map(String office, String... headersAndValues) {
    List<String> headers = new ArrayList<>();
    List<String> cells = new ArrayList<>();
    for (int i = 0; i < headersAndValues.length; i += 2) {
      headers.add(headersAndValues[i]);
      cells.add(headersAndValues[i + 1]);
    }
    return new RowMapper(ColumnLayout.of(headers), office, "visits.xlsx").map(new Sheet.Row(2, cells));
  }

  private static <T extends SpecificRecord> T event(MappedRow row, Class<T> type) {
    assertThat(row.problems()).isEmpty();
    SpecificRecord event = EventJson.read(row.json(), "", NOW);
    assertThat(new EventValidator(SheetFixtures.RELATIONSHIPS::contains, SheetFixtures.CLOCK).problems(event, "")).isEmpty();
    return type.cast(event);
  }

  private static Envelope envelope(SpecificRecord event) {
    return (Envelope) event.get(0);
  }

  @Test
  void delegation() {
    DelegationVisited visit = event(map(null, "type", "delegation", "date", "2024/7/10", "end_date", "2024年7月12日",
        "partner", "Shanghai/NL-Rotterdam", "direction", "来访", "level", "head of government", "headcount", "12",
        "leader", " Mayor Ahmed Aboutaleb ", "domains", "urban；港口", "summary", "Met pupils"), DelegationVisited.class);
    assertThat(visit.getDirection()).isEqualTo(Direction.INBOUND);
    assertThat(visit.getLevel()).isEqualTo(DelegationLevel.HEAD_OF_GOVERNMENT);
    assertThat(visit.getHeadcount()).isEqualTo(12);
    assertThat(visit.getLeader()).isEqualTo("Mayor Ahmed Aboutaleb");
    assertThat(visit.getStartDate()).isEqualTo(LocalDate.of(2024, 7, 10));
    assertThat(visit.getEndDate()).isEqualTo(LocalDate.of(2024, 7, 12));
    Envelope envelope = envelope(visit);
    assertThat(envelope.getOffice()).isEqualTo("shanghai");
    assertThat(envelope.getRelationshipIds()).containsExactly("shanghai/nl-rotterdam");
    assertThat(envelope.getDomains()).containsExactly(Domain.URBAN_DEVELOPMENT, Domain.PORTS_AND_LOGISTICS);
    assertThat(envelope.getOccurredAt()).isEqualTo(Instant.parse("2024-07-10T00:00:00Z"));
    assertThat(envelope.getRecordedAt()).isEqualTo(NOW);
    assertThat(envelope.getSource()).isEqualTo("import:visits.xlsx");
    assertThat(envelope.getSummary()).isEqualTo("Met pupils");
    assertThat(envelope.getEventId()).matches("import:[0-9a-f]{32}");
  }

  @Test
  void agreementWithValueInMinorUnits() {
    AgreementSigned agreement = event(map("shanghai", "类型", "协议", "日期", "2024-06-03", "伙伴", "es-barcelona",
        "类别", "备忘录", "标题", "Memorandum on port friendship", "有效期至", "2029-06-02", "金额", "1,250,000.5", "币种", "欧元"),
        AgreementSigned.class);
    assertThat(agreement.getKind()).isEqualTo(AgreementKind.MEMORANDUM);
    assertThat(agreement.getTitle()).isEqualTo("Memorandum on port friendship");
    assertThat(agreement.getSignedOn()).isEqualTo(LocalDate.of(2024, 6, 3));
    assertThat(agreement.getValidUntil()).isEqualTo(LocalDate.of(2029, 6, 2));
    assertThat(agreement.getValue()).isEqualTo(new Money(125_000_050L, "EUR"));
    assertThat(envelope(agreement).getRelationshipIds()).containsExactly("shanghai/es-barcelona");
    assertThat(envelope(agreement).getDomains()).isEmpty();
  }

  @Test
  void exhibition() {
    ExhibitionHeld exhibition = event(map(null, "type", "ExhibitionHeld", "date", "2024-09-20", "partner", "shanghai/fr-paris",
        "title", "West Bund Museum x Centre Pompidou", "venue", "本市", "venue_name", "West Bund Museum", "held_in", "Shanghai",
        "visitors", "2000000", "domains", "CULTURE"), ExhibitionHeld.class);
    assertThat(exhibition.getVenue()).isEqualTo(Venue.HOME);
    assertThat(exhibition.getVenueName()).isEqualTo("West Bund Museum");
    assertThat(exhibition.getHeldIn()).isEqualTo("Shanghai");
    assertThat(exhibition.getVisitors()).isEqualTo(2_000_000L);
    assertThat(exhibition.getStartDate()).isEqualTo(LocalDate.of(2024, 9, 20));
    assertThat(exhibition.getEndDate()).isNull();
  }

  @Test
  void multilateralForum() {
    ForumHeld forum = event(map(null, "type", "论坛", "date", "2023-12-01", "office", "shanghai", "partner", "us-los-angeles",
        "partners", "za-johannesburg; shanghai/tr-istanbul、us-los-angeles", "kind", "forum",
        "title", "2023 Shanghai International Friendship City Cooperation Forum", "venue", "home", "held_in", "Shanghai",
        "partner_count", "13", "participants", "200"), ForumHeld.class);
    assertThat(envelope(forum).getRelationshipIds())
        .containsExactly("shanghai/us-los-angeles", "shanghai/za-johannesburg", "shanghai/tr-istanbul");
    assertThat(forum.getKind()).isEqualTo(GatheringKind.FORUM);
    assertThat(forum.getPartnerCount()).isEqualTo(13);
    assertThat(forum.getParticipants()).isEqualTo(200);
    assertThat(forum.getVenue()).isEqualTo(Venue.HOME);
  }

  @Test
  void projectMilestoneTakesItsIdFromTheTitleWhenNoneIsGiven() {
    ProjectMilestone project = event(map("shanghai", "type", "project", "date", "2024-03-01", "partner", "hn-tegucigalpa",
        "title", "Hospital project", "kind", "启动", "value", "63000000", "currency", "usd"), ProjectMilestone.class);
    assertThat(project.getProjectName()).isEqualTo("Hospital project");
    assertThat(project.getProjectId()).isEqualTo("Hospital project");
    assertThat(project.getMilestone()).isEqualTo(Milestone.LAUNCHED);
    assertThat(project.getValue()).isEqualTo(new Money(6_300_000_000L, "USD"));
    assertThat(project.getReachedOn()).isEqualTo(LocalDate.of(2024, 3, 1));

    ProjectMilestone withId = event(map("shanghai", "type", "project", "date", "2024-03-01", "partner", "hn-tegucigalpa",
        "title", "Hospital project", "project_id", "hn-hospital", "kind", "completed", "value", "8000", "currency", "日元"),
        ProjectMilestone.class);
    assertThat(withId.getProjectId()).isEqualTo("hn-hospital");
    assertThat(withId.getValue()).as("yen have no minor unit").isEqualTo(new Money(8000L, "JPY"));
  }

  @Test
  void exchangeProgramme() {
    ExchangeProgramme programme = event(map(null, "type", "交流项目", "date", "2021-08-01", "end_date", "2021-08-05",
        "partner", "shanghai-changning/jp-hirakata", "kind", "文化", "title", "Children's painting and calligraphy exchange",
        "direction", "out", "participants", "40", "domains", "教育; CULTURE"), ExchangeProgramme.class);
    assertThat(programme.getKind()).isEqualTo(ProgrammeKind.CULTURE);
    assertThat(programme.getDirection()).isEqualTo(Direction.OUTBOUND);
    assertThat(programme.getParticipants()).isEqualTo(40);
    assertThat(envelope(programme).getOffice()).isEqualTo("shanghai-changning");
    assertThat(envelope(programme).getDomains()).containsExactly(Domain.CULTURE, Domain.EDUCATION_AND_YOUTH);
  }

  @Test
  void videoMeeting() {
    VideoMeeting meeting = event(map(null, "type", "视频会议", "date", "2021-09-28", "partner", "shanghai-changning/pf-papeete",
        "title", "Student exchange project", "level", "senior official", "participants", "8"), VideoMeeting.class);
    assertThat(meeting.getTopic()).isEqualTo("Student exchange project");
    assertThat(meeting.getLevel()).isEqualTo(DelegationLevel.SENIOR_OFFICIAL);
    assertThat(meeting.getParticipants()).isEqualTo(8);
    assertThat(envelope(meeting).getOccurredAt()).isEqualTo(Instant.parse("2021-09-28T00:00:00Z"));
  }

  @Test
  void anEventIdGivenInTheRowIsKept() {
    MappedRow row = map(null, "type", "video", "date", "2021-09-28", "partner", "shanghai-changning/pf-papeete",
        "level", "DEPARTMENT", "event_id", "changning-2021-017");
    assertThat(row.eventId()).isEqualTo("changning-2021-017");
    assertThat(envelope(event(row, VideoMeeting.class)).getEventId()).isEqualTo("changning-2021-017");
  }

  @Test
  void theDerivedIdDependsOnWhatTheRowSaysNotOnHowItIsWritten() {
    MappedRow english = map(null, "type", "delegation", "date", "2024-07-10", "partner", "shanghai/nl-rotterdam",
        "direction", "in", "level", "DEPARTMENT", "domains", "CULTURE; ECONOMY_AND_TRADE");
    MappedRow chinese = map("shanghai", "伙伴", "nl-rotterdam", "领域", "经贸、文化", "类型", "代表团", "日期", "2024年7月10日",
        "方向", "来访", "级别", "部门");
    MappedRow otherDay = map(null, "type", "delegation", "date", "2024-07-11", "partner", "shanghai/nl-rotterdam",
        "direction", "in", "level", "DEPARTMENT", "domains", "CULTURE; ECONOMY_AND_TRADE");
    assertThat(chinese.eventId()).isEqualTo(english.eventId());
    assertThat(otherDay.eventId()).isNotEqualTo(english.eventId());
  }

  @Test
  void cellsAnotherTypeUsesAreRefused() {
    MappedRow row = map(null, "type", "agreement", "date", "2024-06-03", "partner", "shanghai/es-barcelona", "kind", "MEMORANDUM",
        "title", "Memorandum", "headcount", "12");
    assertThat(row.problems()).extracting(Problem::path).containsExactly("headcount");
    assertThat(row.problems().get(0).reason()).startsWith("AgreementSigned 类型的行不使用此列，请留空（AgreementSigned 使用：标题, 类别")
        .contains(" / is not used for AgreementSigned; leave it empty (AgreementSigned rows use title, kind");
  }

  @Test
  void anEmptyTypeIsRequiredWithTheTypesInChineseAndEnglish() {
    MappedRow row = map("shanghai", "类型", "", "日期", "2024-07-10", "伙伴", "nl-rotterdam");
    assertThat(row.problems()).singleElement().asString()
        .startsWith("类型: 必须填写，可用：代表团、访问（DelegationVisited）；")
        .contains(" / is required: one of DelegationVisited (delegation, visit, 代表团, 访问), ");
  }

  @Test
  void aBarePartnerIdNeedsAnOffice() {
    MappedRow row = map(null, "type", "delegation", "date", "2024-07-10", "partner", "nl-rotterdam", "direction", "in",
        "level", "DEPARTMENT");
    assertThat(row.problems()).extracting(Problem::path).containsExactly("office/办公室");
    assertThat(row.problems().get(0).reason()).contains("no office", "nl-rotterdam", "--office");
  }

  @Test
  void anOfficeCellOtherThanTheImportsOfficeIsRefused() {
    MappedRow row = map("shanghai", "type", "delegation", "office", "jinan", "date", "2024-07-10", "partner", "us-sacramento",
        "direction", "in", "level", "DEPARTMENT");
    assertThat(row.problems()).extracting(Problem::toString)
        .containsExactly("office: 为“jinan”，但本次导入属于外办“shanghai”（--office） / is \"jinan\" but this import is for office "
            + "\"shanghai\" (--office)");
  }
}
