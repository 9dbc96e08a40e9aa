package dev.kubelint.core.yaml;

/** How a scalar was written. Only plain scalars are typed by YAML's resolution rules. */
public enum ScalarStyle {
    PLAIN,
    SINGLE_QUOTED,
    DOUBLE_QUOTED,
    LITERAL,
    FOLDED,
    JSON_STRING;

    public boolean isQuoted() {
        return this != PLAIN;
    }
}
