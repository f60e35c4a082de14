package org.amity.consumers.notifier;

/** Sends a message to one recipient over one channel. Implementations are safe for one thread at a time. */
public interface Sender extends AutoCloseable {

  void send(Recipient recipient, Message message) throws DeliveryFailure;

  @Override
  default void close() {}
}
