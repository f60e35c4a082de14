package org.amity.producers.sheet;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * Turns a CSV file's bytes into text the way offices save them. Without a requested encoding: a byte-order mark
 * decides (UTF-8, UTF-16LE, UTF-16BE); UTF-16 without one is told by its zero bytes; otherwise UTF-8 when the bytes
 * are valid UTF-8, else GB18030 (which contains GBK and GB2312, what Excel in China saves as "CSV") when they are
 * valid in it. Nothing is ever decoded leniently: a byte that is not valid in the encoding is refused, so a
 * Chinese name cannot be stored garbled.
 */
final class CsvEncoding {
  static final Charset GB18030 = Charset.forName("GB18030");

  /** The text and the encoding it was read in. */
  record Decoded(String text, Charset encoding) {}

  private CsvEncoding() {}

  /** @param requested the encoding the user named, or null to detect it */
  static Decoded decode(byte[] bytes, Charset requested, String file) {
    Charset marked = byteOrderMark(bytes);
    Charset encoding = requested != null ? requested : marked != null ? marked : guess(bytes);
    if (encoding.equals(StandardCharsets.UTF_16) && marked != null && !marked.equals(StandardCharsets.UTF_8)) {
      encoding = marked;
    }
    int skip = marked != null && marked.equals(encoding) ? markLength(marked) : 0;
    Optional<Integer> bad = firstInvalidByte(bytes, skip, encoding);
    if (bad.isPresent()) {
      throw new SheetException(invalid(file, encoding, requested != null, bad.get(), bytes));
    }
    return new Decoded(strictly(bytes, skip, encoding), encoding);
  }

  private static Charset guess(byte[] bytes) {
    Charset utf16 = utf16WithoutMark(bytes);
    if (utf16 != null) {
      return utf16;
    }
    if (firstInvalidByte(bytes, 0, StandardCharsets.UTF_8).isEmpty()) {
      return StandardCharsets.UTF_8;
    }
    return GB18030;
  }

  private static String invalid(String file, Charset encoding, boolean requested, int offset, byte[] bytes) {
    int line = lineOf(bytes, offset);
    String zh = file + "：第 " + line + " 行（第 " + (offset + 1) + " 个字节）不是有效的 " + encoding.name() + " 文本";
    String en = file + ": line " + line + " (byte " + (offset + 1) + ") is not valid " + encoding.name() + " text";
    Charset likely = requested ? likelyOther(bytes, encoding) : null;
    if (likely != null) {
      zh += "；它看起来是 " + likely.name() + " 编码，请用 --encoding " + likely.name();
      en += "; it looks like " + likely.name() + ": use --encoding " + likely.name();
    } else {
      zh += "；请在 Excel 中另存为“CSV UTF-8”，或用 --encoding 指明编码（UTF-8、GB18030、GBK、UTF-16）";
      en += "; save it from Excel as \"CSV UTF-8\", or name its encoding with --encoding (UTF-8, GB18030, GBK, UTF-16)";
    }
    return zh + " / " + en;
  }

  private static int lineOf(byte[] bytes, int offset) {
    int line = 1;
    for (int i = 0; i < offset; i++) {
      if (bytes[i] == '\n') {
        line++;
      }
    }
    return line;
  }

  /** Another encoding in which the bytes are valid, if there is one. */
  private static Charset likelyOther(byte[] bytes, Charset tried) {
    Charset marked = byteOrderMark(bytes);
    Charset guess = marked != null ? marked : guess(bytes);
    int skip = marked != null ? markLength(marked) : 0;
    if (guess.equals(tried) || firstInvalidByte(bytes, skip, guess).isPresent()) {
      return null;
    }
    return guess;
  }

  private static Charset byteOrderMark(byte[] b) {
    if (b.length >= 3 && (b[0] & 0xFF) == 0xEF && (b[1] & 0xFF) == 0xBB && (b[2] & 0xFF) == 0xBF) {
      return StandardCharsets.UTF_8;
    }
    if (b.length >= 2 && (b[0] & 0xFF) == 0xFF && (b[1] & 0xFF) == 0xFE) {
      return StandardCharsets.UTF_16LE;
    }
    if (b.length >= 2 && (b[0] & 0xFF) == 0xFE && (b[1] & 0xFF) == 0xFF) {
      return StandardCharsets.UTF_16BE;
    }
    return null;
  }

  private static int markLength(Charset marked) {
    return marked.equals(StandardCharsets.UTF_8) ? 3 : 2;
  }

  /**
   * Text in UTF-8 or GB18030 never holds a zero byte; UTF-16 holds one in every ASCII character it has (the commas
   * and line breaks of a CSV file at least), on the odd bytes in little-endian order, the even ones in big-endian.
   */
  private static Charset utf16WithoutMark(byte[] b) {
    int sample = Math.min(b.length, 4096) & ~1;
    int evenZeros = 0;
    int oddZeros = 0;
    for (int i = 0; i < sample; i++) {
      if (b[i] == 0) {
        if (i % 2 == 0) {
          evenZeros++;
        } else {
          oddZeros++;
        }
      }
    }
    if (oddZeros >= 2 && oddZeros > 4 * evenZeros) {
      return StandardCharsets.UTF_16LE;
    }
    if (evenZeros >= 2 && evenZeros > 4 * oddZeros) {
      return StandardCharsets.UTF_16BE;
    }
    return null;
  }

  private static Optional<Integer> firstInvalidByte(byte[] bytes, int from, Charset encoding) {
    CharsetDecoder decoder = strictDecoder(encoding);
    ByteBuffer in = ByteBuffer.wrap(bytes, from, bytes.length - from);
    CharBuffer out = CharBuffer.allocate(8192);
    CoderResult result;
    while ((result = decoder.decode(in, out, true)).isOverflow()) {
      out.clear();
    }
    if (result.isError()) {
      return Optional.of(in.position());
    }
    return decoder.flush(out.clear()).isError() ? Optional.of(in.position()) : Optional.empty();
  }

  private static String strictly(byte[] bytes, int from, Charset encoding) {
    try {
      return strictDecoder(encoding).decode(ByteBuffer.wrap(bytes, from, bytes.length - from)).toString();
    } catch (java.nio.charset.CharacterCodingException e) {
      throw new IllegalStateException("checked before", e);
    }
  }

  private static CharsetDecoder strictDecoder(Charset encoding) {
    return encoding.newDecoder()
        .onMalformedInput(CodingErrorAction.REPORT)
        .onUnmappableCharacter(CodingErrorAction.REPORT);
  }
}
