package dev.kubelint.rules.services;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kubelint.core.rule.RuleParam;
import dev.kubelint.rules.support.IpAddresses;
import org.junit.jupiter.api.Test;

/** The node-port range parameter as the configuration reader sees it, and the address parsing the rule relies on. */
class ServiceValidRuleTest {

    @Test
    void nodePortRangeAcceptsBothFormsOfKubeApiserver() {
        assertEquals("30000-32767", ServiceValidRule.NODE_PORT_RANGE.convert("30000-32767"));
        assertEquals("80-32767", ServiceValidRule.NODE_PORT_RANGE.convert("80-32767"));
        assertEquals("30000+100", ServiceValidRule.NODE_PORT_RANGE.convert("30000+100"));
    }

    @Test
    void nodePortRangeRejectsWhatIsNotARangeWithAReason() {
        RuleParam.InvalidValueException e = assertThrows(
                RuleParam.InvalidValueException.class, () -> ServiceValidRule.NODE_PORT_RANGE.convert("30000"));
        assertTrue(e.getMessage().contains("is not a port range: write FIRST-LAST"), e.getMessage());
        assertThrows(
                RuleParam.InvalidValueException.class, () -> ServiceValidRule.NODE_PORT_RANGE.convert("40000-30000"));
        assertThrows(RuleParam.InvalidValueException.class, () -> ServiceValidRule.NODE_PORT_RANGE.convert("1-70000"));
        assertThrows(IllegalArgumentException.class, () -> ServiceValidRule.NODE_PORT_RANGE.convert(30000L));
    }

    @Test
    void addressesParseAsLegacyFieldsReadThem() {
        assertEquals("10.0.0.1", IpAddresses.parse("010.0.0.1").orElseThrow().canonical());
        assertTrue(IpAddresses.parse("010.0.0.1").orElseThrow().leadingZeros());
        assertEquals(
                "2001:db8::1",
                IpAddresses.parse("2001:0DB8:0:0:0:0:0:1").orElseThrow().canonical());
        assertTrue(IpAddresses.parse("::ffff:10.0.0.1").orElseThrow().isV4Mapped());
        assertTrue(IpAddresses.parse("::").orElseThrow().isUnspecified());
        assertTrue(IpAddresses.parse("1.2.3").isEmpty());
        assertTrue(IpAddresses.parse("1:2:3:4:5:6:7:8:9").isEmpty());
        assertTrue(IpAddresses.parse("1::2::3").isEmpty());
        assertTrue(IpAddresses.parse("example.com").isEmpty());
        assertEquals(
                "10.0.0.0/8", IpAddresses.parseCidr("10.1.2.3/8").orElseThrow().network());
        assertTrue(IpAddresses.parseCidr("10.1.2.3/8").orElseThrow().hasHostBits());
        assertTrue(IpAddresses.parseCidr("2001:db8::/129").isEmpty());
    }
}
