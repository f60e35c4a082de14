package org.amity.consumers.report;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The font a PDF report writes Chinese with: the one given, else the one configured (system property
 * {@code amity.report.font}, env {@code AMITY_REPORT_FONT}), else the first of the usual CJK fonts of Debian, Windows
 * and macOS found on this machine.
 */
public final class ReportFont {
  static final List<String> USUAL = List.of(
      "/usr/share/fonts/truetype/wqy/wqy-microhei.ttc",
      "/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc",
      "/usr/share/fonts/truetype/arphic/uming.ttc",
      "/usr/share/fonts/truetype/droid/DroidSansFallbackFull.ttf",
      "C:/Windows/Fonts/msyh.ttc",
      "C:/Windows/Fonts/simsun.ttc",
      "/Library/Fonts/Arial Unicode.ttf");

  private ReportFont() {}

  /** The font file to use, or an error saying how to get one, in Chinese and English. */
  public static Path find(Path given) {
    String configured = given != null ? given.toString()
        : System.getProperty("amity.report.font", System.getenv("AMITY_REPORT_FONT"));
    if (configured != null && !configured.isBlank()) {
      Path path = Path.of(configured.strip());
      if (!Files.isReadable(path)) {
        throw new IllegalArgumentException("无法读取字体文件 " + path + " / The font file " + path + " cannot be read");
      }
      return path;
    }
    return USUAL.stream().map(Path::of).filter(Files::isReadable).findFirst()
        .orElseThrow(() -> new IllegalStateException("没有可用的中文字体，无法生成 PDF：请安装 fonts-wqy-microhei，"
            + "或用 amity.report.font 指定一个 TrueType 字体文件（.ttf/.ttc） / No Chinese font to write the PDF with: "
            + "install fonts-wqy-microhei, or name a TrueType font file (.ttf/.ttc) with amity.report.font"));
  }
}
