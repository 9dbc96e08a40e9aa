package dev.kubelint.cel;

/**
 * A validation rule of a CRD schema that the API server would refuse when the CRD is created: it does not compile,
 * its estimated cost is over the limit, or one of its fields is invalid.
 *
 * @param pointer   the JSON pointer of the offending field in the schema
 *                  ("/properties/spec/x-kubernetes-validations/0/rule")
 * @param fieldPath the API server's path of it below the schema
 *                  ("properties[spec].x-kubernetes-validations[0].rule")
 * @param message   what is wrong, in the API server's words
 */
public record RuleProblem(String pointer, String fieldPath, String message) {}
