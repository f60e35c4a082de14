package org.amity.producers.http;

/**
 * Where the ingest API listens and what it accepts.
 *
 * @param maxBodyBytes largest request body accepted; larger ones are answered 413
 * @param maxBatchEvents most events in one batch; more are answered 413
 */
public record IngestSettings(String host, int port, int maxBodyBytes, int maxBatchEvents) {
  public static final int DEFAULT_MAX_BODY_BYTES = 1024 * 1024;
  public static final int DEFAULT_MAX_BATCH_EVENTS = 1000;

  public static IngestSettings defaults(String host, int port) {
    return new IngestSettings(host, port, DEFAULT_MAX_BODY_BYTES, DEFAULT_MAX_BATCH_EVENTS);
  }
}
