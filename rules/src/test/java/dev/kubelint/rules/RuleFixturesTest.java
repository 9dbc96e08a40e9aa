package dev.kubelint.rules;

import dev.kubelint.testkit.RuleFixtures;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.TestFactory;

/** Every fixture of every built-in rule, strict both ways. */
class RuleFixturesTest {

    @TestFactory
    Stream<DynamicNode> fixtures() {
        return RuleFixtures.in(Path.of("src/test/resources/fixtures")).tests();
    }
}
