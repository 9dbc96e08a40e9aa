package dev.kubelint.core.rule;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import dev.kubelint.core.finding.Severity;
import dev.kubelint.core.testing.NoCheckRule;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class RuleTextsTest {

    @RuleInfo(id = "from-resource", category = "test", severity = Severity.INFO, summary = "Texts in a resource")
    static final class FromResource extends NoCheckRule {}

    @RuleInfo(
            id = "inline",
            category = "test",
            severity = Severity.INFO,
            summary = "Texts inline",
            rationale = "Inline why.",
            remediation = "Inline fix.")
    static final class Inline extends NoCheckRule {}

    @RuleInfo(id = "none", category = "test", severity = Severity.INFO, summary = "No texts")
    static final class NoTexts extends NoCheckRule {}

    @RuleInfo(id = "twice", category = "test", severity = Severity.INFO, summary = "Twice", rationale = "Here.")
    static final class GivenTwice extends NoCheckRule {}

    @RuleInfo(id = "unknown-key", category = "test", severity = Severity.INFO, summary = "Unknown key")
    static final class UnknownKey extends NoCheckRule {}

    @RuleInfo(id = "not-yaml", category = "test", severity = Severity.INFO, summary = "Not YAML")
    static final class NotYaml extends NoCheckRule {}

    static Stream<Arguments> texts() {
        return Stream.of(
                arguments(
                        "the resource named after the class, its lines folded",
                        new FromResource(),
                        "A text that spans two lines of YAML.",
                        "Change it."),
                arguments("the annotation's texts", new Inline(), "Inline why.", "Inline fix."),
                arguments("empty texts for a rule without any", new NoTexts(), "", ""));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("texts")
    void readsTheTextsFromTheAnnotationOrTheResource(String what, Rule rule, String rationale, String remediation) {
        RuleDescriptor d = RuleDescriptor.of(rule, "test");
        assertEquals(rationale, d.rationale());
        assertEquals(remediation, d.remediation());
    }

    @Test
    void theResourceIsReadWhenATextIsFirstAskedFor() {
        RuleDescriptor d = RuleDescriptor.of(new NotYaml(), "test");
        assertEquals("not-yaml", d.id());
        assertThrows(IllegalArgumentException.class, d::remediation);
    }

    static Stream<Arguments> refused() {
        return Stream.of(
                arguments(
                        "a text given twice",
                        new GivenTwice(),
                        "rule class " + GivenTwice.class.getName() + " gives its rationale twice"),
                arguments(
                        "an unknown key, with the resource name",
                        new UnknownKey(),
                        "UnknownKey.yaml of rule class " + UnknownKey.class.getName() + " must be a mapping"),
                arguments(
                        "broken YAML, with the resource name",
                        new NotYaml(),
                        "NotYaml.yaml of rule class " + NotYaml.class.getName() + " is not valid YAML"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("refused")
    void textsThatCannotBeReadAreRefusedWhenAskedFor(String what, Rule rule, String message) {
        var e = assertThrows(
                IllegalArgumentException.class,
                () -> RuleDescriptor.of(rule, "test").rationale());
        assertTrue(e.getMessage().startsWith(message), e.getMessage());
    }
}
