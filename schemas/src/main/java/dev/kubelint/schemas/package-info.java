/**
 * Kubernetes schemas for kubelint: the bundled schemas of each supported Kubernetes version and what they serve
 * ({@link dev.kubelint.schemas.BuiltinSchemas}, {@link dev.kubelint.schemas.ApiLifecycle}), custom resources
 * ({@link dev.kubelint.schemas.CustomResourceDefinitions}, {@link dev.kubelint.schemas.ExtraSchemas}), and
 * validation of an object against the schema of its kind ({@link dev.kubelint.schemas.KindSchema}) with problems
 * a person can act on ({@link dev.kubelint.schemas.SchemaProblem}).
 *
 * <p>Schemas are networknt json-schema-validator schemas (OpenAPI 3.0 dialect) compiled once per JVM, lazily, per
 * kind and strictness, and safe to share between threads. Nothing is fetched from the network or read outside
 * the class path and the schema locations a user names.
 */
package dev.kubelint.schemas;
