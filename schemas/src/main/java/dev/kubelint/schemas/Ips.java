package dev.kubelint.schemas;

import java.util.Optional;

/**
 * IP addresses as Go's {@code net.ParseIP} reads them (and Kubernetes' {@code ParseIPSloppy}, which also takes IPv4
 * parts with leading zeros), without any name lookup. IPv6 may end in an IPv4 address; zones ({@code %eth0}) are
 * not addresses.
 */
final class Ips {

    private Ips() {}

    /** The 4 or 16 bytes of an address, leading zeros in IPv4 parts allowed. */
    static Optional<byte[]> parseSloppy(String s) {
        return s.contains(":") ? parse(s, true) : ipv4(s, true);
    }

    /** The 4 or 16 bytes of an address, as {@code net.ParseIP}; {@code sloppy} allows leading zeros in IPv4 parts. */
    static Optional<byte[]> parse(String s, boolean sloppy) {
        if (!s.contains(":")) {
            return ipv4(s, sloppy);
        }
        byte[] out = new byte[16];
        int ellipsis = -1;
        int i = 0;
        int at = 0;
        if (s.startsWith("::")) {
            ellipsis = 0;
            i = 2;
            if (i == s.length()) {
                return Optional.of(out);
            }
        }
        while (at < 16) {
            int start = i;
            int value = 0;
            while (i < s.length() && i - start < 5 && Character.digit(s.charAt(i), 16) >= 0) {
                value = value * 16 + Character.digit(s.charAt(i), 16);
                i++;
            }
            int digits = i - start;
            if (digits == 0 || digits > 4) {
                return Optional.empty();
            }
            if (i < s.length() && s.charAt(i) == '.') {
                if (ellipsis < 0 && at != 12 || at + 4 > 16) {
                    return Optional.empty();
                }
                Optional<byte[]> v4 = ipv4(s.substring(start), sloppy);
                if (v4.isEmpty()) {
                    return Optional.empty();
                }
                System.arraycopy(v4.get(), 0, out, at, 4);
                at += 4;
                i = s.length();
                break;
            }
            out[at] = (byte) (value >> 8);
            out[at + 1] = (byte) value;
            at += 2;
            if (i == s.length()) {
                break;
            }
            if (s.charAt(i) != ':' || i + 1 == s.length()) {
                return Optional.empty();
            }
            i++;
            if (s.charAt(i) == ':') {
                if (ellipsis >= 0) {
                    return Optional.empty();
                }
                ellipsis = at;
                i++;
                if (i == s.length()) {
                    break;
                }
            }
        }
        if (i != s.length()) {
            return Optional.empty();
        }
        if (at < 16) {
            if (ellipsis < 0) {
                return Optional.empty();
            }
            int n = 16 - at;
            for (int j = at - 1; j >= ellipsis; j--) {
                out[j + n] = out[j];
            }
            for (int j = ellipsis + n - 1; j >= ellipsis; j--) {
                out[j] = 0;
            }
        } else if (ellipsis >= 0) {
            return Optional.empty();
        }
        return Optional.of(out);
    }

    private static Optional<byte[]> ipv4(String s, boolean sloppy) {
        byte[] out = new byte[4];
        String[] parts = s.split("\\.", -1);
        if (parts.length != 4) {
            return Optional.empty();
        }
        for (int i = 0; i < 4; i++) {
            String p = parts[i];
            if (p.isEmpty()
                    || p.length() > 3
                    || !p.chars().allMatch(c -> c >= '0' && c <= '9')
                    || !sloppy && p.length() > 1 && p.charAt(0) == '0') {
                return Optional.empty();
            }
            int v = Integer.parseInt(p);
            if (v > 255) {
                return Optional.empty();
            }
            out[i] = (byte) v;
        }
        return Optional.of(out);
    }
}
