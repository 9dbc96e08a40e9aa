package dev.kubelint.core.kube;

/**
 * What the bytes of an IP address (4 for IPv4, 16 for IPv6) are, as Go's {@code net.IP} and {@code netip.Addr}
 * classify them, and their canonical text. The parsers differ (the legacy fields read addresses loosely, CEL's
 * {@code ip()} strictly); what an address is, once read, is written here once.
 */
public final class IpBytes {

    private IpBytes() {}

    public static boolean isV6(byte[] b) {
        return b.length == 16;
    }

    /** An IPv6 address of the form {@code ::ffff:a.b.c.d}. */
    public static boolean isV4Mapped(byte[] b) {
        return isV6(b) && allZero(b, 0, 10) && b[10] == (byte) 0xff && b[11] == (byte) 0xff;
    }

    public static boolean isUnspecified(byte[] b) {
        return allZero(b, 0, b.length);
    }

    public static boolean isLoopback(byte[] b) {
        return isV6(b) ? allZero(b, 0, 15) && b[15] == 1 : (b[0] & 0xff) == 127;
    }

    public static boolean isLinkLocalUnicast(byte[] b) {
        return isV6(b) ? (b[0] & 0xff) == 0xfe && (b[1] & 0xc0) == 0x80 : (b[0] & 0xff) == 169 && (b[1] & 0xff) == 254;
    }

    public static boolean isLinkLocalMulticast(byte[] b) {
        return isV6(b)
                ? (b[0] & 0xff) == 0xff && (b[1] & 0x0f) == 0x02
                : (b[0] & 0xff) == 224 && b[1] == 0 && b[2] == 0;
    }

    public static boolean isMulticast(byte[] b) {
        return isV6(b) ? (b[0] & 0xff) == 0xff : (b[0] & 0xf0) == 0xe0;
    }

    /** Dotted decimal without leading zeros, or RFC 5952 for IPv6: lower case, the longest run of zeros as ::. */
    public static String canonical(byte[] b) {
        if (!isV6(b)) {
            return (b[0] & 0xff) + "." + (b[1] & 0xff) + "." + (b[2] & 0xff) + "." + (b[3] & 0xff);
        }
        int[] g = new int[8];
        for (int i = 0; i < 8; i++) {
            g[i] = ((b[2 * i] & 0xff) << 8) | (b[2 * i + 1] & 0xff);
        }
        int bestStart = -1;
        int bestLength = 0;
        for (int i = 0; i < 8; ) {
            int j = i;
            while (j < 8 && g[j] == 0) {
                j++;
            }
            if (j - i > bestLength && j - i >= 2) {
                bestStart = i;
                bestLength = j - i;
            }
            i = j == i ? i + 1 : j;
        }
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < 8; i++) {
            if (i == bestStart) {
                out.append("::");
                i += bestLength - 1;
                continue;
            }
            if (out.length() > 0 && out.charAt(out.length() - 1) != ':') {
                out.append(':');
            }
            out.append(Integer.toHexString(g[i]));
        }
        return out.toString();
    }

    private static boolean allZero(byte[] b, int from, int to) {
        for (int i = from; i < to; i++) {
            if (b[i] != 0) {
                return false;
            }
        }
        return true;
    }
}
