package com.example.kubelint;

import java.nio.file.Path;
import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.TestFactory;

import dev.kubelint.testkit.RuleFixtures;

/**
 * Every fixture under src/test/resources/fixtures/RULE-ID: bad.yaml marks each expected finding with
 * {@code # expect: RULE-ID "part of the message"}; good.yaml must give none.
 */
class TeamRulesFixturesTest {

    @TestFactory
    Stream<DynamicNode> fixtures() {
        return RuleFixtures.in(Path.of("src/test/resources/fixtures")).tests();
    }
}
