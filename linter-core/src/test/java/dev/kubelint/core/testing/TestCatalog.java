package dev.kubelint.core.testing;

import dev.kubelint.core.rule.RuleCatalog;
import dev.kubelint.core.rule.RuleDescriptor;
import java.util.List;

/** The core rules plus the test rules. */
public final class TestCatalog {

    private TestCatalog() {}

    public static RuleCatalog get() {
        return RuleCatalog.load(TestCatalog.class.getClassLoader())
                .plus(List.of(
                        RuleDescriptor.of(new LatestTagRule(), "test rules"),
                        RuleDescriptor.of(new UniqueNameRule(), "test rules")));
    }
}
