package org.amity.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.Appender;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

class LogFormatTest {
  private final Logger root = ((LoggerContext) LoggerFactory.getILoggerFactory()).getLogger(Logger.ROOT_LOGGER_NAME);

  @Test
  void jsonWritesOneObjectPerLineWithTheRequestId() throws Exception {
    List<Appender<ILoggingEvent>> before = new ArrayList<>();
    root.iteratorForAppenders().forEachRemaining(before::add);
    PrintStream out = System.out;
    ByteArrayOutputStream captured = new ByteArrayOutputStream();
    try {
      System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
      LogFormat.apply(Map.of(LogFormat.VARIABLE, "JSON"));
      MDC.put("request_id", "batch-42");
      LoggerFactory.getLogger("org.amity.access").warn("POST {} {}", "/api/v1/events", 202);
    } finally {
      MDC.remove("request_id");
      System.setOut(out);
      root.detachAndStopAllAppenders();
      before.forEach(appender -> {
        appender.start();
        root.addAppender(appender);
      });
    }
    String line = captured.toString(StandardCharsets.UTF_8).lines()
        .filter(l -> l.contains("org.amity.access")).findFirst().orElseThrow();
    JsonNode json = new ObjectMapper().readTree(line);
    assertThat(json.path("level").asText()).isEqualTo("WARN");
    assertThat(json.path("loggerName").asText()).isEqualTo("org.amity.access");
    assertThat(json.path("mdc").path("request_id").asText()).isEqualTo("batch-42");
    assertThat(json.path("formattedMessage").asText()).isEqualTo("POST /api/v1/events 202");
  }

  @Test
  void anUnknownFormatIsRefusedByName() {
    assertThatThrownBy(() -> LogFormat.apply(Map.of(LogFormat.VARIABLE, "xml")))
        .hasMessageContaining("AMITY_LOG_FORMAT", "text 或 json", "must be text or json, not \"xml\"");
  }
}
