package dev.kubelint.schemas;

import java.util.Optional;

/**
 * A Kubernetes API group, version and kind, as an object's {@code apiVersion} and {@code kind} name them.
 * The core group is the empty string ({@code apiVersion: v1}).
 */
public record GroupVersionKind(String group, String version, String kind) {

    /** Splits an apiVersion ("apps/v1", "v1"); empty when it is blank or has more than one slash. */
    public static Optional<GroupVersionKind> of(String apiVersion, String kind) {
        if (apiVersion.isBlank() || kind.isBlank()) {
            return Optional.empty();
        }
        int slash = apiVersion.indexOf('/');
        if (slash < 0) {
            return Optional.of(new GroupVersionKind("", apiVersion, kind));
        }
        if (slash == 0 || slash == apiVersion.length() - 1 || apiVersion.indexOf('/', slash + 1) >= 0) {
            return Optional.empty();
        }
        return Optional.of(new GroupVersionKind(apiVersion.substring(0, slash), apiVersion.substring(slash + 1), kind));
    }

    /** "apps/v1", or "v1" for the core group. */
    public String apiVersion() {
        return apiVersion(group, version);
    }

    public static String apiVersion(String group, String version) {
        return group.isEmpty() ? version : group + "/" + version;
    }

    /** "apps/v1 Deployment", for messages. */
    @Override
    public String toString() {
        return apiVersion() + " " + kind;
    }
}
