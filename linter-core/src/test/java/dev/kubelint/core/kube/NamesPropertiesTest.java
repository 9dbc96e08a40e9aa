package dev.kubelint.core.kube;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/**
 * Properties of the name and label syntax checks: values generated from each grammar are accepted, mutations that
 * break one rule of the grammar are rejected for that reason, and for any string at all the verdict agrees with
 * a plain character-by-character reading of the grammar (an oracle written without regular expressions).
 */
class NamesPropertiesTest {

    private static final String LOWER_ALNUM = "abcdefghijklmnopqrstuvwxyz0123456789";
    private static final String ALNUM = LOWER_ALNUM + "ABCDEFGHIJKLMNOPQRSTUVWXYZ";

    // ---- generators from the grammars

    private static Arbitrary<String> word(String edge, String middle, int maxLength) {
        Arbitrary<Character> first = Arbitraries.of(chars(edge));
        Arbitrary<String> inner = Arbitraries.strings().withChars(middle.toCharArray()).ofMaxLength(Math.max(0, maxLength - 2));
        Arbitrary<Character> last = Arbitraries.of(chars(edge));
        Arbitrary<String> longer = Combinators.combine(first, inner, last).as((a, b, c) -> a + b + c);
        return Arbitraries.oneOf(first.map(String::valueOf), longer);
    }

    private static Character[] chars(String s) {
        return s.chars().mapToObj(c -> (char) c).toArray(Character[]::new);
    }

    @Provide
    Arbitrary<String> dns1123Labels() {
        return word(LOWER_ALNUM, LOWER_ALNUM + "-", Names.DNS1123_LABEL_MAX);
    }

    @Provide
    Arbitrary<String> dns1123Subdomains() {
        return dns1123Labels().list().ofMinSize(1).ofMaxSize(6).map(l -> String.join(".", l))
                .filter(s -> s.length() <= Names.DNS1123_SUBDOMAIN_MAX);
    }

    @Provide
    Arbitrary<String> dns1035Labels() {
        Arbitrary<Character> letter = Arbitraries.of(chars("abcdefghijklmnopqrstuvwxyz"));
        return Combinators.combine(letter, word(LOWER_ALNUM, LOWER_ALNUM + "-", Names.DNS1035_LABEL_MAX - 1).injectNull(0.2))
                .as((a, rest) -> rest == null ? String.valueOf(a) : a + rest);
    }

    @Provide
    Arbitrary<String> nameParts() {
        return word(ALNUM, ALNUM + "-_.", Names.QUALIFIED_NAME_MAX);
    }

    @Provide
    Arbitrary<String> qualifiedNames() {
        return Combinators.combine(dns1123Subdomains().injectNull(0.5), nameParts())
                .as((prefix, name) -> prefix == null ? name : prefix + "/" + name);
    }

    @Provide
    Arbitrary<String> labelValues() {
        return Arbitraries.oneOf(Arbitraries.just(""), nameParts());
    }

    @Provide
    Arbitrary<String> portNames() {
        return word(LOWER_ALNUM, LOWER_ALNUM + "-", Names.PORT_NAME_MAX)
                .filter(s -> !s.contains("--") && s.chars().anyMatch(Character::isLetter));
    }

    @Provide
    Arbitrary<String> anything() {
        return Arbitraries.oneOf(
                Arbitraries.strings().withChars((LOWER_ALNUM + "-._/A").toCharArray()).ofMaxLength(300),
                Arbitraries.strings().ofMaxLength(80));
    }

    // ---- generated values are accepted

    @Property
    void validDns1123LabelsAreAccepted(@ForAll("dns1123Labels") String v) {
        assertEquals(List.of(), Names.dns1123Label(v), v);
    }

    @Property
    void validDns1123SubdomainsAreAccepted(@ForAll("dns1123Subdomains") String v) {
        assertEquals(List.of(), Names.dns1123Subdomain(v), v);
    }

    @Property
    void validDns1035LabelsAreAccepted(@ForAll("dns1035Labels") String v) {
        assertEquals(List.of(), Names.dns1035Label(v), v);
    }

    @Property
    void validQualifiedNamesAreAccepted(@ForAll("qualifiedNames") String v) {
        assertEquals(List.of(), Names.qualifiedName(v), v);
    }

    @Property
    void validLabelValuesAreAccepted(@ForAll("labelValues") String v) {
        assertEquals(List.of(), Names.labelValue(v), v);
    }

    @Property
    void validPortNamesAreAccepted(@ForAll("portNames") String v) {
        assertEquals(List.of(), Names.ianaServiceName(v), v);
    }

    // ---- mutations are rejected, for the right reason

    @Property
    void anUppercaseLetterBreaksADns1123Label(@ForAll("dns1123Labels") String v, @ForAll @IntRange(max = 62) int at) {
        int i = Math.min(at, v.length() - 1);
        String upper = v.substring(0, i) + "Q" + v.substring(i + 1);
        List<String> problems = Names.dns1123Label(upper);
        assertEquals(1, problems.size(), upper + ": " + problems);
        assertTrue(problems.get(0).contains("lower case alphanumeric"), problems.get(0));
    }

    @Property
    void aHyphenAtEitherEndBreaksADns1123Label(@ForAll("dns1123Labels") String v, @ForAll boolean atStart) {
        String mutated = atStart ? "-" + v : v + "-";
        List<String> problems = Names.dns1123Label(mutated);
        assertTrue(problems.stream().anyMatch(p -> p.contains("start and end with an alphanumeric")), mutated + ": " + problems);
    }

    @Property
    void tooLongIsRejectedWithTheLength(@ForAll("dns1123Labels") String v) {
        String longer = (v + "a".repeat(Names.DNS1123_LABEL_MAX)).substring(0, Names.DNS1123_LABEL_MAX + 1);
        assertEquals(List.of("must be no more than 63 characters"), Names.dns1123Label(longer));
        assertTrue(Names.labelValue(longer).contains("must be no more than 63 characters"));
    }

    @Property
    void anEmptyLabelBreaksASubdomain(@ForAll("dns1123Subdomains") String v) {
        String mutated = v + "..x";
        assertTrue(Names.dns1123Subdomain(mutated).stream().anyMatch(p -> p.contains("RFC 1123 subdomain")), mutated);
    }

    @Property
    void aLeadingDigitBreaksADns1035Label(@ForAll("dns1035Labels") String v, @ForAll @IntRange(max = 9) int digit) {
        String mutated = digit + v.substring(Math.min(1, v.length() - 1));
        assertTrue(Names.dns1035Label(mutated).stream().anyMatch(p -> p.contains("start with an alphabetic")), mutated);
    }

    @Property
    void aSecondSlashOrAnEmptyPartBreaksAQualifiedName(@ForAll("nameParts") String name) {
        assertTrue(Names.qualifiedName("a/b/" + name).get(0).contains("optional DNS subdomain prefix"));
        assertEquals(List.of("prefix part must be non-empty"), Names.qualifiedName("/" + name));
        assertEquals(List.of("name part must be non-empty"), Names.qualifiedName("example.com/"));
    }

    @Property
    void anUppercasePrefixBreaksAQualifiedName(@ForAll("nameParts") String name) {
        List<String> problems = Names.qualifiedName("Example.com/" + name);
        assertEquals(1, problems.size(), problems.toString());
        assertTrue(problems.get(0).startsWith("prefix part "), problems.get(0));
    }

    @Property
    void doubleHyphensAndNoLetterBreakAPortName(@ForAll("portNames") String v) {
        if (v.length() <= Names.PORT_NAME_MAX - 3) {
            assertTrue(Names.ianaServiceName("a--" + v).contains("must not contain consecutive hyphens"));
        }
        String digits = v.replaceAll("[a-z]", "1");
        assertTrue(Names.ianaServiceName(digits).contains("must contain at least one letter (a-z)"), digits);
    }

    // ---- for any string, the verdict agrees with a plain reading of the grammar

    @Property(tries = 2000)
    void verdictsAgreeWithAnOracle(@ForAll("anything") String v) {
        assertEquals(isDns1123Label(v), Names.dns1123Label(v).isEmpty(), "dns1123Label " + v);
        assertEquals(isSubdomain(v), Names.dns1123Subdomain(v).isEmpty(), "dns1123Subdomain " + v);
        assertEquals(isDns1123Label(v) && !v.isEmpty() && Character.isLetter(v.charAt(0)),
                Names.dns1035Label(v).isEmpty(), "dns1035Label " + v);
        assertEquals(v.isEmpty() || isNamePart(v), Names.labelValue(v).isEmpty(), "labelValue " + v);
        assertEquals(isQualifiedName(v), Names.qualifiedName(v).isEmpty(), "qualifiedName " + v);
    }

    private static boolean in(char c, String set) {
        return set.indexOf(c) >= 0;
    }

    private static boolean edgesAndMiddle(String v, String edge, String middle, int max) {
        if (v.isEmpty() || v.length() > max || !in(v.charAt(0), edge) || !in(v.charAt(v.length() - 1), edge)) {
            return false;
        }
        for (int i = 0; i < v.length(); i++) {
            if (!in(v.charAt(i), middle)) {
                return false;
            }
        }
        return true;
    }

    private static boolean isDns1123Label(String v) {
        return edgesAndMiddle(v, LOWER_ALNUM, LOWER_ALNUM + "-", 63);
    }

    private static boolean isSubdomain(String v) {
        if (v.isEmpty() || v.length() > 253) {
            return false;
        }
        for (String label : v.split("\\.", -1)) {
            if (!edgesAndMiddle(label, LOWER_ALNUM, LOWER_ALNUM + "-", Integer.MAX_VALUE)) {
                return false;
            }
        }
        return true;
    }

    private static boolean isNamePart(String v) {
        return edgesAndMiddle(v, ALNUM, ALNUM + "-_.", 63);
    }

    private static boolean isQualifiedName(String v) {
        int slash = v.indexOf('/');
        if (slash < 0) {
            return isNamePart(v);
        }
        return v.indexOf('/', slash + 1) < 0 && isSubdomain(v.substring(0, slash)) && isNamePart(v.substring(slash + 1));
    }
}
