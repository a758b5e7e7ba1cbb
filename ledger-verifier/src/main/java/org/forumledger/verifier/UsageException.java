package org.forumledger.verifier;

/** The command line or one of the files it names cannot be used: exit code 2. */
final class UsageException extends Exception {

  UsageException(String message) {
    super(message);
  }

  UsageException(String message, Throwable cause) {
    super(message, cause);
  }
}
