package dev.kubelint.cel;

import dev.kubelint.core.kube.IpBytes;
import java.util.Arrays;

/**
 * An IP address as a CEL value ({@code ip('10.0.0.1')}), parsed as Go's {@code netip.ParseAddr} parses it, with
 * the Kubernetes library's restrictions: no IPv4-mapped IPv6 address, no zone.
 */
public final class IpAddress implements IpBytes {

    private final byte[] bytes;

    private IpAddress(byte[] bytes) {
        this.bytes = bytes;
    }

    static IpAddress of(byte[] bytes) {
        return new IpAddress(bytes.clone());
    }

    /** @throws IllegalArgumentException with the library's message when the text is not an allowed address */
    public static IpAddress parse(String text) {
        byte[] b;
        try {
            b = parseBytes(text);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("IP Address \"" + text + "\" parse error during conversion from string: "
                    + "ParseAddr(\"" + text + "\"): " + e.getMessage());
        }
        if (text.contains("%")) {
            throw new IllegalArgumentException("IP address \"" + text + "\" with zone value is not allowed");
        }
        if (IpBytes.of(b).isV4Mapped()) {
            throw new IllegalArgumentException("IPv4-mapped IPv6 address \"" + text + "\" is not allowed");
        }
        return new IpAddress(b);
    }

    public static boolean isValid(String text) {
        return Parsing.succeeds(() -> parse(text));
    }

    static byte[] parseBytes(String text) {
        if (text.isEmpty()) {
            throw new IllegalArgumentException("unable to parse IP");
        }
        if (text.indexOf(':') >= 0) {
            return parseV6(text);
        }
        return parseV4(text, text);
    }

    private static byte[] parseV4(String text, String whole) {
        String[] parts = text.split("\\.", -1);
        if (parts.length != 4) {
            throw new IllegalArgumentException(parts.length < 4 ? "IPv4 address too short" : "IPv4 address too long");
        }
        byte[] b = new byte[4];
        for (int i = 0; i < 4; i++) {
            String p = parts[i];
            if (p.isEmpty()) {
                throw new IllegalArgumentException("IPv4 field must have at least one digit");
            }
            if (p.length() > 1 && p.charAt(0) == '0') {
                throw new IllegalArgumentException("IPv4 field has octet with leading zero");
            }
            int v = 0;
            for (char c : p.toCharArray()) {
                if (c < '0' || c > '9') {
                    throw new IllegalArgumentException("unexpected character");
                }
                v = v * 10 + (c - '0');
                if (v > 255) {
                    throw new IllegalArgumentException("IPv4 field has value >255");
                }
            }
            b[i] = (byte) v;
        }
        return b;
    }

    private static byte[] parseV6(String text) {
        String s = text;
        int zone = s.indexOf('%');
        if (zone >= 0) {
            if (zone == s.length() - 1) {
                throw new IllegalArgumentException("zone must be a non-empty string");
            }
            s = s.substring(0, zone);
        }
        byte[] b = new byte[16];
        int doubleColon = s.indexOf("::");
        if (doubleColon >= 0 && s.indexOf("::", doubleColon + 1) >= 0) {
            throw new IllegalArgumentException("multiple :: in address");
        }
        String head = doubleColon >= 0 ? s.substring(0, doubleColon) : s;
        String tail = doubleColon >= 0 ? s.substring(doubleColon + 2) : "";
        int[] headGroups = groups(head, false);
        int[] tailGroups = groups(tail, true);
        if (doubleColon < 0) {
            headGroups = groups(s, true);
            if (headGroups.length != 8) {
                throw new IllegalArgumentException("address string too short");
            }
        } else if (headGroups.length + tailGroups.length > 7) {
            throw new IllegalArgumentException("address string too long");
        }
        for (int i = 0; i < headGroups.length; i++) {
            b[2 * i] = (byte) (headGroups[i] >> 8);
            b[2 * i + 1] = (byte) headGroups[i];
        }
        if (doubleColon >= 0) {
            int start = 8 - tailGroups.length;
            for (int i = 0; i < tailGroups.length; i++) {
                b[2 * (start + i)] = (byte) (tailGroups[i] >> 8);
                b[2 * (start + i) + 1] = (byte) tailGroups[i];
            }
        }
        return b;
    }

    /** 16-bit groups; the last may be an embedded IPv4 address (two groups) when {@code last} is true. */
    private static int[] groups(String s, boolean last) {
        if (s.isEmpty()) {
            return new int[0];
        }
        String[] parts = s.split(":", -1);
        int[] out = new int[parts.length + 1];
        int n = 0;
        for (int i = 0; i < parts.length; i++) {
            String p = parts[i];
            if (last && i == parts.length - 1 && p.indexOf('.') >= 0) {
                byte[] v4 = parseV4(p, s);
                out[n++] = ((v4[0] & 0xff) << 8) | (v4[1] & 0xff);
                out[n++] = ((v4[2] & 0xff) << 8) | (v4[3] & 0xff);
                continue;
            }
            if (p.isEmpty() || p.length() > 4) {
                throw new IllegalArgumentException(
                        p.isEmpty()
                                ? "unexpected character"
                                : "each colon-separated field must have at most 4 hex digits");
            }
            int v = 0;
            for (char c : p.toCharArray()) {
                int d = Character.digit(c, 16);
                if (d < 0 || c > 127) {
                    throw new IllegalArgumentException("unexpected character");
                }
                v = v * 16 + d;
            }
            out[n++] = v;
        }
        return Arrays.copyOf(out, n);
    }

    @Override
    public byte[] bytes() {
        return bytes;
    }

    public int family() {
        return isV6() ? 6 : 4;
    }

    /** The canonical text: dotted decimal, or RFC 5952 for IPv6 (as Go's {@code netip.Addr.String}). */
    @Override
    public String toString() {
        return canonical();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof IpAddress other && Arrays.equals(bytes, other.bytes);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(bytes);
    }
}
