package dev.kubelint.rules.pods;

import java.util.Optional;

import dev.kubelint.core.manifest.Manifest;
import dev.kubelint.core.yaml.MappingNode;

/** Where workloads keep the settings around their pod template, and how messages name them. */
final class Workloads {

    private Workloads() {
    }

    /** The Job spec of a Job or of a CronJob's job template. */
    static Optional<MappingNode> jobSpec(Manifest manifest) {
        if (manifest.kind().equals("Job")) {
            return manifest.root().mapping("spec");
        }
        if (manifest.kind().equals("CronJob")) {
            return manifest.root().mapping("spec").flatMap(s -> s.mapping("jobTemplate")).flatMap(t -> t.mapping("spec"));
        }
        return Optional.empty();
    }

    /** "a Deployment's pod template" or "a Pod", for messages. */
    static String podSpecOwner(Manifest manifest) {
        return manifest.kind().equals("Pod") ? "a Pod" : article(manifest.kind()) + " " + manifest.kind()
                + "'s pod template";
    }

    private static String article(String word) {
        return !word.isEmpty() && "AEIOU".indexOf(word.charAt(0)) >= 0 ? "an" : "a";
    }
}
