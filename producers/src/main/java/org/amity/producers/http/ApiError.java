package org.amity.producers.http;

import java.util.List;
import org.amity.contract.Problem;

/** An answer that is not a success: the HTTP status, what went wrong, and each problem with its field path. */
public class ApiError extends RuntimeException {
  private final int status;
  private final List<Problem> problems;

  public ApiError(int status, String message, List<Problem> problems) {
    super(message);
    this.status = status;
    this.problems = List.copyOf(problems);
  }

  public ApiError(int status, String message) {
    this(status, message, List.of());
  }

  public int status() {
    return status;
  }

  public List<Problem> problems() {
    return problems;
  }
}
