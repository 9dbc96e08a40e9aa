package dev.kubelint.core.rule;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kubelint.core.finding.Severity;
import dev.kubelint.core.manifest.Manifest;
import org.junit.jupiter.api.Test;

class RuleTextsTest {

    private abstract static class NoCheck implements Rule {
        @Override
        public void check(Manifest manifest, RuleContext ctx) {}
    }

    @RuleInfo(id = "from-resource", category = "test", severity = Severity.INFO, summary = "Texts in a resource")
    static final class FromResource extends NoCheck {}

    @RuleInfo(
            id = "inline",
            category = "test",
            severity = Severity.INFO,
            summary = "Texts inline",
            rationale = "Inline why.",
            remediation = "Inline fix.")
    static final class Inline extends NoCheck {}

    @RuleInfo(id = "none", category = "test", severity = Severity.INFO, summary = "No texts")
    static final class NoTexts extends NoCheck {}

    @RuleInfo(id = "twice", category = "test", severity = Severity.INFO, summary = "Twice", rationale = "Here.")
    static final class GivenTwice extends NoCheck {}

    @RuleInfo(id = "unknown-key", category = "test", severity = Severity.INFO, summary = "Unknown key")
    static final class UnknownKey extends NoCheck {}

    @RuleInfo(id = "not-yaml", category = "test", severity = Severity.INFO, summary = "Not YAML")
    static final class NotYaml extends NoCheck {}

    @Test
    void readsTheResourceNamedAfterTheClassAndFoldsItsLines() {
        RuleDescriptor d = RuleDescriptor.of(new FromResource(), "test");
        assertEquals("A text that spans two lines of YAML.", d.rationale());
        assertEquals("Change it.", d.remediation());
    }

    @Test
    void keepsTextsGivenInTheAnnotation() {
        RuleDescriptor d = RuleDescriptor.of(new Inline(), "test");
        assertEquals("Inline why.", d.rationale());
        assertEquals("Inline fix.", d.remediation());
    }

    @Test
    void aRuleWithoutTextsHasEmptyOnes() {
        RuleDescriptor d = RuleDescriptor.of(new NoTexts(), "test");
        assertEquals("", d.rationale());
        assertEquals("", d.remediation());
    }

    @Test
    void theResourceIsReadWhenATextIsFirstAskedFor() {
        RuleDescriptor d = RuleDescriptor.of(new NotYaml(), "test");
        assertEquals("not-yaml", d.id());
        assertThrows(IllegalArgumentException.class, d::remediation);
    }

    @Test
    void aTextGivenTwiceIsRefused() {
        var e = assertThrows(
                IllegalArgumentException.class,
                () -> RuleDescriptor.of(new GivenTwice(), "test").rationale());
        assertTrue(e.getMessage().contains("rationale twice"), e.getMessage());
    }

    @Test
    void anUnknownKeyIsRefusedWithTheResourceName() {
        var e = assertThrows(
                IllegalArgumentException.class,
                () -> RuleDescriptor.of(new UnknownKey(), "test").rationale());
        assertTrue(e.getMessage().startsWith("UnknownKey.yaml of rule class"), e.getMessage());
    }

    @Test
    void brokenYamlIsRefusedWithTheResourceName() {
        var e = assertThrows(
                IllegalArgumentException.class,
                () -> RuleDescriptor.of(new NotYaml(), "test").rationale());
        assertTrue(
                e.getMessage().contains("NotYaml.yaml of rule class")
                        && e.getMessage().contains("not valid YAML"),
                e.getMessage());
    }
}
