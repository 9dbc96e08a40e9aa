package dev.kubelint.rules.support;

import dev.kubelint.core.kube.IpBytes;
import java.util.Optional;

/**
 * IP addresses and CIDRs read the way the API server reads its older fields (Go's "sloppy" parsers): IPv4 in
 * dotted decimal, where leading zeros are tolerated and read as decimal, and IPv6 in any standard form, with an
 * optional dotted IPv4 tail. Nothing here resolves names; only literal addresses parse.
 */
public final class IpAddresses {

    /** Example wording of the API server's messages. */
    public static final String INVALID_IP = "must be a valid IP address, (e.g. 10.9.8.7 or 2001:db8::ffff)";

    public static final String INVALID_CIDR = "must be a valid CIDR value, (e.g. 10.9.8.0/24 or 2001:db8::/64)";

    private IpAddresses() {}

    /**
     * A parsed address: 4 bytes for IPv4, 16 for IPv6.
     *
     * @param leadingZeros an IPv4 part was written with a leading zero (accepted in legacy fields, with a warning)
     */
    public record Ip(byte[] bytes, boolean leadingZeros) implements IpBytes {}

    /** A parsed CIDR: its address as written, and the prefix length. */
    public record Cidr(Ip ip, int prefix) {

        /** Whether bits beyond the prefix are set (10.0.0.1/8). */
        public boolean hasHostBits() {
            byte[] b = ip.bytes();
            for (int bit = prefix; bit < b.length * 8; bit++) {
                if ((b[bit / 8] & (0x80 >> (bit % 8))) != 0) {
                    return true;
                }
            }
            return false;
        }

        /** The network address of this CIDR with the prefix, as canonical text. */
        public String network() {
            byte[] b = ip.bytes().clone();
            for (int bit = prefix; bit < b.length * 8; bit++) {
                b[bit / 8] &= (byte) ~(0x80 >> (bit % 8));
            }
            return IpBytes.of(b).canonical() + "/" + prefix;
        }
    }

    /** Parses an IP address as a legacy field accepts it. */
    public static Optional<Ip> parse(String text) {
        if (text.indexOf(':') >= 0) {
            return parseV6(text);
        }
        byte[] b = new byte[4];
        boolean[] zeros = new boolean[1];
        return parseV4(text, b, 0, zeros) ? Optional.of(new Ip(b, zeros[0])) : Optional.empty();
    }

    /** Parses an address/prefix as a legacy field accepts it. */
    public static Optional<Cidr> parseCidr(String text) {
        int slash = text.indexOf('/');
        if (slash < 0) {
            return Optional.empty();
        }
        Optional<Ip> ip = parse(text.substring(0, slash));
        String prefix = text.substring(slash + 1);
        if (ip.isEmpty()
                || prefix.isEmpty()
                || prefix.length() > 3
                || !prefix.chars().allMatch(Character::isDigit)) {
            return Optional.empty();
        }
        int bits = Integer.parseInt(prefix);
        if (bits > ip.get().bytes().length * 8 || (prefix.length() > 1 && prefix.charAt(0) == '0')) {
            return Optional.empty();
        }
        return Optional.of(new Cidr(ip.get(), bits));
    }

    private static boolean parseV4(String text, byte[] into, int offset, boolean[] leadingZeros) {
        String[] parts = text.split("\\.", -1);
        if (parts.length != 4) {
            return false;
        }
        for (int i = 0; i < 4; i++) {
            String p = parts[i];
            if (p.isEmpty() || p.length() > 3 || !p.chars().allMatch(c -> c >= '0' && c <= '9')) {
                return false;
            }
            int v = Integer.parseInt(p);
            if (v > 255) {
                return false;
            }
            if (p.length() > 1 && p.charAt(0) == '0') {
                leadingZeros[0] = true;
            }
            into[offset + i] = (byte) v;
        }
        return true;
    }

    private static Optional<Ip> parseV6(String text) {
        byte[] b = new byte[16];
        int doubleColon = text.indexOf("::");
        if (doubleColon >= 0 && text.indexOf("::", doubleColon + 1) >= 0) {
            return Optional.empty();
        }
        String head = doubleColon >= 0 ? text.substring(0, doubleColon) : text;
        String tail = doubleColon >= 0 ? text.substring(doubleColon + 2) : "";
        int[] headGroups = new int[9];
        int[] tailGroups = new int[9];
        boolean[] v4Tail = new boolean[1];
        byte[] v4 = new byte[4];
        int h = groups(head, headGroups, doubleColon < 0, v4Tail, v4);
        if (h < 0) {
            return Optional.empty();
        }
        int t = 0;
        if (doubleColon >= 0) {
            if (v4Tail[0]) {
                return Optional.empty();
            }
            t = groups(tail, tailGroups, true, v4Tail, v4);
            if (t < 0) {
                return Optional.empty();
            }
        }
        int total = h + t + (v4Tail[0] ? 2 : 0);
        if (doubleColon < 0 ? total != 8 : total > 7) {
            return Optional.empty();
        }
        for (int i = 0; i < h; i++) {
            b[2 * i] = (byte) (headGroups[i] >> 8);
            b[2 * i + 1] = (byte) headGroups[i];
        }
        int start = 8 - t - (v4Tail[0] ? 2 : 0);
        for (int i = 0; i < t; i++) {
            b[2 * (start + i)] = (byte) (tailGroups[i] >> 8);
            b[2 * (start + i) + 1] = (byte) tailGroups[i];
        }
        if (v4Tail[0]) {
            System.arraycopy(v4, 0, b, 12, 4);
        }
        return Optional.of(new Ip(b, false));
    }

    /** Reads colon-separated hex groups; the last may be dotted IPv4 when allowed. Returns the count, or -1. */
    private static int groups(String text, int[] into, boolean lastMayBeV4, boolean[] v4Tail, byte[] v4) {
        if (text.isEmpty()) {
            return 0;
        }
        String[] parts = text.split(":", -1);
        if (parts.length > 8) {
            return -1;
        }
        int n = 0;
        for (int i = 0; i < parts.length; i++) {
            String p = parts[i];
            if (i == parts.length - 1 && lastMayBeV4 && p.indexOf('.') >= 0) {
                boolean[] zeros = new boolean[1];
                if (!parseV4(p, v4, 0, zeros) || zeros[0]) {
                    return -1;
                }
                v4Tail[0] = true;
                return n;
            }
            if (p.isEmpty() || p.length() > 4) {
                return -1;
            }
            int v = 0;
            for (int k = 0; k < p.length(); k++) {
                int d = Character.digit(p.charAt(k), 16);
                if (d < 0) {
                    return -1;
                }
                v = v * 16 + d;
            }
            into[n++] = v;
        }
        return n;
    }
}
