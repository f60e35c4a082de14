package org.amity.app;

import org.amity.partners.Office;
import org.amity.partners.OfficeLevel;
import picocli.CommandLine.Option;

/** The fields of an office as options; one not given is left as it is. */
final class OfficeFields {
  @Option(names = "--name-en", description = "Name in English, e.g. \"Jinan Municipal Foreign Affairs Office\".")
  String nameEn;

  @Option(names = "--name-zh", description = "Name in Chinese, e.g. 济南市人民政府外事办公室.")
  String nameZh;

  @Option(names = "--level", description = "One of ${COMPLETION-CANDIDATES} (new offices: OTHER).")
  OfficeLevel level;

  @Option(names = "--parent", paramLabel = "OFFICE", description = "The office above it (a district's city), registered first.")
  String parent;

  @Option(names = "--alert-contact", paramLabel = "EMAIL", description = "Where its alerts go when no route names a recipient.")
  String alertContact;

  @Option(names = "--language", description = "zh (default) or en: the language of its alerts.")
  String language;

  @Option(names = "--time-zone", paramLabel = "ZONE", description = "Its time zone (default Asia/Shanghai).")
  String timeZone;

  Office newOffice(String id) {
    return applyTo(Office.newBuilder().setOfficeId(id).setNameEn(nameEn == null ? "" : nameEn)
        .setLevel(OfficeLevel.OTHER).build());
  }

  Office applyTo(Office current) {
    Office.Builder b = Office.newBuilder(current);
    if (nameEn != null) {
      b.setNameEn(nameEn);
    }
    if (nameZh != null) {
      b.setNameZh(nameZh);
    }
    if (level != null) {
      b.setLevel(level);
    }
    if (parent != null) {
      b.setParentOfficeId(parent.isBlank() ? null : parent);
    }
    if (alertContact != null) {
      b.setAlertContact(alertContact.isBlank() ? null : alertContact);
    }
    if (language != null) {
      b.setLanguage(language);
    }
    if (timeZone != null) {
      b.setTimeZone(timeZone);
    }
    return b.build();
  }
}
