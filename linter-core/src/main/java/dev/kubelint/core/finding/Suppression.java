package dev.kubelint.core.finding;

/** Why a finding was suppressed and how: by an object annotation or a line comment. */
public record Suppression(Kind kind, String reason, Location location) {

    public enum Kind {
        ANNOTATION,
        COMMENT
    }
}
