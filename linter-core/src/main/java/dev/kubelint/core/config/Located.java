package dev.kubelint.core.config;

import dev.kubelint.core.yaml.Position;

/** A configured value and where it is written, for error messages that come after reading. */
public record Located<T>(T value, Position at) {}
