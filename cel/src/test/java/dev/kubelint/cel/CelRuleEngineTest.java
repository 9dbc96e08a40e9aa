package dev.kubelint.cel;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.kubelint.core.custom.JsonTrees;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Custom rules with an expression word their findings as the API server words a failed validation. */
class CelRuleEngineTest {

    @ParameterizedTest(name = "{0} / {1}")
    @CsvSource(
            delimiter = '|',
            value = {
                "object.n < 3 | '' | fixed | fixed",
                "object.n < 3 | '' | '' | failed expression: object.n < 3",
                "object.n < 3 | 'n is ' + string(object.n) | fixed | n is 5",
                "object.n < 3 | \"two\\nlines\" | fixed | fixed",
                "object.n < 3 | \"  \" | fixed | fixed",
                "object.m < 3 | '' | fixed | expression 'object.m < 3' resulted in error: no such key: m",
                "object.n | '' | fixed | expression 'object.n' resulted in error: validation failed due to an"
                        + " expression that did not return a bool",
                "object.n > 3 | '' | fixed | ''"
            })
    void findingsAreWordedAsTheApiServerWordsAFailedValidation(
            String expression, String messageExpression, String fixed, String expected) {
        ExpressionCheckUnderTest check = new ExpressionCheckUnderTest(expression, messageExpression);
        assertEquals(expected.isEmpty() ? Optional.empty() : Optional.of(expected), check.run("{\"n\": 5}", fixed));
    }

    private record ExpressionCheckUnderTest(String expression, String messageExpression) {
        Optional<String> run(String json, String fixed) {
            return new CelRuleEngine()
                    .compile(
                            expression,
                            messageExpression.isEmpty() ? Optional.empty() : Optional.of(messageExpression),
                            "1.35")
                    .check()
                    .orElseThrow()
                    .check(JsonTrees.parse(json), fixed);
        }
    }
}
