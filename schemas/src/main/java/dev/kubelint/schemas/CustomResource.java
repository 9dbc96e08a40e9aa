package dev.kubelint.schemas;

import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The path a created custom resource takes through the API server around the OpenAPI validation of its
 * CustomResourceDefinition version's schema:
 * <ol>
 * <li>{@link #decode}: {@code status} is dropped when the version has the status subresource (a create ignores it),
 * then the schema's defaults are applied ({@link StructuralSchema#applyDefaults});</li>
 * <li>the OpenAPI validation of the defaulted object ({@link KindSchema});</li>
 * <li>{@link #afterValidation}: the checks that need the defaulted object with the schema of each value
 * ({@code x-kubernetes-list-type} uniqueness), and that the object has a name.</li>
 * </ol>
 * Further checks of custom resources (such as {@code x-kubernetes-validations} rules) belong in
 * {@link #afterValidation}, over the same defaulted object, walked with {@link StructuralSchema#walk}.
 *
 * @param schema            the version's {@code openAPIV3Schema} as the definition gives it
 * @param statusSubresource whether the version enables the status subresource
 */
record CustomResource(ObjectNode schema, boolean statusSubresource) {

    /**
     * Decodes an object (the JSON that kubectl sends) in place as the API server does on create.
     *
     * @return whether the object was changed
     */
    boolean decode(JsonNode object) {
        if (!(object instanceof ObjectNode root)) {
            return false;
        }
        boolean changed = statusSubresource && root.remove("status") != null;
        return StructuralSchema.applyDefaults(schema, root) | changed;
    }

    /** The problems found after the OpenAPI validation, in the API server's words. */
    List<SchemaProblem> afterValidation(JsonNode object, String kind) {
        List<SchemaProblem> problems = new ArrayList<>();
        if (object instanceof ObjectNode root) {
            JsonNode metadata = root.path("metadata");
            if (metadata.isMissingNode()
                    || metadata.isObject() && blank(metadata.get("name")) && blank(metadata.get("generateName"))) {
                problems.add(new SchemaProblem(
                        SchemaProblem.Kind.MISSING_FIELD,
                        metadata.isMissingNode() ? "" : "/metadata",
                        metadata.isMissingNode() ? "metadata" : "name",
                        "metadata.name: Required value: name or generateName is required"));
            }
        }
        problems.addAll(StructuralSchema.listTypeProblems(schema, object));
        return problems;
    }

    private static boolean blank(JsonNode value) {
        return value == null || !value.isString() || value.stringValue().isEmpty();
    }
}
