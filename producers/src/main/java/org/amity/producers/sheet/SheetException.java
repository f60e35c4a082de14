package org.amity.producers.sheet;

/** A spreadsheet that cannot be imported at all: not CSV or XLSX, unreadable, or without a recognisable header. */
public class SheetException extends RuntimeException {
  public SheetException(String message) {
    super(message);
  }

  public SheetException(String message, Throwable cause) {
    super(message, cause);
  }
}
