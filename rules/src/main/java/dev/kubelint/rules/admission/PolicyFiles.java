package dev.kubelint.rules.admission;

import dev.kubelint.core.finding.Location;
import dev.kubelint.core.finding.ObjectRef;
import dev.kubelint.core.rule.RuleContext;
import dev.kubelint.core.yaml.MappingNode;
import dev.kubelint.core.yaml.ReadProblem;
import dev.kubelint.core.yaml.ReadResult;
import dev.kubelint.core.yaml.Span;
import dev.kubelint.core.yaml.YamlDocument;
import dev.kubelint.core.yaml.YamlReader;
import dev.kubelint.schemas.YamlToJson;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Stream;
import tools.jackson.databind.JsonNode;

/**
 * The ValidatingAdmissionPolicies and bindings of the files and folders given apart from the scan ({@code --policy},
 * the configuration's {@code policies}, the Maven parameter {@code policies}). They are read with kubelint's YAML
 * reader, so that their own mistakes (YAML syntax, expressions that do not compile) are reported at their line and
 * column in those files; their other documents are ignored. A policy or binding the scan holds under the same name
 * is the scan's.
 */
final class PolicyFiles {

    /** Policy files are small; a larger file is not one. */
    private static final long MAX_BYTES = 4L << 20;

    private final RuleContext ctx;

    PolicyFiles(RuleContext ctx) {
        this.ctx = ctx;
    }

    /** Adds the policies and bindings of the locations whose names the scan does not hold. */
    void read(
            List<Path> locations,
            Set<String> scannedPolicies,
            Set<String> scannedBindings,
            List<Policy> policies,
            List<Binding> bindings) {
        for (Path location : locations) {
            for (Path file : files(location)) {
                String shown = shown(file);
                String text;
                try {
                    if (Files.size(file) > MAX_BYTES) {
                        ctx.report(whole(shown), "policy file larger than " + (MAX_BYTES >> 20) + " MiB: not read");
                        continue;
                    }
                    text = Files.readString(file, StandardCharsets.UTF_8);
                } catch (IOException | UncheckedIOException e) {
                    ctx.report(whole(shown), "cannot read the policy file: " + e.getMessage());
                    continue;
                }
                ReadResult read = new YamlReader().read(shown, text);
                for (ReadProblem p : read.problems()) {
                    ctx.report(
                            new Location(shown, p.documentIndex(), p.span(), p.pointer(), ObjectRef.NONE), p.message());
                }
                for (YamlDocument d : read.documents()) {
                    if (d.root().isPresent() && d.root().get() instanceof MappingNode root) {
                        add(shown, d.index(), root, scannedPolicies, scannedBindings, policies, bindings);
                    }
                }
            }
        }
    }

    private void add(
            String shown,
            int index,
            MappingNode root,
            Set<String> scannedPolicies,
            Set<String> scannedBindings,
            List<Policy> policies,
            List<Binding> bindings) {
        String apiVersion = root.scalar("apiVersion").map(s -> s.asText()).orElse("");
        String kind = root.scalar("kind").map(s -> s.asText()).orElse("");
        if (!apiVersion.startsWith(AdmissionPolicyRule.GROUP + "/")
                || !AdmissionPolicyRule.VERSIONS.contains(AdmissionPolicyRule.version(apiVersion))) {
            return;
        }
        JsonNode json = YamlToJson.convert(root).json();
        String name = json.path("metadata").path("name").asString("");
        ObjectRef ref = new ObjectRef(apiVersion, kind, "", name);
        Policy.Locator at = node -> new Location(shown, index, node.span(), node.pointer(), ref);
        if (kind.equals("ValidatingAdmissionPolicy") && !scannedPolicies.contains(name)) {
            policies.add(Policy.read(json, root, at, ctx, ctx.settings().kubernetesVersion()));
        } else if (kind.equals("ValidatingAdmissionPolicyBinding") && !scannedBindings.contains(name)) {
            bindings.add(Binding.read(json, root, at));
        }
    }

    /** The YAML and JSON files of a location: the file itself, or those of the folder and below, in name order. */
    private List<Path> files(Path location) {
        if (Files.isRegularFile(location)) {
            return List.of(location);
        }
        try (Stream<Path> walk = Files.walk(location)) {
            return walk.filter(Files::isRegularFile)
                    .filter(PolicyFiles::isPolicyFile)
                    .sorted()
                    .toList();
        } catch (IOException | UncheckedIOException e) {
            ctx.report(whole(shown(location)), "cannot read the policy folder: " + e.getMessage());
            return List.of();
        }
    }

    static boolean isPolicyFile(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        return name.endsWith(".yaml") || name.endsWith(".yml") || name.endsWith(".json");
    }

    /** A path as findings show it, as the run names its inputs. */
    private String shown(Path file) {
        return ctx.displayName(file);
    }

    private static Location whole(String shown) {
        return new Location(shown, 0, Span.START, "", ObjectRef.NONE);
    }
}
