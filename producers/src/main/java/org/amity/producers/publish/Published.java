package org.amity.producers.publish;

/**
 * Where an event landed: its topic, partition and offset. {@code duplicate} is true when the same event
 * had been written before; then this is where the first copy landed, and nothing new was written.
 */
public record Published(String eventId, String topic, int partition, long offset, boolean duplicate) {}
