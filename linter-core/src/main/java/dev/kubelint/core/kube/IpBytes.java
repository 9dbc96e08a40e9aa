package dev.kubelint.core.kube;

import java.util.Arrays;

/**
 * An IP address by its bytes (4 for IPv4, 16 for IPv6): what it is, as Go's {@code net.IP} and {@code netip.Addr}
 * classify it, and its canonical text. The parsers differ (the legacy fields read addresses loosely, CEL's
 * {@code ip()} strictly); what an address is, once read, is written here once, for every type that holds one.
 */
public interface IpBytes {

    /** The address's bytes, 4 or 16; callers read them and never change them. */
    byte[] bytes();

    /** The bytes as an address, without copying them. */
    static IpBytes of(byte[] bytes) {
        return () -> bytes;
    }

    default boolean isV6() {
        return bytes().length == 16;
    }

    /** An IPv6 address of the form {@code ::ffff:a.b.c.d}. */
    default boolean isV4Mapped() {
        byte[] b = bytes();
        return isV6() && allZero(b, 0, 10) && b[10] == (byte) 0xff && b[11] == (byte) 0xff;
    }

    default boolean isUnspecified() {
        byte[] b = bytes();
        return allZero(b, 0, b.length);
    }

    default boolean isLoopback() {
        byte[] b = bytes();
        return isV6() ? allZero(b, 0, 15) && b[15] == 1 : (b[0] & 0xff) == 127;
    }

    default boolean isLinkLocalUnicast() {
        byte[] b = bytes();
        return isV6() ? (b[0] & 0xff) == 0xfe && (b[1] & 0xc0) == 0x80 : (b[0] & 0xff) == 169 && (b[1] & 0xff) == 254;
    }

    default boolean isLinkLocalMulticast() {
        byte[] b = bytes();
        return isV6() ? (b[0] & 0xff) == 0xff && (b[1] & 0x0f) == 0x02 : (b[0] & 0xff) == 224 && b[1] == 0 && b[2] == 0;
    }

    default boolean isMulticast() {
        byte[] b = bytes();
        return isV6() ? (b[0] & 0xff) == 0xff : (b[0] & 0xf0) == 0xe0;
    }

    /** Go's {@code IsGlobalUnicast}: not unspecified, loopback, multicast, link-local or the IPv4 broadcast. */
    default boolean isGlobalUnicast() {
        boolean broadcast = Arrays.equals(bytes(), new byte[] {-1, -1, -1, -1});
        return !broadcast && !isUnspecified() && !isLoopback() && !isMulticast() && !isLinkLocalUnicast();
    }

    /** Dotted decimal without leading zeros, or RFC 5952 for IPv6: lower case, the longest run of zeros as ::. */
    default String canonical() {
        byte[] b = bytes();
        if (!isV6()) {
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
