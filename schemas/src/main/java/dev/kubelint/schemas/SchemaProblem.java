package dev.kubelint.schemas;

/**
 * One way an object fails its schema, ready to be shown to a person.
 *
 * @param kind    where the finding belongs: on a value, on an unknown field's key, or on the parent of a missing field
 * @param pointer JSON pointer relative to the object's root: the value's, the unknown field's, or the parent's of
 *                the missing field
 * @param field   the unknown or missing field's name; empty for a problem with a value
 * @param message the whole message, such as {@code spec.replicas: expected integer, found string "two"}
 */
public record SchemaProblem(Kind kind, String pointer, String field, String message) {

    /** A problem with the value at {@code pointer}. */
    public static SchemaProblem value(String pointer, String message) {
        return new SchemaProblem(Kind.VALUE, pointer, "", message);
    }

    /** How a problem is placed in the source. */
    public enum Kind {
        /** A value has the wrong type or form: report on the value. */
        VALUE,
        /** A field the schema does not know: report on its key. */
        UNKNOWN_FIELD,
        /** A required field is absent: report on the key of the object that lacks it. */
        MISSING_FIELD
    }
}
