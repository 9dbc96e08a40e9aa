package dev.kubelint.core.report;

import dev.kubelint.core.engine.LintResult;
import dev.kubelint.core.engine.LintResult.FileSummary;
import dev.kubelint.core.engine.LintResult.ObjectSummary;
import dev.kubelint.core.finding.Finding;
import dev.kubelint.core.finding.Location;
import dev.kubelint.core.finding.ObjectRef;
import dev.kubelint.core.finding.Severity;
import dev.kubelint.core.finding.Suppression;
import dev.kubelint.core.rule.LintSettings;
import dev.kubelint.core.rule.RuleCatalog;
import dev.kubelint.core.rule.RuleInfo;
import dev.kubelint.core.rule.RuleParam;
import dev.kubelint.core.source.SourceExcerpt;
import dev.kubelint.core.source.SourceFile;
import dev.kubelint.core.testing.NoCheckRule;
import dev.kubelint.core.testing.TestRules;
import dev.kubelint.core.yaml.Position;
import dev.kubelint.core.yaml.Span;
import java.io.IOException;
import java.io.StringWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Results built by hand with everything reporters must cope with: all three severities, a suppressed finding,
 * a syntax error outside any object, List items, standard input, a finding about the run itself, tabs, combining
 * accents and emoji in source lines, and characters that need escaping in every format.
 */
final class SampleResults {

    static final String WEB = """
            apiVersion: v1
            kind: Pod
            metadata:
              name: web
              labels:
                app: "we\u0308b-\uD83D\uDE00"
            spec:
              containers:
              - name: web
                image: nginx # kubelint-ignore: image-tag -- pinned by the platform team
                ports:
                - containerPort: "80a"
            """;

    static final String LIST = """
            apiVersion: v1
            kind: List
            items:
            - apiVersion: v1
              kind: ConfigMap
              metadata: {name: one}
            - apiVersion: v1
              kind: ConfigMap
              metadata: {name: two}
              data: {k: 1}
            """;

    static final String BROKEN = """
            apiVersion: v1
            kind: ConfigMap
            metadata: {name: ok}
            ---
            foo: [
            """;

    static final String TABS =
            "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: tabs\ndata:\n  k:\t\"caf\u00e9\t\u65e5\u672c\"\n";

    static final String STDIN = "apiVersion: v1\nkind: Secret\nmetadata: {name: s}\ntype: 5\n";

    private SampleResults() {}

    @RuleInfo(
            id = "schema-type",
            category = "schema",
            severity = Severity.ERROR,
            summary = "A field has a value of the wrong type",
            rationale = "The API server rejects an object whose fields do not match the schema.",
            remediation = "Give the field a value of the type the schema names.",
            kinds = {"Pod", "Deployment"})
    public static final class SchemaTypeRule extends NoCheckRule {}

    @RuleInfo(
            id = "label-value",
            category = "metadata",
            severity = Severity.WARNING,
            summary = "A label value is not a valid label value",
            rationale =
                    "Label values are at most 63 characters of [a-z0-9A-Z], '-', '_' and '.'; the API server rejects others.",
            remediation = "Use only letters, digits, '-', '_' and '.' | and keep it short.")
    public static final class LabelValueRule extends NoCheckRule {
        public static final RuleParam<Long> MAX_LENGTH =
                RuleParam.integer("max-length", 63, "Longest value allowed | in characters");
    }

    @RuleInfo(
            id = "name-style",
            category = "metadata",
            severity = Severity.INFO,
            summary = "Names read best in lower case with dashes",
            rationale = "Consistent names are easier to find.",
            remediation = "Rename the object.",
            enabledByDefault = false)
    public static final class NameStyleRule extends NoCheckRule {}

    @RuleInfo(
            id = "image-tag",
            category = "images",
            severity = Severity.WARNING,
            summary = "An image has no tag or the latest tag",
            rationale = "Untagged images change under you.",
            remediation = "Pin the image to a tag or digest.")
    public static final class ImageTagRule extends NoCheckRule {}

    static RuleCatalog catalog() {
        return TestRules.coreWithRules(
                new SchemaTypeRule(), new LabelValueRule(), new NameStyleRule(), new ImageTagRule());
    }

    static final ObjectRef WEB_POD = new ObjectRef("v1", "Pod", "", "web");
    static final ObjectRef ONE = new ObjectRef("v1", "ConfigMap", "", "one");
    static final ObjectRef TWO = new ObjectRef("v1", "ConfigMap", "", "two");
    static final ObjectRef OK = new ObjectRef("v1", "ConfigMap", "", "ok");
    static final ObjectRef TABS_MAP = new ObjectRef("v1", "ConfigMap", "", "tabs");
    static final ObjectRef SECRET = new ObjectRef("v1", "Secret", "", "s");

    /** The full sample: four files and standard input. */
    static LintResult full() {
        List<Finding> findings = new ArrayList<>();
        findings.add(finding(
                "schema-type",
                Severity.ERROR,
                "k8s/web.yaml",
                12,
                22,
                12,
                27,
                "/spec/containers/0/ports/0/containerPort",
                WEB_POD,
                "spec.containers[0].ports[0].containerPort: expected integer, found string \"80a\""));
        findings.add(finding(
                "label-value",
                Severity.WARNING,
                "k8s/web.yaml",
                6,
                10,
                6,
                18,
                "/metadata/labels/app",
                WEB_POD,
                "label value \"we\u0308b-\uD83D\uDE00\" has characters other than [a-zA-Z0-9-_.]: 100% wrong, a:b"));
        findings.add(finding(
                "name-style",
                Severity.INFO,
                "k8s/web.yaml",
                4,
                9,
                4,
                12,
                "/metadata/name",
                WEB_POD,
                "name \"web\" could say more\nsecond line of the message"));
        findings.add(finding(
                "schema-type",
                Severity.ERROR,
                "k8s/list.yaml",
                10,
                13,
                10,
                14,
                "/items/1/data/k",
                TWO,
                "items[1].data.k: expected string, found integer 1 <&>"));
        findings.add(new Finding(
                "yaml-syntax",
                Severity.ERROR,
                new Location("k8s/broken.yaml", 1, Span.at(6, 1), "", ObjectRef.NONE),
                "YAML syntax error: expected the node content, but found '<stream end>'"));
        findings.add(finding(
                "schema-type",
                Severity.ERROR,
                "k8s/tabs.yaml",
                6,
                6,
                6,
                15,
                "/data/k",
                TABS_MAP,
                "data.k: tab\there, bell\u0007 and escape\u001b[31m in a message"));
        findings.add(finding(
                "schema-type",
                Severity.ERROR,
                SourceFile.STDIN,
                4,
                7,
                4,
                8,
                "/type",
                SECRET,
                "type: expected string, found integer 5"));
        findings.add(new Finding(
                "rule-failure",
                Severity.ERROR,
                new Location("", 0, Span.START, "", ObjectRef.NONE),
                "rule service-selector failed at the end of the run: java.lang.IllegalStateException"));
        findings.sort(Finding.ORDER);

        Location suppressedAt = location("k8s/web.yaml", 10, 12, 10, 17, "/spec/containers/0/image", WEB_POD);
        Finding suppressed = new Finding(
                        "image-tag",
                        Severity.WARNING,
                        suppressedAt,
                        "image \"nginx\" has no tag: it changes whenever latest does",
                        List.of(),
                        Optional.empty())
                .suppressedBy(new Suppression(
                        Suppression.Kind.COMMENT,
                        "pinned by the platform team",
                        location("k8s/web.yaml", 10, 18, 10, 82, "", WEB_POD)));

        List<FileSummary> files = List.of(
                file("k8s/broken.yaml", object(0, OK, "k8s/broken.yaml", "")),
                file("k8s/empty.yaml"),
                file(
                        "k8s/list.yaml",
                        object(0, ONE, "k8s/list.yaml", "/items/0"),
                        object(0, TWO, "k8s/list.yaml", "/items/1")),
                file("k8s/tabs.yaml", object(0, TABS_MAP, "k8s/tabs.yaml", "")),
                file("k8s/web.yaml", object(0, WEB_POD, "k8s/web.yaml", "")),
                file(SourceFile.STDIN, object(0, SECRET, SourceFile.STDIN, "")));
        Map<String, SourceExcerpt> sources = Map.of(
                "k8s/web.yaml",
                SourceExcerpt.whole(SourceFile.of("k8s/web.yaml", WEB)),
                "k8s/list.yaml",
                SourceExcerpt.whole(SourceFile.of("k8s/list.yaml", LIST)),
                "k8s/broken.yaml",
                SourceExcerpt.whole(SourceFile.of("k8s/broken.yaml", BROKEN)),
                "k8s/tabs.yaml",
                SourceExcerpt.whole(SourceFile.of("k8s/tabs.yaml", TABS)),
                SourceFile.STDIN,
                SourceExcerpt.whole(SourceFile.of(SourceFile.STDIN, STDIN)));
        return new LintResult(
                LintSettings.DEFAULTS,
                catalog(),
                findings,
                List.of(suppressed),
                files,
                sources,
                Duration.ofMillis(1234));
    }

    /** A run that found nothing in two files. */
    static LintResult clean() {
        return new LintResult(
                LintSettings.DEFAULTS,
                catalog(),
                List.of(),
                List.of(),
                List.of(file("a.yaml", object(0, OK, "a.yaml", "")), file("b.yaml")),
                Map.of(),
                Duration.ofMillis(5));
    }

    /** The files of {@link #full()} in scan order, then the run's own findings' pseudo-file. */
    static final List<String> FULL_FILES = List.of(
            "k8s/broken.yaml",
            "k8s/empty.yaml",
            "k8s/list.yaml",
            "k8s/tabs.yaml",
            "k8s/web.yaml",
            "<stdin>",
            "kubelint");

    /**
     * The file of each finding of {@link #full()} in the results' order; {@code ownFinding} stands for the run's
     * own finding, which has no file and comes first.
     */
    static List<String> findingFiles(String ownFinding) {
        return List.of(
                ownFinding,
                "<stdin>",
                "k8s/broken.yaml",
                "k8s/list.yaml",
                "k8s/tabs.yaml",
                "k8s/web.yaml",
                "k8s/web.yaml",
                "k8s/web.yaml");
    }

    /**
     * The full sample with one more error, a schema-type finding on line 13 of {@code file} in the web Pod: the
     * way to bring a hostile file name or message into a report.
     */
    static LintResult fullWithError(String file, String message) {
        LintResult full = full();
        List<Finding> findings = new ArrayList<>(full.findings());
        findings.add(finding("schema-type", Severity.ERROR, file, 13, 1, 13, 2, "/x", WEB_POD, message));
        findings.sort(Finding.ORDER);
        return new LintResult(
                full.settings(),
                full.catalog(),
                findings,
                full.suppressed(),
                full.files(),
                full.sources(),
                full.elapsed());
    }

    /** The same result without the source texts, as if the scan had not kept them. */
    static LintResult withoutSources(LintResult result) {
        return new LintResult(
                result.settings(),
                result.catalog(),
                result.findings(),
                result.suppressed(),
                result.files(),
                Map.of(),
                result.elapsed());
    }

    /** What {@code reporter} writes for {@code result}. */
    static String render(Reporter reporter, LintResult result, ReportOptions options) throws IOException {
        StringWriter out = new StringWriter();
        reporter.write(result, options, out);
        return out.toString();
    }

    static Finding finding(
            String rule,
            Severity severity,
            String file,
            int line,
            int column,
            int endLine,
            int endColumn,
            String pointer,
            ObjectRef object,
            String message) {
        return new Finding(rule, severity, location(file, line, column, endLine, endColumn, pointer, object), message);
    }

    static Location location(
            String file, int line, int column, int endLine, int endColumn, String pointer, ObjectRef object) {
        return new Location(
                file, 0, new Span(new Position(line, column), new Position(endLine, endColumn)), pointer, object);
    }

    static FileSummary file(String name, ObjectSummary... objects) {
        return new FileSummary(name, List.of(objects));
    }

    static ObjectSummary object(int document, ObjectRef ref, String file, String pointer) {
        return new ObjectSummary(document, ref, new Location(file, document, Span.START, pointer, ref));
    }
}
