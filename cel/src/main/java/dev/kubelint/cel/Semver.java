package dev.kubelint.cel;

import java.math.BigInteger;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A semantic version as a CEL value ({@code semver('1.2.3')}), parsed as blang/semver's strict parser does. */
public final class Semver implements Comparable<Semver> {

    private static final Pattern STRICT = Pattern.compile(
            "(0|[1-9][0-9]*)\\.(0|[1-9][0-9]*)\\.(0|[1-9][0-9]*)(?:-([0-9A-Za-z-]+(?:\\.[0-9A-Za-z-]+)*))?(?:\\+([0-9A-Za-z-]+(?:\\.[0-9A-Za-z-]+)*))?");
    private static final Pattern LOOSE = Pattern.compile("v?([0-9]+)(?:\\.([0-9]+))?(?:\\.([0-9]+))?((?:[-+].*)?)");

    private final long major;
    private final long minor;
    private final long patch;
    private final List<String> pre;

    private Semver(long major, long minor, long patch, List<String> pre) {
        this.major = major;
        this.minor = minor;
        this.patch = patch;
        this.pre = pre;
    }

    /**
     * @param normalize accept a leading {@code v}, missing minor or patch numbers and leading zeros, as the
     *                  library's {@code semver(s, true)} does
     * @throws IllegalArgumentException when the text is not a semantic version
     */
    public static Semver parse(String text, boolean normalize) {
        String s = text;
        if (normalize) {
            Matcher loose = LOOSE.matcher(s);
            if (loose.matches()) {
                s = new BigInteger(loose.group(1)) + "."
                        + (loose.group(2) == null ? "0" : new BigInteger(loose.group(2))) + "."
                        + (loose.group(3) == null ? "0" : new BigInteger(loose.group(3))) + loose.group(4);
            }
        }
        Matcher m = STRICT.matcher(s);
        if (!m.matches()) {
            throw new IllegalArgumentException("No Major.Minor.Patch elements found");
        }
        List<String> pre = m.group(4) == null ? List.of() : List.of(m.group(4).split("\\."));
        for (String p : pre) {
            if (p.chars().allMatch(Character::isDigit) && p.length() > 1 && p.charAt(0) == '0') {
                throw new IllegalArgumentException(
                        "Numeric PreRelease version must not contain leading zeroes \"" + p + "\"");
            }
        }
        try {
            return new Semver(Long.parseLong(m.group(1)), Long.parseLong(m.group(2)), Long.parseLong(m.group(3)), pre);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("version number out of range");
        }
    }

    public static boolean isValid(String text, boolean normalize) {
        return Parsing.succeeds(() -> parse(text, normalize));
    }

    public long major() {
        return major;
    }

    public long minor() {
        return minor;
    }

    public long patch() {
        return patch;
    }

    @Override
    public int compareTo(Semver o) {
        int c = Long.compare(major, o.major);
        c = c != 0 ? c : Long.compare(minor, o.minor);
        c = c != 0 ? c : Long.compare(patch, o.patch);
        if (c != 0) {
            return c;
        }
        if (pre.isEmpty() || o.pre.isEmpty()) {
            return Boolean.compare(pre.isEmpty(), o.pre.isEmpty());
        }
        for (int i = 0; i < Math.min(pre.size(), o.pre.size()); i++) {
            String a = pre.get(i);
            String b = o.pre.get(i);
            boolean an = a.chars().allMatch(Character::isDigit);
            boolean bn = b.chars().allMatch(Character::isDigit);
            int d = an && bn ? new BigInteger(a).compareTo(new BigInteger(b)) : an ? -1 : bn ? 1 : a.compareTo(b);
            if (d != 0) {
                return Integer.signum(d);
            }
        }
        return Integer.compare(pre.size(), o.pre.size());
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Semver s && compareTo(s) == 0;
    }

    @Override
    public int hashCode() {
        return Long.hashCode(major * 961 + minor * 31 + patch) + pre.hashCode();
    }

    @Override
    public String toString() {
        return major + "." + minor + "." + patch + (pre.isEmpty() ? "" : "-" + String.join(".", pre));
    }
}
