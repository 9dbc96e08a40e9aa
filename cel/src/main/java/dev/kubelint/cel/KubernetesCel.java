package dev.kubelint.cel;

import dev.cel.bundle.Cel;
import dev.cel.bundle.CelBuilder;
import dev.cel.bundle.CelFactory;
import dev.cel.common.CelFunctionDecl;
import dev.cel.common.CelOptions;
import dev.cel.common.CelOverloadDecl;
import dev.cel.common.types.CelType;
import dev.cel.common.types.CelTypeProvider;
import dev.cel.extensions.CelExtensions;
import dev.cel.extensions.CelStringExtensions;
import dev.cel.parser.CelStandardMacro;
import dev.kubelint.core.util.Lazy;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The CEL environment of the API server of one Kubernetes release: CEL's standard macros and functions with
 * Kubernetes' settings (homogeneous aggregate literals, cross-type numeric comparisons, optional types), the
 * libraries of k8s.io/apiserver/pkg/cel/library the release has (lists, regex, URLs, quantity; IP and CIDR from 1.30;
 * format from 1.31; semver from 1.33), the strings (version 2) and sets extensions, and two-variable comprehensions
 * from 1.32. Instances are shared and safe to use from any thread; {@link #compiler} adds variables and types.
 */
public final class KubernetesCel {

    /** The runtime cost limit of one evaluation ({@code PerCallLimit}: "roughly 0.1 second"). */
    public static final long PER_CALL_LIMIT = 1_000_000L;
    /** The runtime cost budget of all the validation rules of one object ({@code RuntimeCELCostBudget}). */
    public static final long RUNTIME_COST_BUDGET = 10_000_000L;
    /** The largest estimated cost of one expression ({@code StaticEstimatedCostLimit}). */
    public static final long ESTIMATED_COST_LIMIT = 10_000_000L;
    /** The largest estimated cost of all the rules of one CRD schema ({@code StaticEstimatedCRDCostLimit}). */
    public static final long ESTIMATED_CRD_COST_LIMIT = 100_000_000L;
    /** The largest request the API server reads, which bounds lists and strings without limits in the schema. */
    public static final long MAX_REQUEST_SIZE_BYTES = 3L * 1024 * 1024;

    private static final Map<String, KubernetesCel> RELEASES = new ConcurrentHashMap<>();
    /** Releases with the same libraries share one environment (building one costs far more than a compilation). */
    private static final Map<Integer, KubernetesCel> LEVELS = new ConcurrentHashMap<>();

    private final String release;
    private final int minor;
    private final Lazy<Cel> cel = Lazy.of(() -> builder().build());
    private final Map<String, CelCompiler> dynamicCompilers = new ConcurrentHashMap<>();

    private KubernetesCel(String release) {
        this.release = release;
        this.minor = minorOf(release);
    }

    /** The environment without variables, built when first needed. */
    private Cel cel() {
        return cel.get();
    }

    /**
     * The environment of a release such as "1.35". Any 1.x from 1.25 on is accepted; the libraries follow the
     * version each was introduced in.
     *
     * @throws IllegalArgumentException when the text is not such a release
     */
    public static KubernetesCel forRelease(String release) {
        int level = Math.min(minorOf(release), NEWEST_LIBRARY_RELEASE);
        return RELEASES.computeIfAbsent(release, r -> LEVELS.computeIfAbsent(level, l -> new KubernetesCel("1." + l)));
    }

    /** The newest release that changed the environment (semver arrived in 1.33). */
    private static final int NEWEST_LIBRARY_RELEASE = 33;

    /**
     * The environment the API server compiles new expressions in (a CRD being created, a policy being written): that
     * of the release before, since a cluster must be able to roll back one minor version.
     */
    public static KubernetesCel forNewExpressions(String release) {
        int m = minorOf(release);
        return forRelease("1." + Math.max(25, m - 1));
    }

    private static int minorOf(String release) {
        if (release != null && release.matches("1\\.[0-9]{1,3}")) {
            int m = Integer.parseInt(release.substring(2));
            if (m >= 25) {
                return m;
            }
        }
        throw new IllegalArgumentException("not a Kubernetes release with CEL: " + release);
    }

    /** The release whose environment this is: the oldest with the same libraries as the one asked for. */
    public String release() {
        return release;
    }

    /** Whether the release's environment has two-variable comprehensions ({@code all(i, v, ...)}). */
    public boolean hasTwoVariableComprehensions() {
        return minor >= 32;
    }

    static CelOptions options() {
        return CelOptions.current()
                .enableOptionalSyntax(true)
                .enableHeterogeneousNumericComparisons(true)
                .enableHomogeneousLiterals(true)
                .enableTimestampEpoch(true)
                .errorOnIntWrap(true)
                .maxRegexProgramSize(-1)
                .build();
    }

    private CelBuilder builder() {
        CelOptions options = options();
        EnumSet<CelStringExtensions.Function> strings = EnumSet.allOf(CelStringExtensions.Function.class);
        strings.remove(CelStringExtensions.Function.REVERSE);
        CelBuilder b = CelFactory.standardCelBuilder()
                .setOptions(options)
                .setStandardMacros(CelStandardMacro.STANDARD_MACROS)
                .addCompilerLibraries(
                        CelExtensions.strings(strings), CelExtensions.sets(options), CelExtensions.optional())
                .addRuntimeLibraries(
                        CelExtensions.strings(strings), CelExtensions.sets(options), CelExtensions.optional());
        if (hasTwoVariableComprehensions()) {
            b.addCompilerLibraries(CelExtensions.comprehensions()).addRuntimeLibraries(CelExtensions.comprehensions());
        }
        List<KubernetesLibraries.Library> libraries = new ArrayList<>(List.of(
                KubernetesLibraries.lists(),
                KubernetesLibraries.regex(),
                KubernetesLibraries.urls(),
                KubernetesLibraries.quantity()));
        if (minor >= 30) {
            libraries.add(KubernetesLibraries.ip());
            libraries.add(KubernetesLibraries.cidr());
        }
        if (minor >= 31) {
            libraries.add(KubernetesLibraries.format());
        }
        if (minor >= 33) {
            libraries.add(KubernetesLibraries.semver());
        }
        // several libraries add overloads to one function name (compareTo, string, ...): one declaration each
        Map<String, List<CelOverloadDecl>> overloads = new LinkedHashMap<>();
        for (KubernetesLibraries.Library library : libraries) {
            for (CelFunctionDecl d : library.declarations()) {
                overloads.computeIfAbsent(d.name(), k -> new ArrayList<>()).addAll(d.overloads());
            }
            b.addFunctionBindings(library.bindings());
        }
        overloads.forEach(
                (name, list) -> b.addFunctionDeclarations(CelFunctionDecl.newFunctionDeclaration(name, list)));
        return b;
    }

    /**
     * A compiler for expressions over the given variables, whose struct types (if any) come from {@code types}.
     * Build one per set of variables and reuse it: building costs far more than compiling.
     */
    public CelCompiler compiler(Map<String, CelType> variables, CelTypeProvider types) {
        CelBuilder b = cel().toCelBuilder();
        if (types != null) {
            b.setTypeProvider(types);
        }
        variables.forEach(b::addVar);
        return new CelCompiler(this, b.build(), false);
    }

    /**
     * A shared compiler for expressions over variables of type {@code dyn} (their values are typed at run time), whose
     * compilations are cached: the same expression compiles once per run however many schemas carry it. Evaluation
     * gives the same results as with declared types; only type errors go unnoticed until run time.
     *
     * @param optionalVariables variables of type {@code optional(dyn)}
     */
    public CelCompiler dynamicCompiler(List<String> variables, List<String> optionalVariables) {
        String key = String.join(",", variables) + ";" + String.join(",", optionalVariables);
        return dynamicCompilers.computeIfAbsent(key, k -> {
            Map<String, CelType> vars = new LinkedHashMap<>();
            variables.forEach(v -> vars.put(v, dev.cel.common.types.SimpleType.DYN));
            optionalVariables.forEach(
                    v -> vars.put(v, dev.cel.common.types.OptionalType.create(dev.cel.common.types.SimpleType.DYN)));
            CelBuilder b = builder();
            vars.forEach(b::addVar);
            return new CelCompiler(this, b.build(), true);
        });
    }

    @Override
    public String toString() {
        return "Kubernetes " + release + " CEL";
    }
}
