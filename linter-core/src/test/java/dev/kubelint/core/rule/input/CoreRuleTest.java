package dev.kubelint.core.rule.input;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kubelint.core.rule.RuleCatalog;
import dev.kubelint.core.rule.RuleDescriptor;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class CoreRuleTest {

    @Test
    void everyConstantIsFoundByItsIdAndListedByItsProvider() {
        for (CoreRule rule : CoreRule.values()) {
            assertEquals(Optional.of(rule), CoreRule.byId(rule.id()));
            assertEquals(rule.id(), rule.descriptor().id());
            assertEquals(CoreRule.ORIGIN, rule.descriptor().origin());
        }
        assertEquals(Optional.empty(), CoreRule.byId("yaml-syntaxx"));
        List<String> listed = new CoreRuleProvider()
                .descriptors().stream().map(RuleDescriptor::id).toList();
        assertEquals(CoreRule.values().length, listed.size());
    }

    @Test
    void theCatalogueOfTheClassPathHasThemWithTheirMetadata() {
        RuleCatalog catalog = RuleCatalog.load(CoreRuleTest.class.getClassLoader());
        RuleDescriptor syntax = catalog.find("yaml-syntax").orElseThrow();
        assertEquals("input", syntax.category());
        assertTrue(syntax.summary().startsWith("The file is not valid YAML"), syntax.summary());
        assertEquals(CoreRule.ORIGIN, syntax.origin());
        assertEquals("kubelint core", catalog.find("rule-failure").orElseThrow().origin());
    }
}
