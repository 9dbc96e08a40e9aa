package dev.kubelint.core.yaml;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.util.List;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** Properties of the YAML 1.1 scalar table kubectl uses (see {@link KubeScalarsTest} for the examples). */
class KubeScalarsPropertiesTest {

    private static final List<String> BOOLEANS = List.of("y", "Y", "yes", "Yes", "YES", "true", "True", "TRUE", "on",
            "On", "ON", "n", "N", "no", "No", "NO", "false", "False", "FALSE", "off", "Off", "OFF");

    @Provide
    Arbitrary<String> anything() {
        return Arbitraries.oneOf(
                Arbitraries.strings().withChars("0123456789+-._xXoObBeE:aInfNy".toCharArray()).ofMinLength(1).ofMaxLength(30),
                Arbitraries.strings().ofMinLength(1).ofMaxLength(40));
    }

    @Property(tries = 3000)
    void anyPlainScalarResolvesWithoutFailingAndEveryKeyHasText(@ForAll("anything") String text) {
        KubeScalars.Resolved r = KubeScalars.resolvePlain(text);
        assertNotNull(r.type());
        String key = KubeScalars.keyText(r, text);
        assertNotNull(key);
        if (r.type() == ScalarType.STRING) {
            assertEquals(text, r.value());
            assertEquals(text, key);
        }
    }

    @Property
    void decimalOctalHexAndBinaryIntegersReadBack(@ForAll long n) {
        assertEquals(n, KubeScalars.resolvePlain(Long.toString(n)).value());
        if (n >= 0) {
            assertEquals(n, KubeScalars.resolvePlain("0x" + Long.toHexString(n)).value());
            assertEquals(n, KubeScalars.resolvePlain("0o" + Long.toOctalString(n)).value());
            assertEquals(n, KubeScalars.resolvePlain("0b" + Long.toBinaryString(n)).value());
            if (n > 0) {
                // YAML 1.1: a leading zero means octal
                assertEquals(n, KubeScalars.resolvePlain("0" + Long.toOctalString(n)).value());
            }
        }
    }

    @Property
    void underscoresBetweenDigitsAreIgnored(@ForAll long n) {
        String digits = Long.toString(Math.abs(n % 1_000_000_000L));
        String spaced = String.join("_", digits.split(""));
        assertEquals(Long.parseLong(digits), KubeScalars.resolvePlain(spaced).value());
    }

    @Property
    void finiteDoublesReadBack(@ForAll double d) {
        if (Double.isFinite(d)) {
            KubeScalars.Resolved r = KubeScalars.resolvePlain(Double.toString(d));
            assertEquals(ScalarType.FLOAT, r.type(), Double.toString(d));
            assertEquals(d, (Double) r.value());
        }
    }

    @Property
    void onlyTheExactBooleanSpellingsAreBooleans(@ForAll("booleanLike") String text) {
        ScalarType expected = BOOLEANS.contains(text) ? ScalarType.BOOLEAN : ScalarType.STRING;
        assertEquals(expected, KubeScalars.resolvePlain(text).type(), text);
    }

    @Provide
    Arbitrary<String> booleanLike() {
        return Arbitraries.of(BOOLEANS).flatMap(b -> Arbitraries.integers().between(0, (1 << b.length()) - 1).map(mask -> {
            StringBuilder s = new StringBuilder();
            for (int i = 0; i < b.length(); i++) {
                char c = b.charAt(i);
                s.append((mask & (1 << i)) != 0 ? (Character.isUpperCase(c) ? Character.toLowerCase(c) : Character.toUpperCase(c)) : c);
            }
            return s.toString();
        }));
    }
}
