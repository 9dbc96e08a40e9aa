/**
 * The Kubernetes CEL environment of a target release ({@link dev.kubelint.cel.KubernetesCel}): CEL's standard
 * macros and functions, the Kubernetes libraries (lists, regex, URLs, quantity, IP and CIDR, format, semver), the
 * strings, sets and optional extensions and two-variable comprehensions where the release has them; types derived
 * from OpenAPI schemas ({@link dev.kubelint.cel.SchemaTypes}); a static cost estimate and a runtime cost limit for
 * every expression; and the evaluation of CustomResourceDefinition validation rules
 * ({@link dev.kubelint.cel.ValidationRules}).
 */
package dev.kubelint.cel;
