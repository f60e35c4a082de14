package org.amity.producers.sheet;

import java.util.Locale;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.function.Function;
import org.amity.producers.partners.OfficeDirectory;
import org.amity.producers.partners.RelationshipDirectory;

/**
 * Finds the id behind what a cell names, by id or by name: an office ("济南市人民政府外事办公室" is jinan), or a partner of
 * an office ("萨克拉门托" is jinan/us-sacramento). Empty when it names none.
 *
 * @param office the office a cell names
 * @param partner the relationship a cell names, given the office
 */
public record NameLookup(Function<String, Optional<String>> office, BiFunction<String, String, Optional<String>> partner) {
  /** Ids only, unchecked: every cell is taken as written. */
  public static final NameLookup IDS_ONLY = new NameLookup(cell -> Optional.of(cell.toLowerCase(Locale.ROOT)),
      (office, cell) -> Optional.empty());

  public static NameLookup of(OfficeDirectory offices, RelationshipDirectory relationships) {
    return new NameLookup(offices::idOf, relationships::find);
  }
}
