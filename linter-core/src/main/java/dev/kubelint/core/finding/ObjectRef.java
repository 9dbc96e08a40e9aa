package dev.kubelint.core.finding;

/** Which Kubernetes object a finding is about; empty strings where the manifest does not say. */
public record ObjectRef(String apiVersion, String kind, String namespace, String name) {

    public static final ObjectRef NONE = new ObjectRef("", "", "", "");

    /** "Deployment web" or "Deployment shop/web", for messages and reports. */
    public String describe() {
        String k = kind.isEmpty() ? "object" : kind;
        if (name.isEmpty()) {
            return k;
        }
        return namespace.isEmpty() ? k + " " + name : k + " " + namespace + "/" + name;
    }
}
