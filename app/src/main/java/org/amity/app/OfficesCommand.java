package org.amity.app;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.amity.contract.InvalidInputException;
import org.amity.contract.Problem;
import org.amity.labels.Labels;
import org.amity.partners.Office;
import org.amity.producers.partners.OfficeDirectory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code amity offices ...}: the offices that keep relationships, and how they nest. */
@Command(name = "offices", header = "查看、登记和修改外办 / Lists, registers and changes offices", mixinStandardHelpOptions = true,
    description = "Lists, registers and changes offices (province, city, district, ...) and the office above each.",
    subcommands = {OfficesCommand.ListOffices.class, OfficesCommand.AddOffice.class, OfficesCommand.SetOffice.class,
        OfficesCommand.ImportOffices.class})
final class OfficesCommand {
  private static final Duration START_TIMEOUT = Duration.ofSeconds(30);

  @Command(name = "list", mixinStandardHelpOptions = true, description = "Lists every office as a tree.")
  static final class ListOffices implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    ConnectionOptions connection;

    @Override
    public Integer call() throws Exception {
      PrintWriter out = spec.commandLine().getOut();
      try (OfficeDirectory offices = OfficeDirectory.start(connection.clientConfig(), START_TIMEOUT)) {
        List<Office> tree = offices.list();
        for (Office office : tree) {
          String indent = "  ".repeat(depth(office, offices));
          out.printf("%s%s  %s（%s）  %s %s%s%n", indent, office.getOfficeId(), Objects.toString(office.getNameZh(), ""),
              office.getNameEn(), Labels.zh(office.getLevel()), office.getLevel(),
              office.getAlertContact() == null ? "" : "  " + office.getAlertContact());
        }
        out.println(tree.size() + " 个外办 / offices");
      }
      out.flush();
      return 0;
    }

    private static int depth(Office office, OfficeDirectory offices) {
      int depth = 0;
      for (Optional<Office> o = Optional.ofNullable(office.getParentOfficeId()).flatMap(offices::get);
           o.isPresent() && depth < 32; o = Optional.ofNullable(o.get().getParentOfficeId()).flatMap(offices::get)) {
        depth++;
      }
      return depth;
    }
  }

  @Command(name = "add", mixinStandardHelpOptions = true,
      description = "Registers a new office; its parent must be registered first.")
  static final class AddOffice implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    ConnectionOptions connection;

    @Option(names = "--office", required = true, description = "Office id: lower-case words joined by '-', e.g. jinan-lixia.")
    String id;

    @Mixin
    OfficeFields fields;

    @Override
    public Integer call() throws Exception {
      return MasterDataChange.run(spec, connection.clientConfig(), id, registry -> {
        if (registry.offices().exists(id)) {
          throw new InvalidInputException(List.of(Problem.of("--office",
              "该外办已登记；修改字段请用 amity offices set", "is registered already; change its fields with amity offices set")));
        }
        registry.put(fields.newOffice(id));
        return id;
      });
    }
  }

  @Command(name = "set", mixinStandardHelpOptions = true,
      description = "Changes the fields named of a registered office; every other field is kept ('--parent \"\"' removes the parent).")
  static final class SetOffice implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    ConnectionOptions connection;

    @Option(names = "--office", required = true, description = "The id of the office to change, e.g. jinan.")
    String id;

    @Mixin
    OfficeFields fields;

    @Override
    public Integer call() throws Exception {
      return MasterDataChange.run(spec, connection.clientConfig(), id, registry -> {
        Office current = registry.offices().get(id).orElseThrow(() -> new InvalidInputException(List.of(Problem.of("--office",
            "外办 " + id + " 尚未登记；新外办请用 amity offices add", "no office " + id + " is registered; add it with amity offices add"))));
        registry.put(fields.applyTo(current));
        return id;
      });
    }
  }

  @Command(name = "import", mixinStandardHelpOptions = true,
      description = {"Registers and changes offices from a spreadsheet (CSV or XLSX; English or Chinese headers, see "
          + "templates/README.md): all rows or none; a row changes only the fields its cells fill; a parent may be named by "
          + "its id or its name, and may be in the same file."},
      exitCodeListHeading = "%nExit status:%n",
      exitCodeList = {"0:imported, or checked with --dry-run", "1:bad rows: nothing written",
          "2:the file cannot be imported, or Kafka cannot be reached"})
  static final class ImportOffices extends MasterDataImportCommand implements Callable<Integer> {
    @Override
    public Integer call() {
      return run(null, (importer, options) -> importer.offices(file, options));
    }
  }
}
