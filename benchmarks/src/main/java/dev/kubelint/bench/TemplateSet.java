package dev.kubelint.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * The documents the generator copies, grouped by what they become: Pods, Deployments, Services, Namespaces,
 * other built-in kinds, and known-invalid documents (from folders named {@code bad}).
 *
 * <p>Only documents of API versions that Kubernetes still serves are taken as valid models, so that a generated
 * folder is mostly clean, as a real repository is; the invalid share is chosen by the generator.
 */
final class TemplateSet {

    /** The groups a document is drawn from. */
    enum Group { POD, DEPLOYMENT, SERVICE, NAMESPACE, OTHER, INVALID }

    /** Built-in kinds and their served API versions: the "other" objects of a platform repository. */
    private static final Map<String, Set<String>> OTHER_KINDS = Map.ofEntries(
            Map.entry("ConfigMap", Set.of("v1")), Map.entry("Secret", Set.of("v1")),
            Map.entry("ServiceAccount", Set.of("v1")), Map.entry("PersistentVolumeClaim", Set.of("v1")),
            Map.entry("ResourceQuota", Set.of("v1")), Map.entry("LimitRange", Set.of("v1")),
            Map.entry("StatefulSet", Set.of("apps/v1")), Map.entry("DaemonSet", Set.of("apps/v1")),
            Map.entry("ReplicaSet", Set.of("apps/v1")), Map.entry("Job", Set.of("batch/v1")),
            Map.entry("CronJob", Set.of("batch/v1")), Map.entry("Ingress", Set.of("networking.k8s.io/v1")),
            Map.entry("NetworkPolicy", Set.of("networking.k8s.io/v1")),
            Map.entry("Role", Set.of("rbac.authorization.k8s.io/v1")),
            Map.entry("RoleBinding", Set.of("rbac.authorization.k8s.io/v1")),
            Map.entry("ClusterRole", Set.of("rbac.authorization.k8s.io/v1")),
            Map.entry("ClusterRoleBinding", Set.of("rbac.authorization.k8s.io/v1")),
            Map.entry("HorizontalPodAutoscaler", Set.of("autoscaling/v2", "autoscaling/v1")),
            Map.entry("PodDisruptionBudget", Set.of("policy/v1")),
            Map.entry("StorageClass", Set.of("storage.k8s.io/v1")));

    private static final String[] EMBEDDED = {"pod.yaml", "deployment.yaml", "service.yaml", "namespace.yaml",
        "configmap.yaml"};

    /** Documents larger than this are left out: they would dominate the timing of the file they land in. */
    private static final int MAX_DOCUMENT_CHARS = 12_000;

    private final Map<Group, List<Template>> groups = new TreeMap<>();
    private final List<String> sources = new ArrayList<>();
    private final MessageDigest digest;

    TemplateSet() {
        try {
            digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        for (Group g : Group.values()) {
            groups.put(g, new ArrayList<>());
        }
    }

    /** The embedded templates (one of each common kind) and those of the given folders, in that order. */
    static TemplateSet of(List<Path> folders) throws IOException {
        TemplateSet set = new TemplateSet();
        set.addEmbedded();
        for (Path folder : folders) {
            set.addFolder(folder);
        }
        return set;
    }

    /** The templates shipped with the generator, so it works without any corpus. */
    void addEmbedded() {
        for (String name : EMBEDDED) {
            try (InputStream in = TemplateSet.class.getResourceAsStream("templates/" + name)) {
                if (in == null) {
                    throw new IllegalStateException("missing embedded template " + name);
                }
                addFile("embedded/" + name, new String(in.readAllBytes(), StandardCharsets.UTF_8), false);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        sources.add("embedded templates (" + EMBEDDED.length + " files)");
    }

    /** Every .yaml/.yml file under a folder, in sorted order of relative path. */
    void addFolder(Path folder) throws IOException {
        List<Path> files;
        try (Stream<Path> walk = Files.walk(folder)) {
            files = walk.filter(Files::isRegularFile)
                    .filter(p -> p.toString().endsWith(".yaml") || p.toString().endsWith(".yml"))
                    .sorted((a, b) -> folder.relativize(a).toString().compareTo(folder.relativize(b).toString()))
                    .toList();
        }
        int before = count();
        for (Path file : files) {
            String relative = folder.relativize(file).toString().replace('\\', '/');
            boolean bad = relative.startsWith("bad/") || relative.contains("/bad/")
                    || folder.getFileName() != null && folder.getFileName().toString().equals("bad");
            String text;
            try {
                text = Files.readString(file, StandardCharsets.UTF_8);
            } catch (java.nio.charset.MalformedInputException e) {
                continue;
            }
            addFile(folder.getFileName() + "/" + relative, text, bad);
        }
        sources.add(folder + " (" + files.size() + " files, " + (count() - before) + " documents used)");
    }

    private void addFile(String origin, String text, boolean invalid) {
        digest.update(origin.getBytes(StandardCharsets.UTF_8));
        digest.update(text.getBytes(StandardCharsets.UTF_8));
        if (text.contains("{{")) {
            return; // templates for another tool, not manifests
        }
        int index = 0;
        for (String document : splitDocuments(text)) {
            index++;
            if (document.length() > MAX_DOCUMENT_CHARS || document.isBlank()) {
                continue;
            }
            Template.of(origin + "#" + index, document, invalid).ifPresent(t -> {
                Group g = group(t, document);
                if (g != null) {
                    groups.get(g).add(t);
                }
            });
        }
    }

    private static Group group(Template t, String text) {
        if (t.invalid()) {
            return Group.INVALID;
        }
        String apiVersion = apiVersionOf(text);
        return switch (t.kind()) {
            case "Pod" -> "v1".equals(apiVersion) ? Group.POD : null;
            case "Deployment" -> "apps/v1".equals(apiVersion) ? Group.DEPLOYMENT : null;
            case "Service" -> "v1".equals(apiVersion) ? Group.SERVICE : null;
            case "Namespace" -> "v1".equals(apiVersion) ? Group.NAMESPACE : null;
            default -> OTHER_KINDS.getOrDefault(t.kind(), Set.of()).contains(apiVersion) ? Group.OTHER : null;
        };
    }

    private static String apiVersionOf(String text) {
        for (String line : text.split("\n")) {
            if (line.startsWith("apiVersion:")) {
                String value = line.substring("apiVersion:".length()).trim();
                int comment = value.indexOf(" #");
                value = comment >= 0 ? value.substring(0, comment).trim() : value;
                return value.replace("\"", "").replace("'", "");
            }
        }
        return "";
    }

    /** Splits a YAML stream at its {@code ---} lines; each part ends with a line break. */
    static List<String> splitDocuments(String text) {
        List<String> parts = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (String line : text.replace("\r\n", "\n").split("\n", -1)) {
            if (line.equals("---") || line.startsWith("--- ") || line.startsWith("---\t")) {
                parts.add(current.toString());
                current.setLength(0);
                continue;
            }
            if (line.equals("...")) {
                continue;
            }
            current.append(line).append('\n');
        }
        parts.add(current.toString());
        return parts;
    }

    List<Template> group(Group g) {
        return groups.get(g);
    }

    int count() {
        return groups.values().stream().mapToInt(List::size).sum();
    }

    List<String> sources() {
        return sources;
    }

    /** A digest of every template file read, so a changed corpus regenerates the folders. */
    String fingerprint() {
        try {
            return HexFormat.of().formatHex(((MessageDigest) digest.clone()).digest()).substring(0, 16);
        } catch (CloneNotSupportedException e) {
            throw new IllegalStateException(e);
        }
    }

    String describe() {
        StringBuilder s = new StringBuilder();
        for (Map.Entry<Group, List<Template>> e : groups.entrySet()) {
            s.append(e.getKey().name().toLowerCase(Locale.ROOT)).append(' ').append(e.getValue().size()).append(", ");
        }
        return s.substring(0, s.length() - 2);
    }
}
