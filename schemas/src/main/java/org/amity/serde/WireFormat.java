package org.amity.serde;

/** Confluent's wire format: a magic byte, a 4-byte big-endian schema id, then the Avro binary payload. */
public final class WireFormat {
  static final byte MAGIC_BYTE = 0;
  static final int ID_SIZE = 4;
  /** Where the Avro binary payload begins. */
  public static final int HEADER_SIZE = 1 + ID_SIZE;

  private WireFormat() {}
}
