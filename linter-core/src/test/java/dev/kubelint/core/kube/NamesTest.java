package dev.kubelint.core.kube;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kubelint.core.testing.RandomText;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class NamesTest {

    @ParameterizedTest
    @ValueSource(
            strings = {
                "a",
                "app",
                "App",
                "my.name",
                "my_name",
                "123-abc",
                "a1",
                "example.com/app",
                "kubernetes.io/hostname",
                "node-role.kubernetes.io/control-plane",
                "a/B",
                "x.y.z/A_b.c-D"
            })
    void validQualifiedNames(String name) {
        assertEquals(0, Names.qualifiedName(name).size(), () -> name + ": " + Names.qualifiedName(name));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "",
                "-a",
                "a-",
                "_a",
                "a_",
                ".a",
                "a b",
                "a/b/c",
                "/a",
                "a/",
                "Example.com/a",
                "exa_mple.com/a",
                "-x.com/a",
                "a$",
                "ä"
            })
    void invalidQualifiedNames(String name) {
        assertFalse(Names.qualifiedName(name).isEmpty(), name);
    }

    @Test
    void qualifiedNameLengthLimits() {
        assertTrue(Names.qualifiedName("a".repeat(63)).isEmpty());
        assertFalse(Names.qualifiedName("a".repeat(64)).isEmpty());
        String prefix = ("a".repeat(63) + ".").repeat(3) + "a".repeat(61); // 253 characters
        assertEquals(253, prefix.length());
        assertTrue(Names.qualifiedName(prefix + "/name").isEmpty());
        assertFalse(Names.qualifiedName(prefix + "a/name").isEmpty());
        assertTrue(Names.qualifiedName("a/b").isEmpty());
    }

    @Test
    void labelValues() {
        assertTrue(Names.labelValue("").isEmpty());
        assertTrue(Names.labelValue("v1.2_3-x").isEmpty());
        assertTrue(Names.labelValue("a".repeat(63)).isEmpty());
        assertFalse(Names.labelValue("a".repeat(64)).isEmpty());
        assertFalse(Names.labelValue("-a").isEmpty());
        assertFalse(Names.labelValue("a/b").isEmpty());
        assertFalse(Names.labelValue("a b").isEmpty());
    }

    @Test
    void dnsNames() {
        assertTrue(Names.dns1123Label("my-name").isEmpty());
        assertTrue(Names.dns1123Label("123-abc").isEmpty());
        assertFalse(Names.dns1123Label("My-name").isEmpty());
        assertFalse(Names.dns1123Label("a.b").isEmpty());
        assertFalse(Names.dns1123Label("a".repeat(64)).isEmpty());
        assertTrue(Names.dns1123Subdomain("a.b-c.d").isEmpty());
        assertFalse(Names.dns1123Subdomain("a..b").isEmpty());
        assertFalse(Names.dns1123Subdomain("a_b").isEmpty());
        assertFalse(Names.dns1123Subdomain("a".repeat(254)).isEmpty());
        assertTrue(Names.dns1035Label("abc-123").isEmpty());
        assertFalse(Names.dns1035Label("123-abc").isEmpty());
    }

    /** The regular-expression checks agree with a character-by-character reading of the rules on random text. */
    @Test
    void agreesWithAnIndependentReadingOfTheRules() {
        for (String text : RandomText.of(42, "aZ09-_./ ", 12, 20000)) {
            assertEquals(isQualifiedName(text), Names.qualifiedName(text).isEmpty(), "qualified name '" + text + "'");
            assertEquals(
                    text.isEmpty() || isNamePart(text), Names.labelValue(text).isEmpty(), "label value '" + text + "'");
            assertEquals(isSubdomain(text), Names.dns1123Subdomain(text).isEmpty(), "subdomain '" + text + "'");
        }
    }

    private static boolean isQualifiedName(String s) {
        int slash = s.indexOf('/');
        if (slash < 0) {
            return isNamePart(s);
        }
        String prefix = s.substring(0, slash);
        String name = s.substring(slash + 1);
        return !prefix.isEmpty() && isSubdomain(prefix) && isNamePart(name);
    }

    private static boolean isNamePart(String s) {
        if (s.isEmpty() || s.length() > 63 || !alnum(s.charAt(0)) || !alnum(s.charAt(s.length() - 1))) {
            return false;
        }
        return s.chars().allMatch(c -> alnum((char) c) || c == '-' || c == '_' || c == '.');
    }

    private static boolean isSubdomain(String s) {
        if (s.isEmpty() || s.length() > 253) {
            return false;
        }
        for (String label : s.split("\\.", -1)) {
            if (label.isEmpty()
                    || label.startsWith("-")
                    || label.endsWith("-")
                    || !label.chars().allMatch(c -> (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-')) {
                return false;
            }
        }
        return true;
    }

    private static boolean alnum(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
    }

    /** Names of objects with generateName may end with a dash; RBAC names are path segments. */
    @ParameterizedTest(name = "{0} {1} (generated: {2}): {3}")
    @CsvSource({
        "DNS1123_SUBDOMAIN, web-, true, true",
        "DNS1123_SUBDOMAIN, web-, false, false",
        "DNS1035_LABEL, svc-, true, true",
        "DNS1123_LABEL, Web-, true, false",
        "PATH_SEGMENT, system:controller:job, false, true",
        "PATH_SEGMENT, Mixed Case, false, true",
        "PATH_SEGMENT, a/b, false, false",
        "PATH_SEGMENT, 50%, false, false",
        "PATH_SEGMENT, .., false, false"
    })
    void nameFormatsCheckLikeTheApiServer(NameFormat format, String name, boolean generated, boolean valid) {
        assertEquals(valid, format.check(name, generated).isEmpty());
    }

    @Test
    void kindsKnowTheirScopeAndNameSyntax() {
        assertTrue(BuiltinKinds.isClusterScoped("", "Namespace"));
        assertTrue(BuiltinKinds.isClusterScoped("rbac.authorization.k8s.io", "ClusterRole"));
        assertFalse(BuiltinKinds.isClusterScoped("rbac.authorization.k8s.io", "Role"));
        assertFalse(BuiltinKinds.isClusterScoped("example.com", "Namespace"));
        assertEquals(
                NameFormat.DNS1035_LABEL, BuiltinKinds.nameFormat("", "Service").orElseThrow());
        assertEquals(
                NameFormat.DNS1123_LABEL,
                BuiltinKinds.nameFormat("apps", "StatefulSet").orElseThrow());
        assertEquals(
                NameFormat.DNS1123_SUBDOMAIN,
                BuiltinKinds.nameFormat("", "ConfigMap").orElseThrow());
        assertTrue(BuiltinKinds.nameFormat("example.com", "Widget").isEmpty());
    }
}
