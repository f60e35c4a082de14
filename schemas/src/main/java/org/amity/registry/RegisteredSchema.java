package org.amity.registry;

import org.apache.avro.Schema;

/** One version of a subject: the schema, its global id and its version number within the subject. */
public record RegisteredSchema(String subject, int id, int version, Schema schema) {}
