package dev.kubelint.core.rule;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Settings of a run that rules may read.
 *
 * @param kubernetesVersion the Kubernetes minor version the manifests target, such as "1.35"
 * @param strict            whether fields unknown to the schema are errors
 * @param schemaLocations   folders with extra schemas (CRD manifests or JSON Schema files)
 * @param crdsFromScan      whether CRDs among the scanned manifests define schemas too
 * @param policyLocations   files or folders of ValidatingAdmissionPolicies (and bindings) evaluated against the scan
 */
public record LintSettings(
        String kubernetesVersion,
        boolean strict,
        List<Path> schemaLocations,
        boolean crdsFromScan,
        List<Path> policyLocations) {

    /** The newest Kubernetes version kubelint bundles schemas for. */
    public static final String NEWEST_KUBERNETES_VERSION = "1.35";

    /** The Kubernetes minor releases kubelint bundles schemas for, oldest first. */
    public static final List<String> KUBERNETES_VERSIONS = List.of(
            "1.23", "1.24", "1.25", "1.26", "1.27", "1.28", "1.29", "1.30", "1.31", "1.32", "1.33", "1.34", "1.35");

    /** A minor release ("1.31") or a patch release of it ("1.31.4", "v1.31.4", "1.31.4-eks-1a2b3c"). */
    private static final Pattern VERSION =
            Pattern.compile("v?(1\\.(?:0|[1-9]\\d{0,3}))(?:\\.\\d{1,6}(?:[-+][0-9A-Za-z.+-]*)?)?");

    public static final LintSettings DEFAULTS = new LintSettings(NEWEST_KUBERNETES_VERSION, true, List.of(), true);

    /**
     * The bundled minor release a Kubernetes version names: "1.31" for "1.31", "1.31.4" or "v1.31.4" (a patch
     * release validates as its minor release: patch releases do not change the API); empty when it names no
     * bundled release.
     */
    public static Optional<String> bundledRelease(String version) {
        Matcher m = VERSION.matcher(version.trim());
        return m.matches() && KUBERNETES_VERSIONS.contains(m.group(1)) ? Optional.of(m.group(1)) : Optional.empty();
    }

    /** Says which releases exist, for a version that names none of them. */
    public static String unknownVersionMessage(String version) {
        return "Kubernetes version '" + version + "' is not one of the bundled releases "
                + String.join(", ", KUBERNETES_VERSIONS) + " (give a minor release such as 1.31, or a patch release"
                + " such as 1.31.4)";
    }

    public LintSettings {
        schemaLocations = List.copyOf(schemaLocations);
        policyLocations = List.copyOf(policyLocations);
    }

    /** Settings without policy locations. */
    public LintSettings(String kubernetesVersion, boolean strict, List<Path> schemaLocations, boolean crdsFromScan) {
        this(kubernetesVersion, strict, schemaLocations, crdsFromScan, List.of());
    }

    public LintSettings withKubernetesVersion(String version) {
        return new LintSettings(version, strict, schemaLocations, crdsFromScan, policyLocations);
    }

    public LintSettings withStrict(boolean value) {
        return new LintSettings(kubernetesVersion, value, schemaLocations, crdsFromScan, policyLocations);
    }

    public LintSettings withSchemaLocations(List<Path> locations) {
        return new LintSettings(kubernetesVersion, strict, locations, crdsFromScan, policyLocations);
    }

    public LintSettings withCrdsFromScan(boolean value) {
        return new LintSettings(kubernetesVersion, strict, schemaLocations, value, policyLocations);
    }

    public LintSettings withPolicyLocations(List<Path> locations) {
        return new LintSettings(kubernetesVersion, strict, schemaLocations, crdsFromScan, locations);
    }

    /** Minor version number: 35 for "1.35". */
    public int minorVersion() {
        return Integer.parseInt(kubernetesVersion.substring(kubernetesVersion.indexOf('.') + 1));
    }
}
