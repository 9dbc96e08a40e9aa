package dev.kubelint.schemas;

import dev.kubelint.core.yaml.JsonPointers;
import java.util.List;

/**
 * Checks that collect problems as the API server's field errors: invalid values, required fields that are missing
 * and forbidden fields, each with the field path in front of its message.
 */
abstract class FieldErrors {

    /** The problems found, in the order found. */
    final List<SchemaProblem> problems;

    FieldErrors(List<SchemaProblem> problems) {
        this.problems = problems;
    }

    /** "path: Invalid value: ..." and the like: a value the server rejects. */
    final void value(String pointer, String message) {
        problems.add(SchemaProblem.value(pointer, SchemaProblems.path(pointer) + message));
    }

    /** A field the server requires and the definition leaves out. */
    final void missing(String parent, String field, String message) {
        problems.add(new SchemaProblem(
                SchemaProblem.Kind.MISSING_FIELD,
                parent,
                field,
                SchemaProblems.path(JsonPointers.child(parent, field)) + message));
    }

    /** A field the server forbids where it is. */
    final void forbidden(String pointer, String field, String message) {
        problems.add(new SchemaProblem(
                SchemaProblem.Kind.UNKNOWN_FIELD,
                pointer,
                field,
                SchemaProblems.path(pointer) + "Forbidden: " + message));
    }
}
