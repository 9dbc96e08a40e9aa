package dev.kubelint.core.yaml;

import java.util.Optional;

/** One document of a YAML stream; {@code root} is absent for an empty document. */
public record YamlDocument(int index, Optional<YamlNode> root, Span span) {}
