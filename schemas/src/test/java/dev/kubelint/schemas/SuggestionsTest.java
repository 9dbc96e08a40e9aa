package dev.kubelint.schemas;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

class SuggestionsTest {

    private static final List<String> FIELDS = List.of("containers", "initContainers", "volumes", "nodeSelector",
            "restartPolicy", "imagePullSecrets");

    @Test
    void suggestsCloseNames() {
        assertEquals(Optional.of("containers"), Suggestions.closest("contianers", FIELDS));
        assertEquals(Optional.of("nodeSelector"), Suggestions.closest("nodeselector", FIELDS));
        assertEquals(Optional.of("volumes"), Suggestions.closest("volume", FIELDS));
        assertEquals(Optional.of("restartPolicy"), Suggestions.closest("restartPolicyy", FIELDS));
    }

    @Test
    void staysQuietWhenNothingIsClose() {
        assertEquals(Optional.empty(), Suggestions.closest("foo", FIELDS));
        assertEquals(Optional.empty(), Suggestions.closest("hostNetwork", FIELDS));
    }

    @Test
    void countsASwapAsOneEdit() {
        assertEquals(1, Suggestions.distance("contianers", "containers"));
        assertEquals(2, Suggestions.distance("abc", "a"));
    }
}
