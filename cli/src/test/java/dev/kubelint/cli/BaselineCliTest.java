package dev.kubelint.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A baseline as a team adopting kubelint uses it: record today's findings, fail only on new ones. */
class BaselineCliTest {

    @TempDir
    Path dir;

    private static final String PORTS = Inputs.manifest("ports-pod.yaml");

    /** The same Pod with comments and a label above the findings: every line moves down. */
    private static final String PORTS_MOVED = Inputs.manifest("ports-pod-moved.yaml");

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Test
    void acceptedFindingsKeepTheirMatchWhenLinesMoveAndNewOnesStillFail() throws Exception {
        Cli cli = new Cli(dir).file("k8s/pod.yaml", PORTS);
        Cli.Run update = cli.run("--no-config", "--baseline", "kubelint-baseline.json", "--update-baseline", "k8s");
        assertEquals(0, update.exitCode(), update::toString);
        assertTrue(
                update.err()
                        .contains(
                                "kubelint: baseline kubelint-baseline.json: 2 findings accepted (2 added, 0 removed)"),
                update::toString);
        assertEquals("""
                {
                  "version": 1,
                  "findings": [
                    {"file": "k8s/pod.yaml", "ruleId": "port-protocol", "kind": "Pod", "namespace": "", "name": "web", "apiVersion": "v1", "jsonPointer": "/spec/containers/0/ports/1/protocol"},
                    {"file": "k8s/pod.yaml", "ruleId": "port-range", "kind": "Pod", "namespace": "", "name": "web", "apiVersion": "v1", "jsonPointer": "/spec/containers/0/ports/0/containerPort"}
                  ]
                }
                """, cli.read("kubelint-baseline.json"));

        cli.file("k8s/pod.yaml", PORTS_MOVED);
        Cli.Run checked = cli.run("--no-config", "--baseline", "kubelint-baseline.json", "--format", "json", "k8s");
        assertEquals(0, checked.exitCode(), checked::toString);
        JsonNode report = JSON.readTree(checked.out());
        assertEquals(0, report.get("findings").size(), checked::toString);
        assertEquals(2, report.get("summary").get("baselined").asInt());
        assertEquals(2, report.get("baselined").size());
        assertEquals(14, report.get("baselined").get(0).get("line").asInt(), "the finding at its new line");
        assertEquals(0, report.get("staleBaselineEntries").size());
    }

    /** The Pod with its two findings under k8s/, both accepted in the baseline b.json. */
    private Cli acceptedInBJson() throws Exception {
        Cli cli = new Cli(dir).file("k8s/pod.yaml", PORTS);
        Cli.Run update = cli.run("--no-config", "--baseline", "b.json", "--update-baseline", "k8s");
        assertEquals(0, update.exitCode(), update::toString);
        return cli;
    }

    @Test
    void newFindingsFailAndStaleEntriesAreReportedSoTheFileShrinks() throws Exception {
        Cli cli = acceptedInBJson();

        // the protocol is fixed, and a new container brings a new error
        cli.file("k8s/pod.yaml", PORTS.replace("protocol: TCPP", "protocol: TCP") + """
                    - name: sidecar
                      image: envoy:1.31
                      ports: [{containerPort: -1}]
                """);
        Cli.Run r = cli.run("--no-config", "--baseline", "b.json", "--no-source", "k8s");
        assertEquals(1, r.exitCode(), r::toString);
        assertTrue(
                r.out().contains("k8s/pod.yaml:15:31: error: containerPort -1 is not a valid port number"),
                r::toString);
        assertFalse(r.out().contains("70000"), "the accepted finding is not shown: " + r);
        assertTrue(r.out().contains("1 error, 0 warnings, 0 infos, 0 suppressed, 1 baselined in 1 file"), r::toString);
        assertEquals("""
                kubelint: baseline b.json: 1 entry matches no finding any more; --update-baseline removes it
                kubelint:   k8s/pod.yaml: port-protocol Pod web at /spec/containers/0/ports/1/protocol
                """, r.err());

        Cli.Run json = cli.run("--no-config", "--baseline", "b.json", "--format", "json", "k8s");
        JsonNode stale = JSON.readTree(json.out()).get("staleBaselineEntries");
        assertEquals(1, stale.size());
        assertEquals("port-protocol", stale.get(0).get("ruleId").asString());
        assertEquals("Pod", stale.get(0).get("object").get("kind").asString());

        Cli.Run update = cli.run("--no-config", "--baseline", "b.json", "--update-baseline", "k8s");
        assertTrue(update.err().contains("2 findings accepted (1 added, 1 removed)"), update::toString);
        assertFalse(cli.read("b.json").contains("port-protocol"));
    }

    @Test
    void theSameFindingTwiceNeedsTwoEntries() throws Exception {
        String twice = """
                apiVersion: v1
                kind: List
                items:
                  - {apiVersion: v1, kind: Pod, metadata: {name: a}, spec: {containers: [{name: c, image: x, ports: [{containerPort: 0}]}]}}
                """;
        Cli cli = new Cli(dir).file("list.yaml", twice);
        assertEquals(
                0,
                cli.run("--no-config", "--baseline", "b.json", "--update-baseline", "list.yaml")
                        .exitCode());
        // a second object at the same pointer of another document: a new finding, not covered by the first entry
        cli.file("list.yaml", twice + "---\n" + twice.replace("name: a", "name: a"));
        Cli.Run r = cli.run("--no-config", "--baseline", "b.json", "--no-source", "-q", "list.yaml");
        assertEquals(1, r.exitCode(), r::toString);
        assertEquals(1, r.out().lines().filter(l -> l.contains("[port-range]")).count(), r::toString);
    }

    @Test
    void sarifTellsTheBaselineStateOfEveryResult() throws Exception {
        Cli cli = acceptedInBJson();
        cli.file("k8s/pod.yaml", PORTS.replace("8080", "0"));
        Cli.Run r = cli.run("--no-config", "--baseline", "b.json", "--format", "sarif", "k8s");
        assertEquals(1, r.exitCode(), r::toString);
        JsonNode results = Consumers.sarif(r.out()).get("runs").get(0).get("results");
        assertEquals(3, results.size());
        int unchanged = 0;
        for (JsonNode result : results) {
            String state = result.get("baselineState").asString();
            if (state.equals("unchanged")) {
                unchanged++;
                assertEquals(
                        "external",
                        result.get("suppressions").get(0).get("kind").asString());
            } else {
                assertEquals("new", state);
                assertEquals("port-range", result.get("ruleId").asString());
                assertFalse(result.has("suppressions"));
            }
        }
        assertEquals(2, unchanged);
        // without a baseline, no result has a state
        Cli.Run plain = cli.run("--no-config", "--format", "sarif", "k8s");
        assertFalse(plain.out().contains("baselineState"));
    }

    @Test
    void theConfigurationFileNamesTheBaselineRelativeToItself() throws Exception {
        Cli cli = new Cli(dir)
                .file("repo/.git/HEAD", "")
                .file("repo/.kubelint.yaml", "baseline: ci/kubelint-baseline.json\n")
                .file("repo/k8s/pod.yaml", PORTS);
        Cli.Run update = cli.run("--update-baseline", "repo/k8s");
        assertEquals(0, update.exitCode(), update::toString);
        String written = cli.read("repo/ci/kubelint-baseline.json");
        assertTrue(written.contains("\"file\": \"../k8s/pod.yaml\""), written);
        // the same baseline works from inside the repository
        Cli inside = new Cli(dir.resolve("repo"));
        Cli.Run r = inside.run("k8s");
        assertEquals(0, r.exitCode(), r::toString);
        assertTrue(r.out().contains("2 baselined"), r::toString);
    }

    @Test
    void aMissingOrBrokenBaselineIsAUsageErrorBeforeTheScan() throws Exception {
        Cli cli = new Cli(dir)
                .file("pod.yaml", PORTS)
                .file("broken.json", "{\"version\": 1, \"findings\": [\n  {\"ruleId\": }\n]}");
        Cli.Run missing = cli.run("--no-config", "--baseline", "none.json", "pod.yaml");
        assertEquals(2, missing.exitCode());
        assertEquals(
                "kubelint: --baseline: no such baseline file: none.json; an update of the baseline writes it\n",
                missing.err());
        Cli.Run broken = cli.run("--no-config", "--baseline", "broken.json", "pod.yaml");
        assertEquals(2, broken.exitCode());
        assertTrue(
                broken.err().startsWith("kubelint: --baseline: broken.json:2:14: the baseline file is not valid JSON"),
                broken::toString);
        Cli.Run noFile = cli.run("--no-config", "--update-baseline", "pod.yaml");
        assertEquals(2, noFile.exitCode());
        assertTrue(noFile.err().contains("--baseline: updating the baseline needs a baseline file"), noFile::toString);
        assertEquals(
                "{\"version\": 1, \"findings\": [\n  {\"ruleId\": }\n]}",
                cli.read("broken.json"),
                "a file kubelint cannot read is never overwritten");
        assertEquals(
                2,
                cli.run("--no-config", "--baseline", "broken.json", "--update-baseline", "pod.yaml")
                        .exitCode());
        assertTrue(Files.exists(cli.path("broken.json")));
    }

    @Test
    void aRunOverPartOfTheRepositoryNeitherReportsNorDropsTheEntriesOfTheRest() throws Exception {
        Cli cli = new Cli(dir)
                .file("k8s/pod.yaml", PORTS)
                .file("k8s/other.yaml", PORTS.replace("name: web", "name: api"));
        assertEquals(
                0,
                cli.run("--no-config", "--baseline", "b.json", "--update-baseline", "k8s")
                        .exitCode());
        assertEquals(
                4, cli.read("b.json").lines().filter(l -> l.contains("ruleId")).count());

        // a hook that checks one changed file: the other file's entries are not stale
        Cli.Run one = cli.run("--no-config", "--baseline", "b.json", "k8s/pod.yaml");
        assertEquals(0, one.exitCode(), one::toString);
        assertEquals("", one.err());

        // an update from that file alone keeps them
        cli.file("k8s/pod.yaml", PORTS.replace("protocol: TCPP", "protocol: TCP"));
        Cli.Run update = cli.run("--no-config", "--baseline", "b.json", "--update-baseline", "k8s/pod.yaml");
        assertTrue(
                update.err().contains("baseline b.json: 3 findings accepted (0 added, 1 removed)"), update::toString);
        String written = cli.read("b.json");
        assertEquals(
                2, written.lines().filter(l -> l.contains("\"name\": \"api\"")).count(), written);
        assertFalse(written.contains(
                "\"name\": \"web\", \"apiVersion\": \"v1\", \"jsonPointer\": \"/spec/containers/0/ports/1/protocol\""));
    }
}
