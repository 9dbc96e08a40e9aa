package dev.kubelint.core.custom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kubelint.core.config.ConfigApplier;
import dev.kubelint.core.config.ConfigFile;
import dev.kubelint.core.config.ConfigReader;
import dev.kubelint.core.engine.LintRequest;
import dev.kubelint.core.engine.Linter;
import dev.kubelint.core.finding.Finding;
import dev.kubelint.core.rule.RuleCatalog;
import dev.kubelint.core.testing.EqualitySelectors;
import dev.kubelint.core.testing.SampleCustomRules;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CustomRuleTest {

    @TempDir
    Path dir;

    private List<Finding> lint(String config, String manifests) throws Exception {
        ConfigFile file = new ConfigReader(dir).read(dir.resolve(".kubelint.yaml"), config);
        ConfigApplier.Applied applied = new ConfigApplier(new EqualitySelectors())
                .apply(file, RuleCatalog.load(getClass().getClassLoader()));
        Files.writeString(dir.resolve("m.yaml"), manifests);
        LintRequest request = applied.applyTo(LintRequest.of(List.of("m.yaml"), dir, RuleCatalog.of(List.of())))
                .withJobs(1);
        return new Linter().lint(request).findings();
    }

    /** "rule@line:column message" of each finding. */
    private static String describe(List<Finding> findings) {
        return findings.stream()
                .map(f -> f.ruleId() + "@" + f.location().line() + ":"
                        + f.location().column() + " " + f.message())
                .collect(Collectors.joining("\n"));
    }

    @Test
    void aPointerWithAStarChecksEveryItemAndFindingsLandOnTheFailingNode() throws Exception {
        List<Finding> findings = lint("""
                custom-rules:
                  - id: named-ports
                    severity: warning
                    message: container ports need a name
                    kinds: [Pod]
                    pointer: /spec/containers/*/ports/*
                    schema: {required: [name], properties: {name: {type: string, maxLength: 15}}}
                """, """
                apiVersion: v1
                kind: Pod
                metadata: {name: p}
                spec:
                  containers:
                    - name: a
                      ports:
                        - containerPort: 80
                        - {containerPort: 81, name: a-very-long-port-name}
                    - name: b
                      ports:
                        - {containerPort: 82, name: metrics}
                ---
                apiVersion: v1
                kind: Service
                metadata: {name: s}
                spec: {ports: [{port: 80}]}
                """);
        assertEquals("""
                named-ports@8:11 container ports need a name (spec.containers[0].ports[0]: missing required key "name")
                named-ports@9:37 container ports need a name (spec.containers[0].ports[1].name: must be at most 15 characters long)""", describe(findings));
        assertEquals(dev.kubelint.core.finding.Severity.WARNING, findings.get(0).severity());
        assertEquals("/spec/containers/0/ports/0", findings.get(0).location().jsonPointer());
    }

    @Test
    void podTemplateRulesReachEveryWorkload() throws Exception {
        List<Finding> findings = lint(SampleCustomRules.NO_HOST_NETWORK, """
                apiVersion: v1
                kind: Pod
                metadata: {name: p}
                spec: {hostNetwork: true, containers: [{name: a, image: a}]}
                ---
                apiVersion: batch/v1
                kind: CronJob
                metadata: {name: c}
                spec:
                  schedule: "@daily"
                  jobTemplate:
                    spec:
                      template:
                        spec:
                          hostNetwork: true
                          containers: [{name: a, image: a}]
                ---
                apiVersion: v1
                kind: ConfigMap
                metadata: {name: m}
                spec: {hostNetwork: true}
                """);
        assertEquals("""
                no-host-network@4:21 pods must not use the host network (spec.hostNetwork: must be false, not true)
                no-host-network@15:24 pods must not use the host network (spec.jobTemplate.spec.template.spec.hostNetwork: must be false, not true)""", describe(findings));
    }

    @Test
    void aSelectorLimitsTheRuleToMatchingObjects() throws Exception {
        String config = """
                custom-rules:
                  - id: prod-replicas
                    message: production deployments run at least two replicas
                    selector: env=prod
                    kinds: [Deployment]
                    pointer: /spec
                    schema: {required: [replicas], properties: {replicas: {minimum: 2}}}
                """;
        String deployment = """
                apiVersion: apps/v1
                kind: Deployment
                metadata: {name: d, labels: {env: ENV}}
                spec: {replicas: 1}
                """;
        assertEquals(
                "prod-replicas@4:18 production deployments run at least two replicas (spec.replicas: must have a minimum value of 2)",
                describe(lint(config, deployment.replace("ENV", "prod"))));
        assertEquals("", describe(lint(config, deployment.replace("ENV", "dev"))));
    }

    @Test
    void nullsAreAbsentAsForKubernetes() throws Exception {
        List<Finding> findings = lint("""
                custom-rules:
                  - id: no-null
                    message: m
                    pointer: /metadata/labels
                    schema: {type: object}
                """, "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: a\n  labels:\n");
        assertEquals("", describe(findings));
    }

    // ---- the three worked examples of the README, read from the README itself

    private static String readmeExample(String id) throws Exception {
        String readme =
                Files.readString(Path.of("").toAbsolutePath().getParent().resolve("README.md"));
        for (String block : readme.split("```")) {
            if (block.startsWith("yaml\n") && block.contains("custom-rules:") && block.contains("- id: " + id + "\n")) {
                return block.substring("yaml\n".length());
            }
        }
        throw new AssertionError("README.md has no yaml example with custom rule " + id);
    }

    @Test
    void readmeExampleRequiredLabels() throws Exception {
        List<Finding> findings = lint(readmeExample("required-labels"), """
                apiVersion: apps/v1
                kind: Deployment
                metadata:
                  name: no-labels
                spec: {}
                ---
                apiVersion: apps/v1
                kind: StatefulSet
                metadata:
                  name: no-team
                  labels:
                    app.kubernetes.io/name: db
                spec: {}
                ---
                apiVersion: apps/v1
                kind: Deployment
                metadata:
                  name: good
                  labels: {app.kubernetes.io/name: web, team: payments}
                spec: {}
                ---
                apiVersion: v1
                kind: ConfigMap
                metadata:
                  name: not-a-workload
                """);
        assertEquals("""
                required-labels@4:3 every workload needs the labels app.kubernetes.io/name and team (metadata: missing required key "labels")
                required-labels@12:5 every workload needs the labels app.kubernetes.io/name and team (metadata.labels: missing required key "team")""", describe(findings));
    }

    @Test
    void readmeExampleAllowedRegistries() throws Exception {
        List<Finding> findings = lint(readmeExample("allowed-registries"), """
                apiVersion: apps/v1
                kind: Deployment
                metadata: {name: web}
                spec:
                  template:
                    spec:
                      initContainers:
                        - name: setup
                          image: busybox:1.36
                      containers:
                        - name: web
                          image: registry.example.com/shop/web:1.4
                        - name: proxy
                          image: docker.io/envoyproxy/envoy:v1.31
                ---
                apiVersion: v1
                kind: Pod
                metadata: {name: ok}
                spec:
                  containers:
                    - name: a
                      image: ghcr.io/example/tool:2
                """);
        assertEquals("""
                allowed-registries@9:18 images must come from registry.example.com or ghcr.io/example (spec.template.spec.initContainers[0].image: "busybox:1.36" does not match the pattern ^(registry\\.example\\.com|ghcr\\.io/example)/)
                allowed-registries@14:18 images must come from registry.example.com or ghcr.io/example (spec.template.spec.containers[1].image: "docker.io/envoyproxy/envoy:v1.31" does not match the pattern ^(registry\\.example\\.com|ghcr\\.io/example)/)""", describe(findings));
    }

    @Test
    void readmeExampleResourceLimits() throws Exception {
        List<Finding> findings = lint(readmeExample("resource-limits"), """
                apiVersion: batch/v1
                kind: Job
                metadata: {name: migrate}
                spec:
                  template:
                    spec:
                      restartPolicy: Never
                      containers:
                        - name: none
                          image: migrate:1
                        - name: cpu-only
                          image: migrate:1
                          resources:
                            limits: {cpu: 500m}
                        - name: both
                          image: migrate:1
                          resources:
                            limits: {cpu: 500m, memory: 256Mi}
                """);
        assertEquals("""
                resource-limits@9:11 every container needs CPU and memory limits (spec.template.spec.containers[0]: missing required key "resources")
                resource-limits@14:21 every container needs CPU and memory limits (spec.template.spec.containers[1].resources.limits: missing required key "memory")""", describe(findings));
        assertTrue(findings.stream().allMatch(f -> f.severity() == dev.kubelint.core.finding.Severity.WARNING));
    }
}
