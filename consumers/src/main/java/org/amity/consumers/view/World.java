package org.amity.consumers.view;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The countries and continents of the world map the dashboard ships ({@code dashboard/world.json}, written by
 * tools/world-map): each country's names and continent. Taiwan, Hong Kong and Macao are part of China.
 */
public final class World {
  public record Country(String code, String nameEn, String nameZh, String continent) {}

  public record Continent(String code, String nameEn, String nameZh) {}

  private static final World SHIPPED = read();

  private final Map<String, Country> countries;
  private final Map<String, Continent> continents;
  private final Map<String, String> partOfChina;

  private World(Map<String, Country> countries, Map<String, Continent> continents, Map<String, String> partOfChina) {
    this.countries = countries;
    this.continents = continents;
    this.partOfChina = partOfChina;
  }

  public static World shipped() {
    return SHIPPED;
  }

  /** The country of an ISO 3166-1 alpha-2 code, in any case; TW, HK and MO give China. */
  public Optional<Country> country(String code) {
    if (code == null) {
      return Optional.empty();
    }
    String upper = code.trim().toUpperCase(Locale.ROOT);
    return Optional.ofNullable(countries.get(partOfChina.getOrDefault(upper, upper)));
  }

  /** The inhabited continents, in the map's order. */
  public Map<String, Continent> continents() {
    return continents;
  }

  private static World read() {
    try (InputStream in = World.class.getResourceAsStream("/dashboard/world.json")) {
      if (in == null) {
        throw new IllegalStateException("Missing resource /dashboard/world.json");
      }
      JsonNode world = new ObjectMapper().readTree(in);
      Map<String, Country> countries = new LinkedHashMap<>();
      world.get("countries").fields().forEachRemaining(e -> countries.put(e.getKey(), new Country(e.getKey(),
          e.getValue().get("en").asText(), e.getValue().get("zh").asText(), e.getValue().get("continent").asText())));
      Map<String, Continent> continents = new LinkedHashMap<>();
      world.get("continents").fields().forEachRemaining(e -> continents.put(e.getKey(),
          new Continent(e.getKey(), e.getValue().get("en").asText(), e.getValue().get("zh").asText())));
      Map<String, String> partOfChina = new LinkedHashMap<>();
      world.get("partOfChina").forEach(code -> partOfChina.put(code.asText(), "CN"));
      return new World(countries, continents, partOfChina);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
