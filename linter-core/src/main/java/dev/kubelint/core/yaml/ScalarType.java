package dev.kubelint.core.yaml;

/** The JSON type a scalar has after kubectl's YAML-to-JSON conversion. */
public enum ScalarType {
    STRING("string"),
    BOOLEAN("boolean"),
    INTEGER("integer"),
    FLOAT("number"),
    NULL("null");

    private final String jsonName;

    ScalarType(String jsonName) {
        this.jsonName = jsonName;
    }

    public String jsonName() {
        return jsonName;
    }
}
