package dev.kubelint.core.kube;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class IpBytesTest {

    /** Literal addresses only: InetAddress does not resolve a name given as an address literal. */
    private static byte[] bytes(String literal) throws Exception {
        return InetAddress.getByName(literal).getAddress();
    }

    @ParameterizedTest
    @CsvSource({
        "10.0.0.1, 10.0.0.1",
        "2001:DB8:0:0:0:0:0:1, 2001:db8::1",
        "2001:db8:0:0:1:0:0:1, 2001:db8::1:0:0:1",
        "2001:db8:0:1:1:1:1:1, 2001:db8:0:1:1:1:1:1",
        "0:0:0:0:0:0:0:0, ::",
        "0:0:0:0:0:0:0:1, ::1",
        "fe80:0:0:0:0:0:0:0, fe80::"
    })
    void canonicalTextFollowsRfc5952(String written, String canonical) throws Exception {
        assertEquals(canonical, IpBytes.of(bytes(written)).canonical());
    }

    @ParameterizedTest
    @CsvSource({
        "127.0.0.1, loopback",
        "::1, loopback",
        "0.0.0.0, unspecified",
        "::, unspecified",
        "169.254.1.1, link-local unicast",
        "fe80::1, link-local unicast",
        "224.0.0.251, link-local multicast",
        "ff02::1, link-local multicast",
        "239.1.1.1, multicast",
        "255.255.255.255, broadcast",
        "10.1.2.3, global unicast",
        "2001:db8::1, global unicast"
    })
    void classifiesAsGoDoes(String address, String kind) throws Exception {
        IpBytes ip = IpBytes.of(bytes(address));
        assertEquals(kind.equals("loopback"), ip.isLoopback(), address);
        assertEquals(kind.equals("unspecified"), ip.isUnspecified(), address);
        assertEquals(kind.equals("link-local unicast"), ip.isLinkLocalUnicast(), address);
        assertEquals(kind.equals("link-local multicast"), ip.isLinkLocalMulticast(), address);
        assertEquals(kind.endsWith("multicast"), ip.isMulticast(), address);
        assertEquals(kind.equals("global unicast"), ip.isGlobalUnicast(), address);
    }

    @org.junit.jupiter.api.Test
    void knowsIpv4MappedIpv6() {
        byte[] mapped = new byte[16];
        mapped[10] = (byte) 0xff;
        mapped[11] = (byte) 0xff;
        mapped[12] = 10;
        assertTrue(IpBytes.of(mapped).isV4Mapped());
        assertFalse(IpBytes.of(new byte[] {10, 0, 0, 1}).isV4Mapped());
        assertFalse(IpBytes.of(new byte[16]).isV4Mapped());
    }
}
