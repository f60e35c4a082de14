package org.amity.app;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.JsonEncoder;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.ConsoleAppender;
import java.util.Locale;
import java.util.Map;
import org.slf4j.LoggerFactory;

/**
 * How the console log is written: text lines (the default), or with {@code AMITY_LOG_FORMAT=json} one JSON object per
 * line by logback's own JsonEncoder, for a log collector: level, logger, the message as written and its pattern with
 * its arguments, and the request id in {@code mdc}.
 */
final class LogFormat {
  static final String VARIABLE = "AMITY_LOG_FORMAT";

  private LogFormat() {}

  /** Applies the format the environment asks for; IllegalArgumentException names a value that is no format. */
  static void apply(Map<String, String> env) {
    String format = env.getOrDefault(VARIABLE, "text").strip().toLowerCase(Locale.ROOT);
    switch (format) {
      case "text", "" -> { }
      case "json" -> json();
      default -> throw new IllegalArgumentException(VARIABLE + " 须为 text 或 json，而不是“" + env.get(VARIABLE)
          + "” / " + VARIABLE + " must be text or json, not \"" + env.get(VARIABLE) + "\"");
    }
  }

  private static void json() {
    LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
    JsonEncoder encoder = new JsonEncoder();
    encoder.setContext(context);
    encoder.setWithContext(false);
    encoder.setWithSequenceNumber(false);
    encoder.setWithNanoseconds(false);
    encoder.setWithFormattedMessage(true);
    encoder.start();
    ConsoleAppender<ILoggingEvent> console = new ConsoleAppender<>();
    console.setContext(context);
    console.setName("JSON");
    console.setEncoder(encoder);
    console.start();
    Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
    root.detachAndStopAllAppenders();
    root.addAppender(console);
  }
}
