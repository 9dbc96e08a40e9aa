package dev.kubelint.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kubelint.core.rule.LintSettings;
import java.util.List;
import org.junit.jupiter.api.Test;

@CliWorkspace
class KubernetesVersionsCliTest {

    private static final String CRONJOB = """
            apiVersion: batch/v1beta1
            kind: CronJob
            metadata: {name: nightly}
            spec:
              schedule: "0 3 * * *"
              jobTemplate:
                spec:
                  template:
                    spec:
                      restartPolicy: OnFailure
                      containers: [{name: backup, image: example/backup:1.4.2}]
            """;

    private static final String SIDECAR = """
            apiVersion: v1
            kind: Pod
            metadata: {name: web}
            spec:
              initContainers:
                - name: proxy
                  image: example/proxy:1.0.0
                  restartPolicy: Always
              containers:
                - name: web
                  image: nginx:1.27.3
            """;

    Cli cli;

    @Test
    void versionsListsEveryBundledRelease() {
        Cli.Run run = cli.run("versions");
        assertEquals(0, run.exitCode(), run::toString);
        List<String> lines = run.out().lines().toList();
        assertTrue(lines.get(0).startsWith("release"), run.out());
        for (int i = 0; i < LintSettings.KUBERNETES_VERSIONS.size(); i++) {
            assertTrue(lines.get(i + 1).startsWith(LintSettings.KUBERNETES_VERSIONS.get(i) + " "), run.out());
        }
        assertTrue(lines.get(13).matches("1\\.35 +36 +\\d+  \\(default\\)"), run.out());
        assertEquals("", run.err());
    }

    @Test
    void aFolderNamedVersionsIsScanned() throws Exception {
        cli.file("versions/pod.yaml", SIDECAR);
        Cli.Run run = cli.run("versions");
        assertEquals(0, run.exitCode(), run::toString);
        assertTrue(run.out().contains("in 1 file, 1 object"), run.out());
    }

    @Test
    void aPatchReleaseValidatesAsItsMinorRelease() throws Exception {
        cli.file("cronjob.yaml", CRONJOB);
        Cli.Run served = cli.run("--kubernetes-version", "1.24.17", "cronjob.yaml");
        assertEquals(0, served.exitCode(), served::toString);
        Cli.Run removed = cli.run("--kubernetes-version", "1.25.0", "cronjob.yaml");
        assertEquals(1, removed.exitCode(), removed::toString);
        assertTrue(
                removed.out()
                        .contains("batch/v1beta1 CronJob is not served by Kubernetes 1.25: it was removed in"
                                + " Kubernetes 1.25; use batch/v1"),
                removed.out());
    }

    @Test
    void anUnknownReleaseListsTheBundledOnes() throws Exception {
        Cli.Run run = cli.file("pod.yaml", SIDECAR).run("--kubernetes-version", "1.36", "pod.yaml");
        assertEquals(2, run.exitCode(), run::toString);
        assertEquals(
                List.of("kubelint: --kubernetes-version: Kubernetes version '1.36' is not one of the bundled"
                        + " releases 1.23, 1.24, 1.25, 1.26, 1.27, 1.28, 1.29, 1.30, 1.31, 1.32, 1.33, 1.34, 1.35 (give a minor"
                        + " release such as 1.31, or a patch release such as 1.31.4)"),
                run.errLines());
    }

    @Test
    void sidecarsAreSidecarsFromKubernetes129() throws Exception {
        cli.file("pod.yaml", SIDECAR);
        Cli.Run before = cli.run("--kubernetes-version", "1.28", "--format", "json", "pod.yaml");
        assertEquals(1, before.exitCode(), before::toString);
        assertTrue(before.out().contains("\"ruleId\" : \"container-restart-policy\""), before.out());
        Cli.Run older = cli.run("--kubernetes-version", "1.27", "--format", "json", "pod.yaml");
        assertEquals(1, older.exitCode(), older::toString);
        assertTrue(
                older.out().contains("unknown field \\\"restartPolicy\\\" in Pod spec.initContainers[0]"), older.out());
        for (String release : List.of("1.29", "1.35")) {
            Cli.Run after = cli.run("--kubernetes-version", release, "pod.yaml");
            assertEquals(0, after.exitCode(), after::toString);
        }
    }
}
