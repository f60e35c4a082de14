package org.amity.producers.synthetic;

import java.util.List;
import java.util.Locale;

/** A partner's country, with its world region, for synthetic partners. */
public record Country(String code, String region) {

  static final List<Country> ALL = List.of(
      new Country("NL", "Europe"), new Country("FR", "Europe"), new Country("DE", "Europe"),
      new Country("ES", "Europe"), new Country("IT", "Europe"), new Country("PL", "Europe"),
      new Country("GB", "Europe"), new Country("TR", "Europe"), new Country("JP", "East Asia"),
      new Country("KR", "East Asia"), new Country("MN", "East Asia"), new Country("VN", "Southeast Asia"),
      new Country("TH", "Southeast Asia"), new Country("ID", "Southeast Asia"), new Country("IN", "South Asia"),
      new Country("AE", "Middle East"), new Country("EG", "Africa"), new Country("ZA", "Africa"),
      new Country("KE", "Africa"), new Country("NG", "Africa"), new Country("US", "North America"),
      new Country("CA", "North America"), new Country("MX", "Latin America"), new Country("BR", "Latin America"),
      new Country("AR", "Latin America"), new Country("AU", "Oceania"), new Country("NZ", "Oceania"));

  /** The lower-case code that starts a partner id, e.g. "nl". */
  public String slug() {
    return code.toLowerCase(Locale.ROOT);
  }
}
