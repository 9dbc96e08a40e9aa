package dev.kubelint.core.run;

/**
 * A user's option cannot be used: an unknown value, a missing configuration file, a bad glob. The message is
 * written for the user and names the option the way both front ends share (for example {@code failOn}); each
 * front end shows it in its own way (a usage error and exit code 2, a failed Maven build).
 */
public final class OptionsException extends Exception {

    public OptionsException(String message) {
        super(message);
    }

    public OptionsException(String message, Throwable cause) {
        super(message, cause);
    }
}
