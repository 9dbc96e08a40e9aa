package dev.kubelint.rules.admission;

import dev.kubelint.core.finding.Location;
import dev.kubelint.core.finding.ObjectRef;
import dev.kubelint.core.rule.RuleContext;
import dev.kubelint.core.source.SourceFile;
import dev.kubelint.core.source.SourceLoader;
import dev.kubelint.core.source.SourceScanner;
import dev.kubelint.core.yaml.MappingNode;
import dev.kubelint.core.yaml.ReadProblem;
import dev.kubelint.core.yaml.ReadResult;
import dev.kubelint.core.yaml.Span;
import dev.kubelint.core.yaml.YamlDocument;
import dev.kubelint.core.yaml.YamlReader;
import dev.kubelint.schemas.YamlToJson;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;
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
            for (SourceScanner.Input file : files(location)) {
                String shown = file.displayName();
                if (file.skipped().isPresent()) {
                    ctx.report(whole(shown), file.skipped().get());
                    continue;
                }
                Optional<String> text = text(file);
                if (text.isEmpty()) {
                    continue;
                }
                ReadResult read = new YamlReader().read(shown, text.get());
                read.problems().forEach(p -> report(shown, p));
                for (YamlDocument d : read.documents()) {
                    if (d.root().isPresent() && d.root().get() instanceof MappingNode root) {
                        add(shown, d.index(), root, scannedPolicies, scannedBindings, policies, bindings);
                    }
                }
            }
        }
    }

    /** The file's text, decoded as the scan decodes its inputs; empty, with a finding, when it cannot be read. */
    private Optional<String> text(SourceScanner.Input file) {
        byte[] bytes;
        try (InputStream in = Files.newInputStream(file.path().orElseThrow())) {
            bytes = in.readNBytes((int) MAX_BYTES + 1);
        } catch (IOException | SecurityException e) {
            ctx.report(whole(file.displayName()), "cannot read the policy file: " + e.getMessage());
            return Optional.empty();
        }
        if (bytes.length > MAX_BYTES) {
            ctx.report(whole(file.displayName()), "policy file larger than " + (MAX_BYTES >> 20) + " MiB: not read");
            return Optional.empty();
        }
        SourceLoader.Loaded loaded = SourceLoader.decode(file, bytes);
        loaded.problem().ifPresent(p -> report(file.displayName(), p));
        return loaded.source().map(SourceFile::text);
    }

    private void report(String shown, ReadProblem p) {
        ctx.report(new Location(shown, p.documentIndex(), p.span(), p.pointer(), ObjectRef.NONE), p.message());
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

    /**
     * The YAML and JSON files of a location: the file itself, or those of the folder and below in name order, found
     * as the scan finds its inputs (hidden folders are passed over, and a link that leads out of the folder is
     * reported, not read), and named as the run names its inputs.
     */
    private List<SourceScanner.Input> files(Path location) {
        SourceScanner.Scan scan = SourceScanner.location(location);
        scan.errors().forEach(e -> ctx.report(whole(ctx.displayName(location)), e));
        return scan.inputs().stream()
                .map(i -> new SourceScanner.Input(
                        i.path(), ctx.displayName(i.path().orElseThrow()), i.skipped()))
                .toList();
    }

    private static Location whole(String shown) {
        return new Location(shown, 0, Span.START, "", ObjectRef.NONE);
    }
}
