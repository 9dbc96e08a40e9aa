package dev.kubelint.core.kube;

import java.util.ArrayList;
import java.util.List;

/** The syntaxes Kubernetes requires of object names, as its name validation functions check them. */
public enum NameFormat {
    /** RFC 1123 subdomain: most kinds (Pod, ConfigMap, Deployment, ...). */
    DNS1123_SUBDOMAIN("a lowercase RFC 1123 subdomain"),
    /** RFC 1123 label: Namespace, StatefulSet. */
    DNS1123_LABEL("a lowercase RFC 1123 label"),
    /** RFC 1035 label: Service. */
    DNS1035_LABEL("an RFC 1035 label"),
    /** Any text usable as one URL path segment: RBAC kinds (which allow ':' as in system:controller). */
    PATH_SEGMENT("a path segment");

    private final String description;

    NameFormat(String description) {
        this.description = description;
    }

    public String description() {
        return description;
    }

    /**
     * Problems with a name, or with a {@code generateName} prefix when {@code prefix} is true (a prefix may end in
     * '-': the server appends random characters).
     */
    public List<String> check(String name, boolean prefix) {
        switch (this) {
            case DNS1123_LABEL:
                return Names.dns1123Label(prefix ? maskTrailingDash(name) : name);
            case DNS1035_LABEL:
                return Names.dns1035Label(prefix ? maskTrailingDash(name) : name);
            case PATH_SEGMENT:
                return pathSegment(name, prefix);
            default:
                return Names.dns1123Subdomain(prefix ? maskTrailingDash(name) : name);
        }
    }

    /** As the API server masks a generateName: a trailing '-' is checked as if it were a letter. */
    private static String maskTrailingDash(String name) {
        if (name.length() > 1 && name.endsWith("-")) {
            return name.substring(0, name.length() - 2) + "a";
        }
        return name;
    }

    private static List<String> pathSegment(String name, boolean prefix) {
        List<String> problems = new ArrayList<>();
        if (!prefix && (name.equals(".") || name.equals(".."))) {
            problems.add("may not be '" + name + "'");
        }
        if (name.contains("/")) {
            problems.add("may not contain '/'");
        }
        if (name.contains("%")) {
            problems.add("may not contain '%'");
        }
        return problems;
    }
}
