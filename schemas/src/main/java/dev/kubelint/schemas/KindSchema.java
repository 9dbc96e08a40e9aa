package dev.kubelint.schemas;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import dev.kubelint.core.util.Lazy;
import dev.kubelint.core.yaml.JsonPointers;
import dev.kubelint.core.yaml.ScalarStyle;
import dev.kubelint.core.yaml.YamlNode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import tools.jackson.databind.JsonNode;

/**
 * The schema of one kind: a built-in kind of a bundled Kubernetes version, a custom resource defined by a
 * CustomResourceDefinition, or a kind given as a JSON Schema file. It is compiled on first use, once for each
 * strictness, and may then be used by any number of threads.
 */
public final class KindSchema {

    /** Builds the document to compile, for a strictness; the root schema sits at {@code fragment} in it. */
    interface Preparation extends Function<Boolean, JsonNode> {}

    /**
     * What a kind's schema is compiled from: the IRI of its document (relative references resolve against it), the
     * JSON pointer of the root schema in that document, and how to build the document.
     */
    record Source(String iri, String fragment, Preparation preparation) {}

    /**
     * The prepared document, the fast test of validity over it (absent if it cannot be built), and the validator's
     * compiled schema. For the bundled schemas, which are known to compile, the validator's schema is compiled when
     * the first object needs it: an object the fast test calls valid never does, so a run whose objects are all
     * valid never starts the validator at all. Other schemas (custom resources, JSON Schema files) are compiled at
     * once, so that one that cannot be used is reported on every object, valid or not.
     */
    private final class Compiled {
        private final String variantIri;
        private final JsonNode document;
        private final Optional<QuickCheck> quick;
        private final Lazy<Schema> schema = Lazy.of(this::compileSchema);
        private final java.util.Map<String, Schema> fragments = new java.util.concurrent.ConcurrentHashMap<>();

        Compiled(String variantIri, JsonNode document, Optional<QuickCheck> quick) {
            this.variantIri = variantIri;
            this.document = document;
            this.quick = quick;
        }

        JsonNode document() {
            return document;
        }

        Optional<QuickCheck> quick() {
            return quick;
        }

        Schema schema() {
            return schema.get();
        }

        private Schema compileSchema() {
            try {
                return engine.compile(variantIri, document, source.fragment());
            } catch (RuntimeException e) {
                throw unusable(e);
            }
        }
    }

    /** The IRIs of the bundled schemas ({@link BuiltinSchemas}). */
    private static final String BUILTIN_IRI = "kubelint:/builtin/";

    private final GroupVersionKind gvk;
    private final String origin;
    private final Source source;
    private final SchemaEngine engine;
    private final CustomResource customResource;
    private final Lazy<Compiled> strict = Lazy.of(() -> prepare(true));
    private final Lazy<Compiled> lenient = Lazy.of(() -> prepare(false));

    /** A schema, with {@code customResource} applied around the validation when it is made from a CRD. */
    KindSchema(
            GroupVersionKind gvk,
            String origin,
            Source source,
            SchemaEngine engine,
            Optional<CustomResource> customResource) {
        this.gvk = gvk;
        this.origin = origin;
        this.source = source;
        this.engine = engine;
        this.customResource = customResource.orElse(null);
    }

    public GroupVersionKind gvk() {
        return gvk;
    }

    /**
     * The {@code openAPIV3Schema} of the CustomResourceDefinition this schema was made from, as written (its
     * {@code x-kubernetes-validations} rules are evaluated by the cel module); empty for other schemas.
     */
    public Optional<JsonNode> customResourceSchema() {
        return Optional.ofNullable(customResource).<JsonNode>map(CustomResource::schema);
    }

    /** Where the schema comes from, for messages: "Kubernetes 1.35", "CustomResourceDefinition ... in crds.yaml". */
    public String origin() {
        return origin;
    }

    /**
     * Validates an object (as {@link YamlToJson} converts it). With {@code strict}, fields the schema does not
     * declare are problems, as with kubectl's default strict field validation.
     *
     * @throws UnusableSchemaException when the schema cannot be compiled or applied
     */
    public List<SchemaProblem> validate(JsonNode object, boolean strictFields) {
        Compiled compiled = compiled(strictFields);
        Schema schema = compiled.schema();
        List<Error> errors;
        try {
            errors = schema.validate(object);
        } catch (RuntimeException e) {
            throw unusable(e);
        }
        if (errors.isEmpty()) {
            return List.of();
        }
        return new ErrorTranslator(gvk.kind(), compiled.document(), customResource == null).translate(errors);
    }

    /**
     * Converts an object read from YAML as kubectl would send it, and validates it. Problems come in document
     * order; a value the conversion had to drop (infinity, NaN) is not also reported as missing. A custom resource
     * is decoded first as the API server decodes it ({@link CustomResource#decode}: status dropped, defaults
     * applied) and checked further after the validation; another kind's {@code status} is checked for its
     * fields and types only ({@link ErrorTranslator}).
     */
    public List<SchemaProblem> validate(YamlNode object, boolean strictFields) {
        Compiled compiled = compiled(strictFields);
        boolean quicklyValid =
                compiled.quick().isPresent() && compiled.quick().get().check(object) == QuickCheck.VALID;
        if (quicklyValid && customResource == null) {
            return List.of();
        }
        YamlToJson.Conversion json = YamlToJson.convert(object);
        List<SchemaProblem> problems = new ArrayList<>(json.problems());
        JsonNode tree = json.json();
        boolean decoded = customResource != null && customResource.decode(tree);
        if (!quicklyValid || decoded) {
            Set<String> dropped = new HashSet<>();
            json.problems().forEach(p -> dropped.add(p.pointer()));
            for (SchemaProblem p : validate(tree, strictFields)) {
                boolean droppedField = p.kind() == SchemaProblem.Kind.MISSING_FIELD
                        && dropped.contains(JsonPointers.child(p.pointer(), p.field()));
                if (!droppedField) {
                    problems.add(withQuotingHint(object, p));
                }
            }
        }
        if (customResource != null) {
            problems.addAll(customResource.afterValidation(tree, gvk.kind()));
        }
        problems.sort(
                Comparator.comparing(p -> object.nearest(p.pointer()).span().start()));
        return problems;
    }

    /**
     * {@code value: yes}, {@code version: 1.10} and {@code port: 0777} are not strings to kubectl (YAML 1.1): when a
     * string was expected, say how to keep the text as written.
     */
    private static SchemaProblem withQuotingHint(YamlNode object, SchemaProblem p) {
        if (p.kind() != SchemaProblem.Kind.VALUE || !p.message().contains("expected string, found ")) {
            return p;
        }
        return object.at(p.pointer())
                .flatMap(YamlNode::asScalar)
                .filter(s -> s.style() == ScalarStyle.PLAIN && !s.isString() && !s.isNull())
                .map(s -> SchemaProblem.value(
                        p.pointer(),
                        p.message() + "; YAML reads " + s.text() + " as "
                                + (s.jsonType().startsWith("i") ? "an " : "a ") + s.jsonType() + ", so quote it (\""
                                + s.text() + "\") to keep it as text"))
                .orElse(p);
    }

    /**
     * Validates a value against the schema at a JSON pointer inside this kind's schema (strictly), such as a
     * default of a CustomResourceDefinition against the schema it sits in.
     *
     * @throws UnusableSchemaException when the schema cannot be compiled or applied
     */
    List<SchemaProblem> validateAt(String pointer, JsonNode value) {
        Compiled compiled = compiled(true);
        Schema schema = compiled.fragments.computeIfAbsent(pointer, p -> {
            try {
                return engine.compile(compiled.variantIri, compiled.document(), source.fragment() + p);
            } catch (RuntimeException e) {
                throw unusable(e);
            }
        });
        List<Error> errors;
        try {
            errors = schema.validate(value);
        } catch (RuntimeException e) {
            throw unusable(e);
        }
        return errors.isEmpty()
                ? List.of()
                : new ErrorTranslator(gvk.kind(), compiled.document(), false).translate(errors);
    }

    /** Compiles now (normally done on first validation), to measure or to fail early. */
    public void compile(boolean strictFields) {
        compiled(strictFields).schema();
    }

    private Compiled compiled(boolean strictFields) {
        return (strictFields ? strict : lenient).get();
    }

    private Compiled prepare(boolean strictFields) {
        // the strictness leads the path, so that relative references between files still resolve
        String variant = "kubelint:/" + (strictFields ? "strict" : "lenient") + "/";
        Compiled c;
        try {
            JsonNode document = Objects.requireNonNull(source.preparation().apply(strictFields));
            c = new Compiled(variant + source.iri().substring("kubelint:/".length()), document, quickCheck(document));
        } catch (RuntimeException e) {
            throw unusable(e);
        }
        if (!source.iri().startsWith(BUILTIN_IRI)) {
            c.schema();
        }
        return c;
    }

    /** The fast path is an optimisation only: a schema it cannot read is simply always validated in full. */
    private Optional<QuickCheck> quickCheck(JsonNode document) {
        try {
            return Optional.of(QuickCheck.of(document, source.fragment()));
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }

    /** Whether the fast test alone finds the object valid (for tests: it must agree with the full validator). */
    boolean quicklyValid(YamlNode object, boolean strictFields) {
        Optional<QuickCheck> quick = compiled(strictFields).quick();
        return quick.isPresent() && quick.get().check(object) == QuickCheck.VALID;
    }

    private UnusableSchemaException unusable(RuntimeException e) {
        Throwable cause = e;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        String message = cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
        String reason;
        if (cause instanceof java.io.FileNotFoundException) {
            int file = message.indexOf("/file/");
            reason = "it refers to " + (file >= 0 ? message.substring(file + "/file".length()) : message)
                    + ", which is not a file of the schema locations";
        } else if (cause instanceof java.util.regex.PatternSyntaxException syntax) {
            reason = "the pattern " + syntax.getPattern() + " is not a valid regular expression ("
                    + syntax.getDescription() + ")";
        } else if (cause instanceof com.google.re2j.PatternSyntaxException syntax) {
            reason = "the pattern " + syntax.getPattern() + " is not a valid regular expression ("
                    + syntax.getDescription() + ")";
        } else {
            reason = message.lines().findFirst().orElse(message);
        }
        return new UnusableSchemaException(
                "the schema of " + gvk + " from " + origin + " cannot be used: " + reason, e);
    }

    @Override
    public String toString() {
        return gvk + " (" + origin + ")";
    }
}
