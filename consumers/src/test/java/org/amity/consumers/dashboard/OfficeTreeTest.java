package org.amity.consumers.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import org.amity.partners.Office;
import org.amity.partners.OfficeLevel;
import org.amity.partners.Relationship;
import org.amity.partners.RelationshipKind;
import org.amity.partners.RelationshipStatus;
import org.junit.jupiter.api.Test;

/** Offices as a tree of any depth, and partners counted once however many offices of the tree keep them. */
class OfficeTreeTest {
  private final List<Office> offices = List.of(office("shandong", null, OfficeLevel.PROVINCE),
      office("jinan", "shandong", OfficeLevel.CITY), office("jinan-lixia", "jinan", OfficeLevel.DISTRICT),
      office("qingdao", "shandong", OfficeLevel.CITY));
  private final List<Relationship> relationships = List.of(relationship("jinan/us-sacramento", RelationshipStatus.FORMAL),
      relationship("jinan-lixia/us-sacramento", RelationshipStatus.FORMAL),
      relationship("jinan-lixia/pt-cascais", RelationshipStatus.LETTER_OF_INTENT),
      relationship("jinan/ca-regina", RelationshipStatus.ENDED),
      relationship("qingdao/fr-brest", RelationshipStatus.SUSPENDED));
  private final List<String> ids = List.of("qingdao", "jinan-lixia", "shandong", "jinan");

  @Test
  void aProvinceSeesItsCitiesAndTheirDistrictsInTreeOrderWithTheirDepth() {
    OfficeTree tree = new OfficeTree(ids, offices, relationships);
    assertThat(tree.ordered(ids)).containsExactly("shandong", "jinan", "jinan-lixia", "qingdao");
    assertThat(tree.depth("shandong")).isZero();
    assertThat(tree.depth("jinan-lixia")).isEqualTo(2);
  }

  @Test
  void aPartnerOfACityAndOfItsDistrictIsOnePartnerAndEndedOrSuspendedOnesAreNone() {
    OfficeTree tree = new OfficeTree(ids, offices, relationships);
    assertThat(tree.partners("jinan")).as("Sacramento; Regina has ended").isEqualTo(1);
    assertThat(tree.partnersWithDescendants("jinan")).as("Sacramento once, Cascais").isEqualTo(2);
    assertThat(tree.partnersWithDescendants("shandong")).as("not Qingdao's suspended Brest").isEqualTo(2);
    assertThat(tree.partners("shandong")).isZero();
  }

  private static Office office(String id, String parent, OfficeLevel level) {
    return Office.newBuilder().setOfficeId(id).setNameEn(id).setLevel(level).setParentOfficeId(parent).build();
  }

  private static Relationship relationship(String id, RelationshipStatus status) {
    return Relationship.newBuilder(Fixtures.relationship(id, id, null, "US", null, RelationshipKind.SISTER_CITY,
        LocalDate.of(1985, 5, 3))).setStatus(status).build();
  }
}
