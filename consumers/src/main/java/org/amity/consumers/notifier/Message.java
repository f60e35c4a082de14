package org.amity.consumers.notifier;

import java.util.Map;

/**
 * What to send, ready for any channel: a subject and plain text for mail, the same text plus structured fields for
 * a webhook's JSON, and an id that stays the same for the same alert and recipient (the mail's Message-ID, the
 * webhook's Idempotency-Key), so that a receiver can recognise a repeat.
 */
public record Message(String subject, String text, Map<String, Object> fields, String id) {}
