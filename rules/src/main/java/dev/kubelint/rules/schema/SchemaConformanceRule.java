package dev.kubelint.rules.schema;

import dev.kubelint.core.finding.Location;
import dev.kubelint.core.finding.ObjectRef;
import dev.kubelint.core.finding.Severity;
import dev.kubelint.core.manifest.Manifest;
import dev.kubelint.core.rule.CrossObjectCheck;
import dev.kubelint.core.rule.LintSettings;
import dev.kubelint.core.rule.Rule;
import dev.kubelint.core.rule.RuleContext;
import dev.kubelint.core.rule.RuleInfo;
import dev.kubelint.core.yaml.MappingNode;
import dev.kubelint.core.yaml.Span;
import dev.kubelint.rules.cel.CustomResourceRules;
import dev.kubelint.schemas.ApiLifecycle;
import dev.kubelint.schemas.CustomResourceDefinitions;
import dev.kubelint.schemas.ExtraSchemas;
import dev.kubelint.schemas.GroupVersionKind;
import dev.kubelint.schemas.KindSchema;
import dev.kubelint.schemas.SchemaProblem;
import dev.kubelint.schemas.UnusableSchemaException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Validates every object against the schema of its kind: the bundled schema of the target Kubernetes version for
 * built-in kinds, or a CustomResourceDefinition or JSON Schema from the schema locations. CustomResourceDefinitions
 * among the scanned files count too: objects whose kind has no schema yet are kept (their tree, not their file)
 * and validated at the end of the run, when every scanned definition is known.
 */
@RuleInfo(
        id = "schema-conformance",
        category = "schema",
        severity = Severity.ERROR,
        fallback = true,
        summary = "An object does not match the schema of its kind: a wrong type, an unknown or a missing field")
public final class SchemaConformanceRule implements Rule {

    @Override
    public void check(Manifest manifest, RuleContext ctx) {
        Optional<GroupVersionKind> gvk = TypeMeta.of(manifest);
        LintSettings settings = ctx.settings();
        if (gvk.isEmpty() || !RunSchemas.isBundled(settings)) {
            return;
        }
        ApiLifecycle.Resolution resolution = TypeMeta.resolve(manifest, gvk.get(), settings.kubernetesVersion());
        if (resolution instanceof ApiLifecycle.Served served) {
            validate(served.schema(), manifest, ctx);
        } else if (resolution instanceof ApiLifecycle.KindNotInApiVersion unknownKind) {
            ctx.report(TypeMeta.kindNode(manifest), unknownKind.message());
        } else if (resolution instanceof ApiLifecycle.Unknown) {
            ExtraSchemas extras = RunSchemas.extras(settings);
            Optional<KindSchema> schema = extras.find(gvk.get());
            if (schema.isPresent()) {
                validate(schema.get(), manifest, ctx);
            } else {
                extras.definition(gvk.get().group(), gvk.get().kind())
                        .ifPresent(d -> ctx.report(TypeMeta.apiVersionNode(manifest), notServedBy(gvk.get(), d)));
            }
        }
    }

    @Override
    public Optional<CrossObjectCheck> newCrossObjectCheck() {
        return Optional.of(new ScannedDefinitions());
    }

    private static void validate(KindSchema schema, Manifest manifest, RuleContext ctx) {
        try {
            report(
                    problems(
                            schema,
                            manifest.source().displayName(),
                            manifest.documentIndex(),
                            manifest.ref(),
                            manifest.root(),
                            ctx.settings()),
                    ctx);
        } catch (UnusableSchemaException e) {
            ctx.report(TypeMeta.kindNode(manifest), e.getMessage());
        }
    }

    /** A problem placed in the source. */
    private record Located(Location location, String message) {}

    private static List<Located> problems(
            KindSchema schema, String file, int documentIndex, ObjectRef ref, MappingNode root, LintSettings settings) {
        List<SchemaProblem> problems = new ArrayList<>(schema.validate(root, settings.strict()));
        // a custom resource's x-kubernetes-validations (CEL) rules
        problems.addAll(CustomResourceRules.violations(schema, root, settings.kubernetesVersion()));
        List<Located> located = new ArrayList<>(problems.size());
        for (SchemaProblem p : problems) {
            located.add(new Located(Placement.locate(file, documentIndex, ref, root, p), p.message()));
        }
        return located;
    }

    private static void report(List<Located> problems, RuleContext ctx) {
        for (Located p : problems) {
            ctx.report(p.location(), p.message());
        }
    }

    private static String notServedBy(GroupVersionKind gvk, CustomResourceDefinitions.Definition d) {
        return gvk + " is not served by " + d.describe() + ", which serves "
                + (d.versions().isEmpty()
                        ? "no version"
                        : String.join(", ", d.versions().keySet()));
    }

    /** CustomResourceDefinitions found among the scanned objects, and the objects that may need them. */
    private static final class ScannedDefinitions implements CrossObjectCheck {

        private record Pending(
                String file,
                int documentIndex,
                ObjectRef ref,
                MappingNode root,
                GroupVersionKind gvk,
                Location apiVersion) {}

        private record Found(String file, int documentIndex, CustomResourceDefinitions.Definition definition) {}

        private final Map<String, Found> definitions = new HashMap<>();
        private final List<Pending> pending = new ArrayList<>();

        @Override
        public void observe(Manifest manifest, RuleContext ctx) {
            LintSettings settings = ctx.settings();
            if (!settings.crdsFromScan() || !RunSchemas.isBundled(settings)) {
                return;
            }
            Optional<GroupVersionKind> gvk = TypeMeta.of(manifest);
            if (gvk.isEmpty()) {
                return;
            }
            if (CustomResourceDefinitions.isDefinition(
                    gvk.get().apiVersion(), gvk.get().kind())) {
                RunSchemas.definition(manifest)
                        .definition()
                        .ifPresent(
                                d -> remember(new Found(manifest.source().displayName(), manifest.documentIndex(), d)));
            }
            ApiLifecycle.Resolution resolution = TypeMeta.resolve(manifest, gvk.get(), settings.kubernetesVersion());
            if (resolution instanceof ApiLifecycle.Unknown
                    && !RunSchemas.extras(settings).knows(gvk.get())) {
                pending.add(new Pending(
                        manifest.source().displayName(),
                        manifest.documentIndex(),
                        manifest.ref(),
                        manifest.root(),
                        gvk.get(),
                        ctx.locate(TypeMeta.apiVersionNode(manifest))));
            }
        }

        /** The first definition of a group and kind in file order wins, whatever order the files were read in. */
        private void remember(Found found) {
            String key = found.definition().kind() + "." + found.definition().group();
            definitions.merge(
                    key,
                    found,
                    (a, b) -> Comparator.comparing(Found::file)
                                            .thenComparingInt(Found::documentIndex)
                                            .compare(a, b)
                                    <= 0
                            ? a
                            : b);
        }

        @Override
        public void finish(RuleContext ctx) {
            if (!RunSchemas.isBundled(ctx.settings())) {
                ctx.report(
                        new Location("", 0, Span.START, "", ObjectRef.NONE),
                        "kubelint has no schemas for Kubernetes "
                                + ctx.settings().kubernetesVersion() + ", so no object was validated; choose one of "
                                + String.join(", ", LintSettings.KUBERNETES_VERSIONS));
                return;
            }
            pending.sort(Comparator.comparing(Pending::file).thenComparingInt(Pending::documentIndex));
            for (Pending p : pending) {
                Found found = definitions.get(p.gvk().kind() + "." + p.gvk().group());
                if (found == null) {
                    continue;
                }
                CustomResourceDefinitions.Definition d = found.definition();
                if (!d.serves(p.gvk().version())) {
                    ctx.report(p.apiVersion(), notServedBy(p.gvk(), d));
                    continue;
                }
                Optional<KindSchema> schema = d.versions().get(p.gvk().version());
                try {
                    if (schema.isPresent()) {
                        report(
                                problems(schema.get(), p.file(), p.documentIndex(), p.ref(), p.root(), ctx.settings()),
                                ctx);
                    }
                } catch (UnusableSchemaException e) {
                    ctx.report(p.apiVersion(), e.getMessage());
                }
            }
            pending.clear();
            reportLocationProblems(ctx);
        }

        private static void reportLocationProblems(RuleContext ctx) {
            Path here = Path.of("").toAbsolutePath();
            for (ExtraSchemas.Problem problem :
                    RunSchemas.extras(ctx.settings()).problems()) {
                Path file = problem.file();
                String shown =
                        file.startsWith(here) ? here.relativize(file).toString().replace('\\', '/') : file.toString();
                ctx.report(
                        new Location(shown, 0, Span.at(Math.max(1, problem.line()), 1), "", ObjectRef.NONE),
                        "schema location: " + problem.message());
            }
        }
    }
}
