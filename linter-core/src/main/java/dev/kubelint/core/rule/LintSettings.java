package dev.kubelint.core.rule;

import java.nio.file.Path;
import java.util.List;

/**
 * Settings of a run that rules may read.
 *
 * @param kubernetesVersion the Kubernetes minor version the manifests target, such as "1.35"
 * @param strict            whether fields unknown to the schema are errors
 * @param schemaLocations   folders with extra schemas (CRD manifests or JSON Schema files)
 * @param crdsFromScan      whether CRDs among the scanned manifests define schemas too
 */
public record LintSettings(String kubernetesVersion, boolean strict, List<Path> schemaLocations, boolean crdsFromScan) {

    /** The newest Kubernetes version kubelint bundles schemas for. */
    public static final String NEWEST_KUBERNETES_VERSION = "1.35";

    /** The Kubernetes versions kubelint bundles schemas for, oldest first. */
    public static final List<String> KUBERNETES_VERSIONS = List.of("1.30", "1.34", "1.35");

    public static final LintSettings DEFAULTS = new LintSettings(NEWEST_KUBERNETES_VERSION, true, List.of(), true);

    public LintSettings {
        schemaLocations = List.copyOf(schemaLocations);
    }

    public LintSettings withKubernetesVersion(String version) {
        return new LintSettings(version, strict, schemaLocations, crdsFromScan);
    }

    public LintSettings withStrict(boolean value) {
        return new LintSettings(kubernetesVersion, value, schemaLocations, crdsFromScan);
    }

    public LintSettings withSchemaLocations(List<Path> locations) {
        return new LintSettings(kubernetesVersion, strict, locations, crdsFromScan);
    }

    public LintSettings withCrdsFromScan(boolean value) {
        return new LintSettings(kubernetesVersion, strict, schemaLocations, value);
    }

    /** Minor version number: 35 for "1.35". */
    public int minorVersion() {
        return Integer.parseInt(kubernetesVersion.substring(kubernetesVersion.indexOf('.') + 1));
    }
}
