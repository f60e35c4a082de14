package org.amity.platform.kafka;

/** Thrown when the embedded Kafka broker cannot be formatted, started or reached. */
public class EmbeddedKafkaException extends RuntimeException {

    public EmbeddedKafkaException(String message, Throwable cause) {
        super(message, cause);
    }
}
