package org.amity.serde;

import org.apache.avro.generic.GenericEnumSymbol;
import org.apache.avro.specific.SpecificFixed;
import org.apache.avro.specific.SpecificRecord;
import org.apache.avro.util.ClassSecurityValidator;
import org.apache.avro.util.ClassSecurityValidator.ClassSecurityPredicate;

/**
 * Avro (1.12.2 on) resolves a class by name only when it is trusted. Amity trusts the classes generated from
 * its own contract (records, enums and fixed types under {@code org.amity}) and nothing else, so a schema
 * from the registry cannot make a reader load an arbitrary class.
 */
public final class ContractClasses {
  static final ClassSecurityPredicate GENERATED = ContractClasses::isGenerated;
  private static boolean trusted;

  private ContractClasses() {}

  /** Adds the contract's generated classes to Avro's trusted classes; idempotent. */
  public static synchronized void trust() {
    if (!trusted) {
      ClassSecurityValidator.setGlobal(ClassSecurityValidator.composite(ClassSecurityValidator.getGlobal(), GENERATED));
      trusted = true;
    }
  }

  static boolean isGenerated(Class<?> type) {
    return type.getName().startsWith("org.amity.")
        && (SpecificRecord.class.isAssignableFrom(type)
            || GenericEnumSymbol.class.isAssignableFrom(type)
            || SpecificFixed.class.isAssignableFrom(type));
  }
}
