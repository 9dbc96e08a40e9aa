package dev.kubelint.schemas;

import java.util.Comparator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Orders Kubernetes API versions the way the API server prefers them: GA before beta before alpha, then higher
 * numbers first ({@code v2, v1, v1beta2, v1beta1, v1alpha1}); names outside that scheme come last, by name.
 */
final class ApiVersionOrder {

    private static final Pattern KUBE_VERSION = Pattern.compile("v(\\d{1,9})(?:(alpha|beta)(\\d{1,9}))?");

    /** Most preferred first. */
    public static final Comparator<String> PREFERRED_FIRST = Comparator.comparingInt(ApiVersionOrder::stabilityRank)
            .thenComparing(Comparator.comparingLong(ApiVersionOrder::major).reversed())
            .thenComparing(Comparator.comparingLong(ApiVersionOrder::minor).reversed())
            .thenComparing(Comparator.naturalOrder());

    private ApiVersionOrder() {}

    /** 0 for GA, 1 for beta, 2 for alpha, 3 for a version outside the scheme. */
    public static int stabilityRank(String version) {
        Matcher m = KUBE_VERSION.matcher(version);
        if (!m.matches()) {
            return 3;
        }
        if (m.group(2) == null) {
            return 0;
        }
        return m.group(2).equals("beta") ? 1 : 2;
    }

    public static boolean isPrerelease(String version) {
        int rank = stabilityRank(version);
        return rank == 1 || rank == 2;
    }

    private static long major(String version) {
        Matcher m = KUBE_VERSION.matcher(version);
        return m.matches() ? Long.parseLong(m.group(1)) : 0;
    }

    private static long minor(String version) {
        Matcher m = KUBE_VERSION.matcher(version);
        return m.matches() && m.group(3) != null ? Long.parseLong(m.group(3)) : 0;
    }
}
