package org.amity.contract;

import java.util.List;
import java.util.stream.Collectors;

/** Input (an event, a batch, a relationship) refused before anything was written, with every problem found. */
public class InvalidInputException extends RuntimeException {
  private final List<Problem> problems;

  public InvalidInputException(List<Problem> problems) {
    super(problems.stream().map(Problem::toString).collect(Collectors.joining("; ")));
    this.problems = List.copyOf(problems);
  }

  public List<Problem> problems() {
    return problems;
  }
}
