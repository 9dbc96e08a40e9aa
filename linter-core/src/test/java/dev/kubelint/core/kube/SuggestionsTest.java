package dev.kubelint.core.kube;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SuggestionsTest {

    private static final List<String> FIELDS =
            List.of("containers", "initContainers", "volumes", "nodeSelector", "restartPolicy", "imagePullSecrets");

    private static final List<String> OPTIONS = List.of(
            "format",
            "fail-on",
            "output",
            "color",
            "no-source",
            "no-strict",
            "quiet",
            "kubernetes-version",
            "include",
            "exclude",
            "jobs",
            "help",
            "version");

    private static final List<String> OPERATORS = List.of("In", "NotIn", "Exists", "DoesNotExist");

    private static final List<String> RULE_IDS = List.of(
            "probe-identical",
            "readiness-probe-missing",
            "liveness-probe-missing",
            "image-tag-latest",
            "schema-conformance");

    @Test
    void fieldNamesAllowACaseSlipOrAFewEditsForALongName() {
        assertEquals(Optional.of("containers"), Suggestions.closest("contianers", FIELDS, Suggestions.FIELD_NAMES));
        assertEquals(Optional.of("nodeSelector"), Suggestions.closest("nodeselector", FIELDS, Suggestions.FIELD_NAMES));
        assertEquals(Optional.of("volumes"), Suggestions.closest("volume", FIELDS, Suggestions.FIELD_NAMES));
        assertEquals(
                Optional.of("restartPolicy"), Suggestions.closest("restartPolicyy", FIELDS, Suggestions.FIELD_NAMES));
        assertEquals(Optional.empty(), Suggestions.closest("foo", FIELDS, Suggestions.FIELD_NAMES));
        assertEquals(Optional.empty(), Suggestions.closest("hostNetwork", FIELDS, Suggestions.FIELD_NAMES));
    }

    @Test
    void fieldNamesBreakTiesByName() {
        assertEquals(Optional.of("abd"), Suggestions.closest("abc", List.of("abe", "abd"), Suggestions.FIELD_NAMES));
        assertEquals(
                Optional.of("abe"),
                Suggestions.closest("abc", List.of("abe", "abd"), Suggestions.KEYS),
                "keys keep the order they were given in");
    }

    @Test
    void keysAreCaseSensitive() {
        assertEquals(
                Optional.of("severity"),
                Suggestions.closest("severty", List.of("severity", "options"), Suggestions.KEYS));
        assertEquals(Optional.empty(), Suggestions.closest("SEVERITY", List.of("severity"), Suggestions.KEYS));
        assertEquals(
                Optional.of("severity"), Suggestions.closest("SEVERITY", List.of("severity"), Suggestions.FIELD_NAMES));
    }

    @Test
    void optionsTakeTyposWithinAThirdOfTheWordAndUniquePrefixes() {
        assertEquals(Optional.of("format"), Suggestions.closest("formt", OPTIONS, Suggestions.OPTIONS));
        assertEquals(
                Optional.of("format"),
                Suggestions.closest("fromat", OPTIONS, Suggestions.OPTIONS),
                "a swap is one edit");
        assertEquals(Optional.of("exclude"), Suggestions.closest("exlcude", OPTIONS, Suggestions.OPTIONS));
        assertEquals(Optional.of("color"), Suggestions.closest("colour", OPTIONS, Suggestions.OPTIONS));
        assertEquals(Optional.of("format"), Suggestions.closest("FORMAT", OPTIONS, Suggestions.OPTIONS));
        assertEquals(Optional.of("kubernetes-version"), Suggestions.closest("kube", OPTIONS, Suggestions.OPTIONS));
        assertEquals(Optional.of("no-source"), Suggestions.closest("no-so", OPTIONS, Suggestions.OPTIONS));
        assertEquals(Optional.empty(), Suggestions.closest("verbose", OPTIONS, Suggestions.OPTIONS));
        assertEquals(Optional.empty(), Suggestions.closest("x", OPTIONS, Suggestions.OPTIONS));
        assertEquals(Optional.empty(), Suggestions.closest("", OPTIONS, Suggestions.OPTIONS));
        assertEquals(
                Optional.empty(),
                Suggestions.closest("no", OPTIONS, Suggestions.OPTIONS),
                "no-source and no-strict: ambiguous");
    }

    @Test
    void valuesOfAFixedSetTakeACaseSlipOrOneEdit() {
        assertEquals("In", Suggestions.closest("in", OPERATORS).orElseThrow());
        assertEquals(
                "DoesNotExist", Suggestions.closest("DoesNotExists", OPERATORS).orElseThrow());
        assertEquals("Exists", Suggestions.closest("Exsits", OPERATORS).orElseThrow(), "a swap is one edit");
        assertEquals(Optional.empty(), Suggestions.closest("Exts", OPERATORS), "two edits");
        assertEquals(Optional.empty(), Suggestions.closest("In", OPERATORS), "a candidate itself");
        assertEquals(Optional.empty(), Suggestions.closest("Ix", List.of("In")), "too short to guess from");
        assertEquals(" (did you mean NotIn?)", Suggestions.didYouMean("Notin", OPERATORS));
        assertEquals("", Suggestions.didYouMean("Gt", OPERATORS));
    }

    @Test
    void ruleIdsTakeFragmentsAndTwoEdits() {
        assertEquals(
                Optional.of("readiness-probe-missing"),
                Suggestions.closest("readiness", RULE_IDS, Suggestions.RULE_IDS));
        assertEquals(
                Optional.of("image-tag-latest"),
                Suggestions.closest("image-tag-lates", RULE_IDS, Suggestions.RULE_IDS));
        assertEquals(
                Optional.of("liveness-probe-missing"),
                Suggestions.closest(
                        "probe-missing",
                        List.of("readiness-probe-missing", "liveness-probe-missing"),
                        Suggestions.RULE_IDS),
                "equally far fragments: the first by name");
        assertEquals(
                Optional.empty(),
                Suggestions.closest("pod", RULE_IDS, Suggestions.RULE_IDS),
                "a fragment shorter than four letters");
    }

    @Test
    void countsASwapAsOneEdit() {
        assertEquals(0, Suggestions.editDistance("abc", "abc"));
        assertEquals(1, Suggestions.editDistance("abc", "acb"));
        assertEquals(1, Suggestions.editDistance("contianers", "containers"));
        assertEquals(2, Suggestions.editDistance("abc", "a"));
        assertEquals(3, Suggestions.editDistance("", "abc"));
        assertEquals(2, Suggestions.editDistance("kitten", "sittin"));
    }
}
