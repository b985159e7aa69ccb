package dev.vigil.storage;

/** The storage could not be reached or refused an operation; the operation may be retried. */
public final class StorageException extends RuntimeException {

  public StorageException(String message, Throwable cause) {
    super(message, cause);
  }

  public StorageException(String message) {
    super(message);
  }
}
