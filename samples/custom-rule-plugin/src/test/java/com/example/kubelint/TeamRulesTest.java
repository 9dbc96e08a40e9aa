package com.example.kubelint;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.kubelint.core.engine.LintRequest;
import dev.kubelint.core.engine.Linter;
import dev.kubelint.core.engine.RuleSettings;
import dev.kubelint.core.finding.Finding;
import dev.kubelint.core.rule.RuleCatalog;
import dev.kubelint.core.rule.RuleDescriptor;

/** The provider is registered, and the parameters work as a team would configure them. */
class TeamRulesTest {

    @TempDir
    Path dir;

    private final RuleCatalog catalog = RuleCatalog.load(getClass().getClassLoader());

    @Test
    void kubelintFindsBothRulesThroughTheServiceFile() {
        for (String id : List.of("team-label", "allowed-registries")) {
            RuleDescriptor rule = catalog.find(id).orElseThrow(() -> new AssertionError(id + " is not registered"));
            assertEquals("Example team rules", rule.origin());
        }
    }

    @Test
    void imageReferencesResolveAsTheContainerRuntimeResolvesThem() {
        assertEquals("docker.io/library/nginx", AllowedRegistriesRule.repository("nginx:1.27"));
        assertEquals("docker.io/bitnami/redis", AllowedRegistriesRule.repository("bitnami/redis"));
        assertEquals("ghcr.io/example/tool", AllowedRegistriesRule.repository("ghcr.io/example/tool@sha256:abc"));
        assertEquals("localhost:5000/tool", AllowedRegistriesRule.repository("localhost:5000/tool:1"));
        assertEquals("localhost/tool", AllowedRegistriesRule.repository("localhost/tool"));
    }

    @Test
    void theLabelParameterNamesAnotherLabel() throws Exception {
        Files.writeString(dir.resolve("pod.yaml"), """
                apiVersion: v1
                kind: Pod
                metadata:
                  name: web
                  labels: {team: shop}
                spec:
                  containers: [{name: web, image: registry.example.com/web:1}]
                """);
        LintRequest request = LintRequest.of(List.of("pod.yaml"), dir, catalog).withJobs(1)
                .withRuleSettings(Map.of("team-label", RuleSettings.DEFAULT.withParams(Map.of("label", "owner"))));
        List<Finding> findings = new Linter().lint(request).findings();
        assertEquals(List.of("Pod web has no owner label"), findings.stream().map(Finding::message).toList());
        assertEquals(5, findings.get(0).location().line());
    }
}
