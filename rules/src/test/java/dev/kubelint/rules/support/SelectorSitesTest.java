package dev.kubelint.rules.support;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kubelint.core.kube.PodSpecs;
import dev.kubelint.core.rule.RuleDescriptor;
import dev.kubelint.rules.selectors.LabelSelectorValidRule;
import java.util.List;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

class SelectorSitesTest {

    /**
     * The engine hands label-selector-valid only the kinds it names, so every kind whose selectors SelectorSites
     * reads must be among them, or its selectors would silently go unchecked.
     */
    @Test
    void labelSelectorValidNamesEveryKindThatHoldsSelectors() {
        List<String> named =
                RuleDescriptor.of(new LabelSelectorValidRule(), "test").kinds();
        TreeSet<String> missing = new TreeSet<>(SelectorSites.kinds());
        missing.addAll(PodSpecs.KINDS);
        missing.removeAll(named);
        assertEquals(new TreeSet<String>(), missing);
        assertTrue(SelectorSites.kinds().contains("MutatingAdmissionPolicyBinding"));
    }
}
