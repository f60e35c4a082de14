package org.amity.app;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.amity.partners.PartnerLevel;
import org.amity.partners.Relationship;
import org.amity.partners.RelationshipKind;
import org.amity.partners.RelationshipStatus;
import org.amity.contract.InvalidInputException;
import org.amity.producers.partners.PartnerRegistry;
import org.amity.producers.partners.RelationshipDirectory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code amity partners ...}: the relationships master data. */
@Command(name = "partners", mixinStandardHelpOptions = true,
    description = "Lists and registers relationships (an office's link to one partner).",
    subcommands = {PartnersCommand.ListPartners.class, PartnersCommand.AddPartner.class})
final class PartnersCommand {

  @Command(name = "list", mixinStandardHelpOptions = true, description = "Lists the relationships, of one office or all.")
  static final class ListPartners implements Callable<Integer> {
    @Mixin
    ConnectionOptions connection;

    @Option(names = "--office", description = "Only this office's relationships.")
    String office;

    @Override
    public Integer call() throws Exception {
      try (RelationshipDirectory directory = RelationshipDirectory.start(connection.clientConfig(), Duration.ofSeconds(30))) {
        List<Relationship> relationships = directory.list(office);
        System.out.printf("%-40s %-20s %-3s %-21s %-16s %s%n", "RELATIONSHIP", "PARTNER", "CC", "KIND", "STATUS", "ESTABLISHED");
        for (Relationship r : relationships) {
          System.out.printf("%-40s %-20s %-3s %-21s %-16s %s%n", r.getRelationshipId(), r.getPartnerNameEn(), r.getCountry(),
              r.getKind(), r.getStatus(), r.getEstablishedOn() == null ? "" : r.getEstablishedOn());
        }
        System.out.println(relationships.size() + " relationships");
      }
      return 0;
    }
  }

  @Command(name = "add", mixinStandardHelpOptions = true,
      description = "Registers a relationship, or updates it when it exists (the newest record wins).")
  static final class AddPartner implements Callable<Integer> {
    @Mixin
    ConnectionOptions connection;

    @Option(names = "--office", required = true, description = "Office id, e.g. shanghai.")
    String office;

    @Option(names = "--partner", required = true, description = "Partner id: country code and place, e.g. nl-rotterdam.")
    String partner;

    @Option(names = "--name-en", required = true, description = "Partner name in English.")
    String nameEn;

    @Option(names = "--name-local", description = "Partner name in its own language.")
    String nameLocal;

    @Option(names = "--name-zh", description = "Partner name in Chinese.")
    String nameZh;

    @Option(names = "--country", required = true, description = "ISO 3166 two-letter country code, e.g. NL.")
    String country;

    @Option(names = "--region", description = "World region, e.g. Europe.")
    String region;

    @Option(names = "--kind", defaultValue = "SISTER_CITY", description = "One of ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
    RelationshipKind kind;

    @Option(names = "--level", defaultValue = "CITY", description = "One of ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
    PartnerLevel level;

    @Option(names = "--established", description = "Date established, e.g. 1994-05-01.")
    LocalDate established;

    @Option(names = "--status", defaultValue = "FORMAL", description = "One of ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
    RelationshipStatus status;

    @Option(names = "--officer", description = "The responsible officer (name or e-mail).")
    String officer;

    @Override
    public Integer call() throws Exception {
      Relationship relationship = Relationship.newBuilder()
          .setRelationshipId(office + "/" + partner).setOfficeId(office).setPartnerId(partner)
          .setPartnerNameEn(nameEn).setPartnerNameLocal(nameLocal).setPartnerNameZh(nameZh)
          .setCountry(country).setRegion(region).setKind(kind).setPartnerLevel(level)
          .setEstablishedOn(established).setStatus(status).setResponsibleOfficer(officer)
          .setUpdatedAt(Instant.now()).build();
      Map<String, Object> config = connection.clientConfig();
      try (RelationshipDirectory directory = RelationshipDirectory.start(config, Duration.ofSeconds(30));
           PartnerRegistry registry = new PartnerRegistry(config, directory, Clock.systemUTC())) {
        registry.put(relationship);
        System.out.println("registered " + relationship.getRelationshipId());
        return 0;
      } catch (InvalidInputException e) {
        e.problems().forEach(p -> System.err.println(p.path() + ": " + p.reason()));
        return 1;
      }
    }
  }
}
