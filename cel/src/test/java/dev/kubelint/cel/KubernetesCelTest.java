package dev.kubelint.cel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The libraries' examples from k8s.io/apiserver/pkg/cel/library, evaluated in the 1.35 environment. */
class KubernetesCelTest {

    private static final CelCompiler CEL = KubernetesCel.forRelease("1.35").compiler(Map.of(), null);

    private static Evaluation eval(String expression) {
        Compilation c = CEL.compile(expression);
        assertTrue(c.ok(), () -> expression + ": " + c.problems());
        return c.expression().get().evaluate(Map.of(), KubernetesCel.PER_CALL_LIMIT);
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                // lists
                "[1, 2, 3].isSorted()",
                "['a', 'b', 'b', 'c'].isSorted()",
                "![2.0, 1.0].isSorted()",
                "[1, 3].sum() == 4",
                "[1.0, 3.0].sum() == 4.0",
                "[duration('1m'), duration('1s')].sum() == duration('1m1s')",
                "[1, 3].min() == 1",
                "[1, 3].max() == 3",
                "[1, 2, 2, 3].indexOf(2) == 1",
                "['a', 'b', 'b', 'c'].lastIndexOf('b') == 2",
                "[1.0].indexOf(1.1) == -1",
                // regex
                "'abc 123'.find('[0-9]+') == '123'",
                "'abc 123'.find('xyz') == ''",
                "'123 abc 456'.findAll('[0-9]+') == ['123', '456']",
                "'123 abc 456'.findAll('[0-9]+', 1) == ['123']",
                "'123 abc 456'.findAll('xyz') == []",
                // urls
                "url('https://example.com/path').getScheme() == 'https'",
                "url('https://example.com:80/path').getHost() == 'example.com:80'",
                "url('https://[::1]:80/path').getHostname() == '::1'",
                "url('https://example.com:80/path').getPort() == '80'",
                "url('https://example.com/path').getPort() == ''",
                "url('https://example.com/path with spaces/').getEscapedPath() == '/path with spaces/'",
                "url('https://example.com/path?k1=a&k2=b&k2=c').getQuery() == {'k1': ['a'], 'k2': ['b', 'c']}",
                "isURL('https://example.com/path')",
                "isURL('/absolute-path')",
                "!isURL('relative-path')",
                // quantity
                "isQuantity('1.3G')",
                "isQuantity('1.3Gi')",
                "!isQuantity('1,3G')",
                "isQuantity('10000k')",
                "!isQuantity('200K')",
                "!isQuantity('Three')",
                "!isQuantity('Mi')",
                "quantity('50000000G').isInteger()",
                "quantity('50k').asInteger() == 50000",
                "!quantity('9999999999999999999999999999999999999G').isInteger()",
                "quantity('50k').sub(20000).asApproximateFloat() == 30000.0",
                "quantity('50k').add(quantity('20k')) == quantity('70k')",
                "quantity('50k').add(20) == quantity('50020')",
                "quantity('50k').add(20).sub(quantity('100k')).sub(-50000) == quantity('20')",
                "quantity('200M').compareTo(quantity('0.2G')) == 0",
                "quantity('50M').compareTo(quantity('50Mi')) == -1",
                "quantity('150Mi').isGreaterThan(quantity('100Mi'))",
                "quantity('50M').isLessThan(quantity('100M'))",
                "quantity('-1').sign() == -1",
                // ip and cidr
                "isIP('192.168.0.1')",
                "isIP('2001:db8::1')",
                "!isIP('192.168.0.01')",
                "!isIP('::ffff:192.168.0.1')",
                "!isIP('fe80::1%eth0')",
                "ip('192.168.0.1').family() == 4",
                "ip('::1').family() == 6",
                "ip('127.0.0.1').isLoopback()",
                "ip('0.0.0.0').isUnspecified()",
                "ip('fe80::1').isLinkLocalUnicast()",
                "ip('224.0.0.1').isLinkLocalMulticast()",
                "ip('192.168.0.1').isGlobalUnicast()",
                "ip.isCanonical('2001:db8::1')",
                "!ip.isCanonical('2001:DB8::1')",
                "!ip.isCanonical('2001:db8:0:0:0:0:0:1')",
                "string(ip('2001:db8:0:0:0:0:0:1')) == '2001:db8::1'",
                "cidr('192.168.0.0/24').containsIP(ip('192.168.0.1'))",
                "cidr('192.168.0.0/24').containsIP('192.168.0.1')",
                "!cidr('192.168.0.0/24').containsIP('192.168.1.1')",
                "cidr('192.168.0.0/16').containsCIDR(cidr('192.168.10.0/24'))",
                "!cidr('192.168.0.0/24').containsCIDR('192.168.0.0/16')",
                "cidr('192.168.0.1/24').masked() == cidr('192.168.0.0/24')",
                "cidr('192.168.0.0/24').prefixLength() == 24",
                "cidr('192.168.0.0/24').ip() == ip('192.168.0.0')",
                "isCIDR('10.0.0.0/8')",
                "!isCIDR('10.0.0.0/33')",
                "!isCIDR('10.0.0.0')",
                "string(cidr('2001:db8::/32')) == '2001:db8::/32'",
                // format
                "format.dns1123Label().validate('my-name').hasValue() == false",
                "format.dns1123Label().validate('MyName').hasValue()",
                "format.named('dns1123Subdomain').hasValue()",
                "!format.named('no-such-format').hasValue()",
                "format.named('labelValue').value().validate('a b').value().size() > 0",
                // semver
                "isSemver('1.0.0')",
                "!isSemver('v1.0.0')",
                "isSemver('v1.0', true)",
                "semver('1.2.3').major() == 1 && semver('1.2.3').minor() == 2 && semver('1.2.3').patch() == 3",
                "semver('1.2.3').isGreaterThan(semver('1.2.2'))",
                "semver('1.0.0-alpha').isLessThan(semver('1.0.0'))",
                "semver('1.2.3').compareTo(semver('1.2.3')) == 0",
                "semver('v01.02', true) == semver('1.2.0')",
                // strings, sets and optional extensions, two-variable comprehensions
                "'a,b'.split(',') == ['a', 'b']",
                "'  x '.trim() == 'x'",
                "['a', 'b'].join('-') == 'a-b'",
                "'hello'.charAt(1) == 'e'",
                "'TacoCat'.lowerAscii() == 'tacocat'",
                "sets.contains([1, 2, 3], [2])",
                "sets.intersects([1], [1, 2])",
                "sets.equivalent([1, 2], [2, 1, 1])",
                "optional.of(1).hasValue()",
                "{'a': 1}[?'b'].orValue(5) == 5",
                "[10, 20].all(i, v, v == (i + 1) * 10)",
                "{'a': 1, 'b': 2}.exists(k, v, k == 'b' && v == 2)",
                "[1, 2].transformList(i, v, v * 2) == [2, 4]",
                // cross-type numeric comparisons
                "1 < 2.5",
            })
    void examplesHold(String expression) {
        Evaluation e = eval(expression);
        assertTrue(e.ok(), () -> expression + ": " + e.error());
        assertEquals(Boolean.TRUE, e.value(), expression);
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "[].min()|min called on empty list",
                "quantity('200K')|unable to parse quantity's suffix",
                "quantity('1,3G')|quantities must match the regular expression",
                "quantity('9999999999999999999999999999999999999G').asInteger()|cannot convert value to integer",
                "ip('192.168.0.01')|IP Address \"192.168.0.01\" parse error during conversion from string",
                "ip('::ffff:1.2.3.4')|IPv4-mapped IPv6 address \"::ffff:1.2.3.4\" is not allowed",
                "cidr('10.0.0.0/33')|network address parse error during conversion from string",
                "url('relative')|URL parse error during conversion from string",
                "{'a': 1}['b']|no such key: b",
                "[1][3]|index out of bounds: 3",
                "1 / 0|division by zero",
                "9223372036854775807 + 1|integer overflow",
                "'x'.find('[')|error parsing regexp",
            })
    void errorsUseTheServersWords(String expression, String expected) {
        Evaluation e = eval(expression);
        assertFalse(e.ok(), expression);
        assertTrue(e.error().contains(expected), () -> expression + ": " + e.error());
    }

    @Test
    void releasesHaveTheirLibraries() {
        CelCompiler old = KubernetesCel.forRelease("1.30").compiler(Map.of(), null);
        assertTrue(old.compile("isIP('1.2.3.4') && isCIDR('1.0.0.0/8')").ok());
        assertFalse(
                old.compile("format.dns1123Label().validate('a').hasValue()").ok(), "format arrived in 1.31");
        assertFalse(old.compile("isSemver('1.0.0')").ok(), "semver arrived in 1.33");
        assertFalse(old.compile("[1].all(i, v, v > 0)").ok(), "two-variable comprehensions arrived in 1.32");
        assertTrue(CEL.compile("isSemver('1.0.0') && [1].all(i, v, v > 0)").ok());
        assertSame(KubernetesCel.forRelease("1.34"), KubernetesCel.forNewExpressions("1.35"));
        CelCompiler previous = KubernetesCel.forNewExpressions("1.32").compiler(Map.of(), null);
        assertTrue(previous.compile("format.dns1123Label().validate('a').hasValue() == false")
                .ok());
        assertFalse(previous.compile("[1].all(i, v, v > 0)").ok(), "1.32 objects were created by a 1.31 server");
    }

    @Test
    void typeErrorsAreCompileProblems() {
        Compilation c = CEL.compile("[1, 'a']");
        assertFalse(c.ok());
        Compilation d = CEL.compile("1 + 'a'");
        assertTrue(
                d.problems().get(0).startsWith("ERROR: <input>:1:3: found no matching overload for '_+_'"),
                d.problems().toString());
    }

    @Test
    void aCostlyExpressionStopsAtTheLimit() {
        Compilation c = CEL.compile(
                "[1,2,3,4,5,6,7,8,9,10].all(a, [1,2,3,4,5,6,7,8,9,10].all(b, [1,2,3,4,5,6,7,8,9,10]"
                        + ".all(c, [1,2,3,4,5,6,7,8,9,10].all(d, [1,2,3,4,5,6,7,8,9,10].all(e, [1,2,3,4,5,6,7,8,9,10].all(f, true))))))");
        Evaluation e = c.expression().get().evaluate(Map.of(), 50_000);
        assertTrue(e.costLimitExceeded());
        assertTrue(e.error().startsWith("operation cancelled: actual cost limit exceeded"));
        assertTrue(e.cost() > 50_000 && e.cost() < 50_100, () -> "stopped at " + e.cost());
        Evaluation cheap =
                CEL.compile("[1, 2, 3].all(x, x > 0)").expression().get().evaluate(Map.of(), 50_000);
        assertTrue(cheap.ok() && cheap.isTrue() && cheap.cost() < 100, () -> "cost " + cheap.cost());
    }
}
