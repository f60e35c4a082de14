package org.amity.app;

import picocli.CommandLine.Option;

/** Which relationship a command is about: an office and one of its partners. */
final class RelationshipKey {
  @Option(names = "--office", required = true, description = "Office id, e.g. jinan (to change a relationship, also the office's registered name).")
  String office;

  @Option(names = "--partner", required = true, description = "Partner id: country code and place, e.g. us-sacramento (to change a relationship, also the partner's Chinese or English name).")
  String partner;

  String id() {
    return office + "/" + partner;
  }
}
