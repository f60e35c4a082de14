package org.amity.producers.sheet;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.amity.contract.EventType;
import org.amity.contract.EventTypes;
import org.amity.events.Money;
import org.apache.avro.Schema;

/**
 * How a row of an exchange log fills the fields of one event type, as the type's declaration names the columns
 * ({@link EventType#sheetColumns()}).
 *
 * @param fields the type's own fields a row fills, in the schema's order
 * @param columns every column rows of the type may fill beyond the envelope's
 */
record SheetForm(EventType eventType, List<Filled> fields, Set<Column> columns) {
  /** What a cell can fill: a word of a vocabulary, text, a whole number or a day, {@code Money}. */
  private static final Set<Schema.Type> FILLABLE = EnumSet.of(Schema.Type.ENUM, Schema.Type.STRING, Schema.Type.INT,
      Schema.Type.LONG, Schema.Type.RECORD);
  private static final Map<String, SheetForm> BY_TYPE = new LinkedHashMap<>();

  static {
    for (EventType type : EventTypes.all()) {
      if (type.imported()) {
        BY_TYPE.put(type.name(), of(type));
      }
    }
  }

  /**
   * One field and the columns that may fill it: the first of them that is not empty.
   *
   * @param schema the field's schema, null taken out of a union
   */
  record Filled(Schema.Field field, Schema schema, List<Column> columns) {}

  String type() {
    return eventType.name();
  }

  /** The form of a type offices may import; an empty form for any other name. */
  static SheetForm of(String type) {
    SheetForm form = BY_TYPE.get(type);
    return form != null ? form : new SheetForm(EventTypes.EVENT_RETRACTED, List.of(), Set.of());
  }

  /** The forms of every type offices may import. */
  static List<SheetForm> all() {
    return List.copyOf(BY_TYPE.values());
  }

  private static SheetForm of(EventType type) {
    List<Filled> fields = new ArrayList<>();
    Set<Column> columns = EnumSet.noneOf(Column.class);
    for (Schema.Field field : type.schema().getFields()) {
      String headers = type.sheetColumns().get(field.name());
      if (headers == null) {
        continue;
      }
      List<Column> alternatives = Arrays.stream(headers.split("\\|")).map(header -> Column.forHeader(header)
          .orElseThrow(() -> new IllegalStateException(type.name() + "." + field.name() + ": no column " + header)))
          .toList();
      Schema schema = EventType.withoutNull(field.schema());
      if (!FILLABLE.contains(schema.getType()) || schema.getType() == Schema.Type.RECORD && !schema.equals(Money.SCHEMA$)) {
        throw new IllegalStateException(type.name() + "." + field.name() + ": no column can fill a " + schema.getName());
      }
      fields.add(new Filled(field, schema, alternatives));
      columns.addAll(alternatives);
      if (schema.getType() == Schema.Type.RECORD) {
        columns.add(Column.CURRENCY);
      }
    }
    for (String name : type.sheetColumns().keySet()) {
      if (type.schema().getField(name) == null) {
        throw new IllegalStateException(type.name() + " has no field " + name + " for a column to fill");
      }
    }
    return new SheetForm(type, List.copyOf(fields), Collections.unmodifiableSet(columns));
  }

}
