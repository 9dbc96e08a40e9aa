package com.example.kubelint;

import java.util.List;

import dev.kubelint.core.finding.Severity;
import dev.kubelint.core.kube.PodSpecs;
import dev.kubelint.core.manifest.Manifest;
import dev.kubelint.core.rule.Rule;
import dev.kubelint.core.rule.RuleContext;
import dev.kubelint.core.rule.RuleInfo;
import dev.kubelint.core.rule.RuleParam;

/** Every image comes from a registry the team trusts. Its rationale and remediation are in AllowedRegistriesRule.yaml. */
@RuleInfo(id = "allowed-registries", category = "supply-chain", severity = Severity.ERROR,
        summary = "A container image comes from a registry that is not allowed",
        kinds = {"Pod", "Deployment", "StatefulSet", "DaemonSet", "ReplicaSet", "ReplicationController", "Job", "CronJob",
                "PodTemplate"})
public final class AllowedRegistriesRule implements Rule {

    public static final RuleParam<List<String>> REGISTRIES = RuleParam.stringList("registries",
            List.of("registry.example.com"),
            "registries images may come from: a host (registry.example.com, docker.io), optionally with a path prefix"
                    + " (ghcr.io/example)");

    @Override
    public void check(Manifest manifest, RuleContext ctx) {
        List<String> allowed = ctx.param(REGISTRIES).stream().map(AllowedRegistriesRule::trimSlash).toList();
        PodSpecs.of(manifest).ifPresent(pod -> pod.containers().forEach(container ->
                container.node().scalar("image").filter(image -> image.isString() && !image.asText().isBlank())
                        .ifPresent(image -> {
                            String repository = repository(image.asText());
                            if (allowed.stream().noneMatch(a -> repository.equals(a) || repository.startsWith(a + "/"))) {
                                ctx.report(image, container.describe() + " uses " + image.asText() + " from "
                                        + registry(repository) + ", which is not an allowed registry ("
                                        + String.join(", ", allowed) + ")");
                            }
                        })));
    }

    /**
     * The full repository of an image reference as the container runtime resolves it: {@code nginx:1.27} is
     * {@code docker.io/library/nginx}, {@code ghcr.io/example/tool@sha256:...} is {@code ghcr.io/example/tool}.
     */
    static String repository(String image) {
        String name = image;
        int at = name.indexOf('@');
        if (at >= 0) {
            name = name.substring(0, at);
        }
        int colon = name.lastIndexOf(':');
        if (colon > name.lastIndexOf('/')) {
            name = name.substring(0, colon);
        }
        int slash = name.indexOf('/');
        String first = slash < 0 ? "" : name.substring(0, slash);
        boolean hasRegistry = first.contains(".") || first.contains(":") || first.equals("localhost");
        if (hasRegistry) {
            return name;
        }
        return "docker.io/" + (slash < 0 ? "library/" + name : name);
    }

    private static String registry(String repository) {
        return repository.substring(0, repository.indexOf('/'));
    }

    private static String trimSlash(String registry) {
        return registry.endsWith("/") ? registry.substring(0, registry.length() - 1) : registry;
    }
}
