package dev.kubelint.cli;

import dev.kubelint.core.rule.LintSettings;
import dev.kubelint.schemas.BuiltinSchemas;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.util.Set;

/**
 * {@code kubelint versions}: the Kubernetes releases whose schemas kubelint bundles, with how many API versions
 * and kinds each serves.
 */
final class VersionsCommand {

    private static final Set<String> HELP = Set.of("-h", "--help");

    private final PrintWriter out;

    VersionsCommand(PrintWriter out) {
        this.out = out;
    }

    /**
     * Whether {@code kubelint versions ...} means this command rather than a scan of a folder named "versions": it
     * does when only a help option follows, or when nothing follows and there is no such folder.
     */
    static boolean isCommand(String[] rest, Main.Environment env) {
        if (rest.length == 0) {
            return !Files.exists(env.workingDirectory().resolve("versions"));
        }
        return rest.length == 1 && HELP.contains(rest[0]);
    }

    int run(String[] args) {
        if (args.length > 0) {
            out.println("Usage: kubelint versions");
            out.println();
            out.println("Lists the Kubernetes releases kubelint validates against, for --kubernetes-version, the");
            out.println("kubernetes-version key of the configuration file and the Maven parameter kubernetesVersion.");
            out.println("A patch release (1.31.4) is validated as its minor release (1.31).");
            return Main.OK;
        }
        BuiltinSchemas schemas = BuiltinSchemas.get();
        out.println("release  API versions  kinds");
        for (String version : LintSettings.KUBERNETES_VERSIONS) {
            int kinds = 0;
            for (String apiVersion : schemas.apiVersions(version)) {
                kinds += schemas.kinds(version, apiVersion).size();
            }
            out.printf(
                    "%-7s  %12d  %5d%s%n",
                    version,
                    schemas.apiVersions(version).size(),
                    kinds,
                    version.equals(LintSettings.NEWEST_KUBERNETES_VERSION) ? "  (default)" : "");
        }
        out.println();
        out.println("Choose one with --kubernetes-version 1.31 (a patch release such as 1.31.4 means 1.31).");
        return Main.OK;
    }
}
