package org.amity.registry;

/**
 * A registry call that failed, with Confluent's HTTP status and error code (e.g. 404 and 40401 for an
 * unknown subject, 409 for an incompatible schema, 422 and 42201 for an invalid one).
 */
public class RegistryException extends RuntimeException {
  public static final int SUBJECT_NOT_FOUND = 40401;
  public static final int VERSION_NOT_FOUND = 40402;
  public static final int SCHEMA_NOT_FOUND = 40403;
  public static final int SUBJECT_COMPATIBILITY_NOT_CONFIGURED = 40408;
  public static final int INCOMPATIBLE_SCHEMA = 409;
  public static final int INVALID_SCHEMA = 42201;
  public static final int INVALID_VERSION = 42202;
  public static final int INVALID_COMPATIBILITY_LEVEL = 42203;
  public static final int UNAUTHORIZED = 40101;
  public static final int STORE_ERROR = 50001;
  /** Not Confluent's: the registry could not be reached at all. */
  public static final int REGISTRY_UNREACHABLE = 50300;

  private final int status;
  private final int errorCode;

  public RegistryException(int status, int errorCode, String message) {
    super(message);
    this.status = status;
    this.errorCode = errorCode;
  }

  public RegistryException(int status, int errorCode, String message, Throwable cause) {
    super(message, cause);
    this.status = status;
    this.errorCode = errorCode;
  }

  public int status() {
    return status;
  }

  public int errorCode() {
    return errorCode;
  }

  public static RegistryException subjectNotFound(String subject) {
    return new RegistryException(404, SUBJECT_NOT_FOUND, "Subject '" + subject + "' not found.");
  }

  public static RegistryException versionNotFound(String subject, int version) {
    return new RegistryException(404, VERSION_NOT_FOUND,
        "Version " + version + " not found for subject '" + subject + "'.");
  }

  public static RegistryException schemaNotFound(String what) {
    return new RegistryException(404, SCHEMA_NOT_FOUND, what + " not found.");
  }

  public static RegistryException incompatible(String subject, Iterable<String> problems) {
    return new RegistryException(409, INCOMPATIBLE_SCHEMA,
        "Schema being registered is incompatible with an earlier schema for subject \"" + subject
            + "\", details: " + String.join("; ", problems));
  }

  public static RegistryException invalidSchema(String reason) {
    return new RegistryException(422, INVALID_SCHEMA, "Invalid schema: " + reason);
  }
}
