package org.amity.serde;

import static org.assertj.core.api.Assertions.assertThat;

import org.amity.contract.Topics;
import org.amity.events.DelegationVisited;
import org.amity.events.Domain;
import org.amity.partners.Office;
import org.junit.jupiter.api.Test;

class ContractClassesTest {
  @Test
  void theContractsGeneratedRecordsAndEnumsAreTrusted() {
    assertThat(ContractClasses.isGenerated(DelegationVisited.class)).isTrue();
    assertThat(ContractClasses.isGenerated(Office.class)).isTrue();
    assertThat(ContractClasses.isGenerated(Domain.class)).isTrue();
  }

  @Test
  void otherClassesAreNotTrusted() {
    assertThat(ContractClasses.isGenerated(Topics.class)).isFalse();
    assertThat(ContractClasses.isGenerated(java.io.File.class)).isFalse();
    assertThat(ContractClasses.isGenerated(org.apache.avro.specific.SpecificRecordBase.class)).isFalse();
  }
}
