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
        assertEquals(canonical, IpBytes.canonical(bytes(written)));
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
        "10.1.2.3, none"
    })
    void classifiesAsGoDoes(String address, String kind) throws Exception {
        byte[] b = bytes(address);
        assertEquals(kind.equals("loopback"), IpBytes.isLoopback(b), address);
        assertEquals(kind.equals("unspecified"), IpBytes.isUnspecified(b), address);
        assertEquals(kind.equals("link-local unicast"), IpBytes.isLinkLocalUnicast(b), address);
        assertEquals(kind.equals("link-local multicast"), IpBytes.isLinkLocalMulticast(b), address);
        assertEquals(kind.endsWith("multicast"), IpBytes.isMulticast(b), address);
    }

    @org.junit.jupiter.api.Test
    void knowsIpv4MappedIpv6() {
        byte[] mapped = new byte[16];
        mapped[10] = (byte) 0xff;
        mapped[11] = (byte) 0xff;
        mapped[12] = 10;
        assertTrue(IpBytes.isV4Mapped(mapped));
        assertFalse(IpBytes.isV4Mapped(new byte[] {10, 0, 0, 1}));
        assertFalse(IpBytes.isV4Mapped(new byte[16]));
    }
}
