package org.amity.app;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Callable;
import org.amity.contract.InvalidInputException;
import org.amity.contract.Problem;
import org.amity.labels.Labels;
import org.amity.partners.Relationship;
import org.amity.producers.partners.OfficeDirectory;
import org.amity.producers.partners.RelationshipDirectory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code amity partners ...}: the relationships master data. */
@Command(name = "partners", header = "查看、登记和修改友好关系 / Lists, registers and changes relationships", mixinStandardHelpOptions = true,
    description = "Lists, registers and changes relationships (an office's link to one partner).",
    subcommands = {PartnersCommand.ListPartners.class, PartnersCommand.AddPartner.class, PartnersCommand.SetPartner.class,
        PartnersCommand.ImportPartners.class})
final class PartnersCommand {
  private static final Duration START_TIMEOUT = Duration.ofSeconds(30);

  @Command(name = "list", mixinStandardHelpOptions = true, description = "Lists the relationships, of one office or all.")
  static final class ListPartners implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    ConnectionOptions connection;

    @Option(names = "--office", description = "Only this office's relationships: its id or registered name.")
    String office;

    @Override
    public Integer call() throws Exception {
      PrintWriter out = spec.commandLine().getOut();
      try (OfficeDirectory offices = OfficeDirectory.start(connection.clientConfig(), START_TIMEOUT);
           RelationshipDirectory directory = RelationshipDirectory.start(connection.clientConfig(), START_TIMEOUT)) {
        String officeId = office == null ? null : offices.idOf(office).orElseThrow(() -> new ParameterException(
            spec.commandLine(), "--office " + Labels.both("office.unknown", office)));
        List<Relationship> relationships = directory.list(officeId);
        out.printf("%-40s %-20s %-10s %-3s %-21s %-12s %s%n", "RELATIONSHIP", "PARTNER", "中文名", "CC", "KIND",
            "STATUS 状态", "ESTABLISHED");
        for (Relationship r : relationships) {
          out.printf("%-40s %-20s %-10s %-3s %-21s %-12s %s%n", r.getRelationshipId(), r.getPartnerNameEn(),
              Objects.toString(r.getPartnerNameZh(), ""), r.getCountry(), r.getKind(),
              Labels.zh(r.getStatus()) + " " + r.getStatus(), r.getEstablishedOn() == null ? "" : r.getEstablishedOn());
        }
        out.println(relationships.size() + " 个关系 / relationships");
      }
      out.flush();
      return 0;
    }
  }

  @Command(name = "add", mixinStandardHelpOptions = true,
      description = "Registers a new relationship; one that exists is changed with 'amity partners set'.")
  static final class AddPartner implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    ConnectionOptions connection;

    @Mixin
    RelationshipKey key;

    @Mixin
    RelationshipFields fields;

    @Override
    public Integer call() throws Exception {
      List<Problem> missing = fields.missingForNew();
      if (!missing.isEmpty()) {
        return ProblemOutput.refused(spec.commandLine().getErr(), key.id(), missing);
      }
      return MasterDataChange.run(spec, connection.clientConfig(), key.id(), registry -> {
        if (registry.relationships().exists(key.id())) {
          throw new InvalidInputException(List.of(Problem.of("--partner",
              "该关系已登记；修改字段请用 amity partners set", "is registered already; change its fields with amity partners set")));
        }
        return saved(registry.put(fields.newRelationship(key.office, key.partner), fields.statusSince));
      });
    }
  }

  @Command(name = "set", mixinStandardHelpOptions = true,
      description = "Changes the fields named of a registered relationship; every other field is kept.")
  static final class SetPartner implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    ConnectionOptions connection;

    @Mixin
    RelationshipKey key;

    @Mixin
    RelationshipFields fields;

    @Override
    public Integer call() throws Exception {
      return MasterDataChange.run(spec, connection.clientConfig(), key.id(), registry -> {
        String office = registry.offices().idOf(key.office).orElseThrow(() -> new InvalidInputException(List.of(
            Problem.of("--office", Labels.format("office.unknown", Labels.ZH, key.office),
                Labels.format("office.unknown", Labels.EN, key.office)))));
        Relationship current = registry.relationships().find(office, key.partner)
            .flatMap(registry.relationships()::get).orElseThrow(() -> new InvalidInputException(List.of(
                Problem.of("--partner", "外办 " + office + " 没有编号或名称为“" + key.partner + "”的伙伴（amity partners list --office "
                    + office + " 列出全部；新关系请用 amity partners add）", "office " + office + " has no partner with the id or name \""
                    + key.partner + "\" (amity partners list --office " + office + " lists them; register a new one with amity partners add)"))));
        return saved(registry.put(fields.applyTo(current), fields.statusSince));
      });
    }
  }

  @Command(name = "import", mixinStandardHelpOptions = true,
      description = {"Registers and changes relationships from a spreadsheet (CSV or XLSX; English or Chinese headers, see "
          + "templates/README.md): all rows or none; a row changes only the fields its cells fill; a partner may be named "
          + "by its id or by its Chinese or English name."},
      exitCodeListHeading = "%nExit status:%n",
      exitCodeList = {"0:imported, or checked with --dry-run", "1:bad rows: nothing written",
          "2:the file cannot be imported, or Kafka cannot be reached"})
  static final class ImportPartners extends MasterDataImportCommand implements Callable<Integer> {
    @Option(names = "--office", paramLabel = "OFFICE",
        description = "The office the relationships belong to; rows naming another office are refused. Default: each row's office column.")
    String office;

    @Override
    public Integer call() {
      return run(office, (importer, options) -> importer.relationships(file, options));
    }
  }

  private static String saved(Relationship written) {
    return written.getRelationshipId() + ": " + Labels.zh(written.getStatus()) + " " + written.getStatus();
  }
}
