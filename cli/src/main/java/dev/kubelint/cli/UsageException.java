package dev.kubelint.cli;

/** A mistake on the command line: reported in one line, exit code 2, before anything is scanned. */
final class UsageException extends Exception {

    UsageException(String message) {
        super(message);
    }
}
