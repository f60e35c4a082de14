package org.amity.app;

import java.io.PrintWriter;
import java.util.List;
import org.amity.contract.Problem;

/** Refused input on the command line: one line per problem, field first. */
final class ProblemOutput {
  private ProblemOutput() {}

  static int refused(PrintWriter err, String what, List<Problem> problems) {
    err.println(what + "：未写入任何内容 / nothing was written:");
    problems.forEach(p -> err.println("  " + p.path() + ": " + p.reason()));
    err.flush();
    return 1;
  }
}
