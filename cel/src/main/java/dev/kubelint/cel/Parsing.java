package dev.kubelint.cel;

/** The {@code isX(string)} functions of the libraries: whether {@code x(string)} would succeed. */
final class Parsing {

    private Parsing() {}

    /** Whether a parse completes without an {@link IllegalArgumentException}. */
    static boolean succeeds(Runnable parse) {
        try {
            parse.run();
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
