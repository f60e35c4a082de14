package org.amity.app;

import picocli.CommandLine.Option;

/** Which relationship a command is about: an office and one of its partners. */
final class RelationshipKey {
  @Option(names = "--office", required = true, description = "Office id, e.g. jinan.")
  String office;

  @Option(names = "--partner", required = true, description = "Partner id: country code and place, e.g. us-sacramento.")
  String partner;

  String id() {
    return office + "/" + partner;
  }
}
