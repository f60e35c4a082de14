package org.amity.app;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.amity.contract.Problem;
import org.amity.partners.PartnerLevel;
import org.amity.partners.Relationship;
import org.amity.partners.RelationshipKind;
import org.amity.partners.RelationshipStatus;
import picocli.CommandLine.Option;

/** The fields of a relationship as options; one not given is left as it is. */
final class RelationshipFields {
  @Option(names = "--name-en", description = "Partner name in English.")
  String nameEn;

  @Option(names = "--name-local", description = "Partner name in its own language.")
  String nameLocal;

  @Option(names = "--name-zh", description = "Partner name in Chinese.")
  String nameZh;

  @Option(names = "--country", description = "ISO 3166 two-letter country code, e.g. NL.")
  String country;

  @Option(names = "--region", description = "World region, e.g. Europe.")
  String region;

  @Option(names = "--kind", description = "One of ${COMPLETION-CANDIDATES} (new relationships: SISTER_CITY).")
  RelationshipKind kind;

  @Option(names = "--level", description = "One of ${COMPLETION-CANDIDATES} (new relationships: CITY).")
  PartnerLevel level;

  @Option(names = "--established", description = "Date established, e.g. 1994-05-01.")
  LocalDate established;

  @Option(names = "--status", description = "One of ${COMPLETION-CANDIDATES} (new relationships: FORMAL).")
  RelationshipStatus status;

  @Option(names = "--status-since", description = "The day the status given took effect (default: today).")
  LocalDate statusSince;

  @Option(names = "--officer", description = "The responsible officer (name or e-mail).")
  String officer;

  /** A new relationship from the options, with the defaults for what they leave out. */
  Relationship newRelationship(String office, String partner) {
    Relationship.Builder blank = Relationship.newBuilder()
        .setRelationshipId(office + "/" + partner).setOfficeId(office).setPartnerId(partner)
        .setPartnerNameEn("").setCountry("").setKind(RelationshipKind.SISTER_CITY).setPartnerLevel(PartnerLevel.CITY)
        .setStatus(RelationshipStatus.FORMAL).setUpdatedAt(Instant.now());
    return applyTo(blank.build());
  }

  /** The relationship with every field given here replaced, the others kept. */
  Relationship applyTo(Relationship current) {
    Relationship.Builder b = Relationship.newBuilder(current).setUpdatedAt(Instant.now());
    if (nameEn != null) {
      b.setPartnerNameEn(nameEn);
    }
    if (nameLocal != null) {
      b.setPartnerNameLocal(nameLocal);
    }
    if (nameZh != null) {
      b.setPartnerNameZh(nameZh);
    }
    if (country != null) {
      b.setCountry(country);
    }
    if (region != null) {
      b.setRegion(region);
    }
    if (kind != null) {
      b.setKind(kind);
    }
    if (level != null) {
      b.setPartnerLevel(level);
    }
    if (established != null) {
      b.setEstablishedOn(established);
    }
    if (status != null) {
      b.setStatus(status);
    }
    if (officer != null) {
      b.setResponsibleOfficer(officer);
    }
    return b.build();
  }

  /** What a new relationship needs. */
  List<Problem> missingForNew() {
    List<Problem> missing = new ArrayList<>();
    if (nameEn == null) {
      missing.add(Problem.of("--name-en", "新登记的关系须给出伙伴的英文名称", "a new relationship needs the partner's English name"));
    }
    if (country == null) {
      missing.add(Problem.of("--country", "新登记的关系须给出伙伴所在国家代码", "a new relationship needs the partner's country code"));
    }
    return missing;
  }
}
