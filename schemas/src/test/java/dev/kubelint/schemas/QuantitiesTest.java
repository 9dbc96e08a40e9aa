package dev.kubelint.schemas;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class QuantitiesTest {

    @ParameterizedTest
    @ValueSource(
            strings = {
                "0", "1", "500m", "0.5", ".5", "1.", "1.5Gi", "128Mi", "2Ki", "1e3", "1E-2", "1e+3", "-1", "+2k",
                "100n", "3u", "1M", "2G", "1T", "1P", "1E", " 1Gi ", "1.G", "Mi", "-"
            })
    void acceptsWhatTheApiServerParses(String text) {
        assertTrue(Quantities.isValid(text), text);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "", " ", "500mm", "1GB", "1gi", "1 Gi", "one", "1e", "1e3.5", "1Gi2", "0x10", "1,5", "1..5", "--1", "1K"
            })
    void rejectsWhatTheApiServerRejects(String text) {
        assertFalse(Quantities.isValid(text), text);
    }

    @Test
    void explainsTheProblem() {
        assertEquals(
                Optional.of("\"1mi\" has the unknown quantity suffix \"mi\" (use n, u, m, k, M, G, T, P, E, Ki, Mi,"
                        + " Gi, Ti, Pi, Ei or an exponent such as e3)"),
                Quantities.problem("1mi"));
        assertEquals(
                Optional.of("\"1 Gi\" is not a quantity: a number with an optional suffix such as m, Mi or Gi is"
                        + " expected"),
                Quantities.problem("1 Gi"));
        assertEquals(Optional.of("a quantity cannot be empty"), Quantities.problem(""));
    }
}
