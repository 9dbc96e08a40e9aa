package dev.kubelint.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

class SuggestionsTest {

    private static final List<String> OPTIONS = List.of("format", "fail-on", "output", "color", "no-source",
            "no-strict", "quiet", "kubernetes-version", "include", "exclude", "jobs", "help", "version");

    @Test
    void typosWithinAThirdOfTheWord() {
        assertEquals(Optional.of("format"), Suggestions.closest("formt", OPTIONS));
        assertEquals(Optional.of("format"), Suggestions.closest("fromat", OPTIONS), "a swap is one edit");
        assertEquals(Optional.of("exclude"), Suggestions.closest("exlcude", OPTIONS));
        assertEquals(Optional.of("color"), Suggestions.closest("colour", OPTIONS));
        assertEquals(Optional.of("format"), Suggestions.closest("FORMAT", OPTIONS));
    }

    @Test
    void aUniquePrefixIsEnough() {
        assertEquals(Optional.of("kubernetes-version"), Suggestions.closest("kube", OPTIONS));
        assertEquals(Optional.of("no-source"), Suggestions.closest("no-so", OPTIONS));
    }

    @Test
    void nothingForWordsTooFarOff() {
        assertEquals(Optional.empty(), Suggestions.closest("verbose", OPTIONS));
        assertEquals(Optional.empty(), Suggestions.closest("x", OPTIONS));
        assertEquals(Optional.empty(), Suggestions.closest("", OPTIONS));
        assertEquals(Optional.empty(), Suggestions.closest("no", OPTIONS), "no-source and no-strict: ambiguous");
    }

    @Test
    void distance() {
        assertEquals(0, Suggestions.distance("abc", "abc"));
        assertEquals(1, Suggestions.distance("abc", "acb"));
        assertEquals(3, Suggestions.distance("", "abc"));
        assertEquals(2, Suggestions.distance("kitten", "sittin"));
    }
}
