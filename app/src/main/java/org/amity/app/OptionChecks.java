package org.amity.app;

import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;

/** Ranges picocli's types do not say, refused before anything starts, in Chinese with English beside it. */
final class OptionChecks {
  private OptionChecks() {}

  static void requireAtLeast(CommandSpec spec, String option, long value, long least) {
    if (value < least) {
      throw new ParameterException(spec.commandLine(), option + " 必须至少为 " + least + "，而不是 " + value
          + " / " + option + " must be at least " + least + ", not " + value);
    }
  }
}
