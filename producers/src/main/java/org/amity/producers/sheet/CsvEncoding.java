package org.amity.producers.sheet;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Reads a CSV file's bytes as text the way offices save them, streaming. Without a requested encoding: a byte-order
 * mark decides (UTF-8, UTF-16LE, UTF-16BE); UTF-16 without one is told by its zero bytes; otherwise UTF-8 when the
 * bytes are valid UTF-8, else GB18030 (which contains GBK and GB2312, what Excel in China saves as "CSV") when they
 * are valid in it. Nothing is ever decoded leniently: the whole file is checked before any of it is read, and a byte
 * that is not valid in the encoding is refused, so a Chinese name cannot be stored garbled.
 */
final class CsvEncoding {
  static final Charset GB18030 = Charset.forName("GB18030");
  private static final int BUFFER = 64 * 1024;
  private static final int SAMPLE = 4096;

  /** The encoding a file is read in and the length of the byte-order mark to skip. */
  record Detected(Charset encoding, int skip) {}

  /** The first byte that is not valid text: its offset in the file and its line (1-based). */
  private record Invalid(long offset, long line) {}

  private CsvEncoding() {}

  /**
   * @param requested the encoding the user named, or null to detect it
   * @throws SheetException naming the line and byte of the first byte that is not valid in the encoding
   */
  static Detected check(Path file, Charset requested) throws IOException {
    byte[] start = start(file);
    Charset marked = byteOrderMark(start);
    Charset encoding = requested != null ? requested : marked != null ? marked : guess(file, start);
    if (encoding.equals(StandardCharsets.UTF_16) && marked != null && !marked.equals(StandardCharsets.UTF_8)) {
      encoding = marked;
    }
    int skip = marked != null && marked.equals(encoding) ? markLength(marked) : 0;
    Optional<Invalid> bad = firstInvalid(file, skip, encoding);
    if (bad.isPresent()) {
      Charset likely = requested != null ? likelyOther(file, start, encoding) : null;
      throw new SheetException(invalid(file, encoding, likely, bad.get()));
    }
    return new Detected(encoding, skip);
  }

  /** The file's text, after {@link #check}; a byte that is not valid still fails rather than read garbled. */
  static Reader reader(Path file, Detected detected) throws IOException {
    InputStream in = Files.newInputStream(file);
    try {
      in.skipNBytes(detected.skip());
      return new InputStreamReader(in, strictDecoder(detected.encoding()));
    } catch (IOException e) {
      in.close();
      throw e;
    }
  }

  private static Charset guess(Path file, byte[] start) throws IOException {
    Charset utf16 = utf16WithoutMark(start);
    if (utf16 != null) {
      return utf16;
    }
    return firstInvalid(file, 0, StandardCharsets.UTF_8).isEmpty() ? StandardCharsets.UTF_8 : GB18030;
  }

  private static String invalid(Path file, Charset encoding, Charset likely, Invalid bad) {
    String zh = file + "：第 " + bad.line() + " 行（第 " + (bad.offset() + 1) + " 个字节）不是有效的 " + encoding.name() + " 文本";
    String en = file + ": line " + bad.line() + " (byte " + (bad.offset() + 1) + ") is not valid " + encoding.name() + " text";
    if (likely != null) {
      zh += "；它看起来是 " + likely.name() + " 编码，请用 --encoding " + likely.name();
      en += "; it looks like " + likely.name() + ": use --encoding " + likely.name();
    } else {
      zh += "；请在 Excel 中另存为“CSV UTF-8”，或用 --encoding 指明编码（UTF-8、GB18030、GBK、UTF-16）";
      en += "; save it from Excel as \"CSV UTF-8\", or name its encoding with --encoding (UTF-8, GB18030, GBK, UTF-16)";
    }
    return zh + " / " + en;
  }

  /** Another encoding in which the whole file is valid, if there is one. */
  private static Charset likelyOther(Path file, byte[] start, Charset tried) throws IOException {
    Charset marked = byteOrderMark(start);
    Charset guess = marked != null ? marked : guess(file, start);
    int skip = marked != null ? markLength(marked) : 0;
    if (guess.equals(tried) || firstInvalid(file, skip, guess).isPresent()) {
      return null;
    }
    return guess;
  }

  private static byte[] start(Path file) throws IOException {
    try (InputStream in = Files.newInputStream(file)) {
      return in.readNBytes(SAMPLE);
    }
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
  private static Charset utf16WithoutMark(byte[] start) {
    int sample = start.length & ~1;
    int evenZeros = 0;
    int oddZeros = 0;
    for (int i = 0; i < sample; i++) {
      if (start[i] == 0) {
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

  /** Decodes the file from {@code skip} in buffers, counting line breaks, until the end or the first invalid byte. */
  private static Optional<Invalid> firstInvalid(Path file, long skip, Charset encoding) throws IOException {
    CharsetDecoder decoder = strictDecoder(encoding);
    ByteBuffer in = ByteBuffer.allocate(BUFFER);
    CharBuffer out = CharBuffer.allocate(BUFFER);
    long offset = skip;
    long line = 1;
    try (InputStream stream = Files.newInputStream(file)) {
      stream.skipNBytes(skip);
      boolean end = false;
      while (!end) {
        int read = stream.read(in.array(), in.position(), in.remaining());
        end = read < 0;
        in.position(in.position() + Math.max(read, 0)).flip();
        CoderResult result;
        do {
          result = decoder.decode(in, out.clear(), end);
          line += lineBreaks(out.flip());
        } while (result.isOverflow());
        if (result.isError()) {
          return Optional.of(new Invalid(offset + in.position(), line));
        }
        offset += in.position();
        in.compact();
      }
    }
    return decoder.flush(out.clear()).isError() ? Optional.of(new Invalid(offset, line)) : Optional.empty();
  }

  private static int lineBreaks(CharBuffer chars) {
    int count = 0;
    while (chars.hasRemaining()) {
      if (chars.get() == '\n') {
        count++;
      }
    }
    return count;
  }

  private static CharsetDecoder strictDecoder(Charset encoding) {
    return encoding.newDecoder()
        .onMalformedInput(CodingErrorAction.REPORT)
        .onUnmappableCharacter(CodingErrorAction.REPORT);
  }
}
