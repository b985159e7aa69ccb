package dev.vigil.storage;

/**
 * The storage could not be reached or refused an operation. Retrying may help unless
 * {@link #rejected()}: then the storage answered that the data itself is invalid, and the same
 * data will be refused again.
 */
public final class StorageException extends RuntimeException {

  private final boolean rejected;

  public StorageException(String message, Throwable cause) {
    this(message, cause, false);
  }

  public StorageException(String message) {
    super(message);
    this.rejected = false;
  }

  private StorageException(String message, Throwable cause, boolean rejected) {
    super(message, cause);
    this.rejected = rejected;
  }

  /** The storage refused the data (it could not parse or convert it); sending it again cannot succeed. */
  public static StorageException rejected(String message, Throwable cause) {
    return new StorageException(message, cause, true);
  }

  public boolean rejected() {
    return rejected;
  }
}
