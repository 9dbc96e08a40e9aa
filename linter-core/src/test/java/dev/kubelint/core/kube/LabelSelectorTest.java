package dev.kubelint.core.kube;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kubelint.core.kube.LabelSelector.Operator;
import dev.kubelint.core.kube.LabelSelector.Requirement;
import dev.kubelint.core.testing.RandomText;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LabelSelectorTest {

    private static LabelSelector parse(String text) {
        try {
            return LabelSelector.parse(text);
        } catch (LabelSelectorException e) {
            throw new AssertionError("'" + text + "' should parse: " + e.getMessage(), e);
        }
    }

    private static Map<String, String> labels(String... pairs) {
        Map<String, String> map = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            map.put(pairs[i], pairs[i + 1]);
        }
        return map;
    }

    /** Selectors Kubernetes accepts, and how Kubernetes prints them back (requirements sorted by key). */
    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "''|''",
                "'   '|''",
                "x=a|x=a",
                "x==a|x==a",
                "x!=a|x!=a",
                "x|x",
                "!x|!x",
                "x=|x=",
                "x>1|x>1",
                "x<007|x<007",
                "x in (a,b)|x in (a,b)",
                "x in (b,a,b)|x in (a,b)",
                "x notin (a)|x notin (a)",
                "x in ()|x in ()",
                "x in (a,,b)|x in (,a,b)",
                "x in (,a)|x in (,a)",
                "x in (a,)|x in (,a)",
                "'x in(a)'|x in (a)",
                "'  x  =  a  ,  y  '|x=a,y",
                "'x\tin\t(\ta\t)'|x in (a)",
                "z,y=1,x|x,y=1,z",
                "in in (in)|in in (in)",
                "notin notin (notin)|notin notin (notin)",
                "x=in|x=in",
                "example.com/app=web|example.com/app=web",
                "a.b-c_d=e.f-g_h|a.b-c_d=e.f-g_h",
                "x=a,x!=b|x=a,x!=b",
                "'!x,y notin (a, b)'|!x,y notin (a,b)",
            })
    void parsesAndPrintsLikeKubernetes(String text, String printed) {
        assertEquals(printed, parse(text).toString());
    }

    /** Selectors Kubernetes rejects: the column and what was expected there. */
    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                ",|1|expected a label key or '!' at column 1, found ','",
                "x,|3|expected a label key or '!' after ',' at column 3, found the end of the selector",
                "x,,y|3|expected a label key or '!' after ','",
                "=a|1|expected a label key or '!' at column 1",
                "!|2|expected a label key at column 2, found the end",
                "!=a|1|expected a label key or '!' at column 1, found '!='",
                "!x=a|3|expected ',' or the end of the selector at column 3, found '='",
                "x y|3|expected an operator",
                "x!y|2|expected an operator",
                "x>=1|3|expected a value at column 3, found '='",
                "x===a|4|expected a value at column 4",
                "x=(a)|3|expected a value at column 3, found '('",
                "x=a b|5|expected ',' or the end of the selector at column 5, found 'b'",
                "x in a|6|expected '(' at column 6, found 'a'",
                "x in|5|expected '(' at column 5, found the end",
                "x in (a|8|expected ',' or ')' at column 8, found the end",
                "x in (a b)|9|expected ',' or ')' at column 9, found 'b'",
                "x in (a,|9|expected a value, ',' or ')' at column 9",
                "x in (=)|7|expected a value, ',' or ')' at column 7, found '='",
                "x in (a) y|10|expected ',' or the end of the selector at column 10, found 'y'",
                "x notin (a)(|12|expected ',' or the end of the selector at column 12, found '('",
                "A/b=c|1|invalid label key 'A/b' at column 1: prefix part",
                "-x|1|invalid label key '-x' at column 1",
                "a/b/c|1|invalid label key 'a/b/c' at column 1",
                "x=-a|3|invalid value '-a' at column 3",
                "x in (a,b$)|9|invalid value 'b$' at column 9",
                "x>a|3|invalid value 'a' at column 3: '>' and '<' compare integers",
                "x<|3|invalid value '' at column 3: '>' and '<' compare integers",
                "x>99999999999999999999|3|compare integers",
            })
    void rejectsWithColumnAndExpectation(String text, int column, String message) {
        LabelSelectorException e = assertThrows(LabelSelectorException.class, () -> LabelSelector.parse(text));
        assertEquals(column, e.column(), e.getMessage());
        assertTrue(
                e.getMessage().startsWith(message) || e.getMessage().contains(message),
                "message '" + e.getMessage() + "' should contain '" + message + "'");
        assertTrue(e.getMessage().contains("column " + column), e.getMessage());
    }

    @Test
    void columnsCountCodePointsNotChars() {
        // U+1F600 is two Java chars but one column
        LabelSelectorException e =
                assertThrows(LabelSelectorException.class, () -> LabelSelector.parse("x=\uD83D\uDE00 y"));
        assertEquals(3, e.column(), e.getMessage());
        LabelSelectorException after =
                assertThrows(LabelSelectorException.class, () -> LabelSelector.parse("x in (\uD83D\uDE00"));
        assertEquals(8, after.column());
    }

    @Test
    void emptySelectsEverything() {
        assertTrue(parse("").isEmpty());
        assertTrue(parse("").matches(labels()));
        assertTrue(LabelSelector.everything().matches(labels("a", "b")));
    }

    @Test
    void equalityRequiresTheKey() {
        LabelSelector s = parse("app=web");
        assertTrue(s.matches(labels("app", "web", "tier", "x")));
        assertFalse(s.matches(labels("app", "db")));
        assertFalse(s.matches(labels()));
        assertTrue(parse("app=").matches(labels("app", "")));
        assertFalse(parse("app=").matches(labels()));
    }

    /**
     * Whether a selector matches a label set ({@code key=value,...}): inequality and notin match objects without the
     * key, in and existence need it, and greater and less compare integers only.
     */
    @ParameterizedTest(name = "{0} on [{1}]: {2}")
    @CsvSource(
            delimiter = '|',
            value = {
                "tier!=db|''|true",
                "tier!=db|tier=web|true",
                "tier!=db|tier=db|false",
                "tier notin (db,cache)|app=x|true",
                "tier notin (db,cache)|tier=cache|false",
                "env in (prod,qa)|env=qa|true",
                "env in (prod,qa)|env=dev|false",
                "env in (prod,qa)|''|false",
                "env in ()|env=|true",
                "env|env=|true",
                "env|other=|false",
                "!env|other=|true",
                "!env|env=x|false",
                "gen>3|gen=4|true",
                "gen>3|gen=3|false",
                "gen>3|gen=four|false",
                "gen>3|''|false",
                "gen<10|gen=09|true",
                "gen<10|gen=10|false"
            })
    void matchesLikeKubernetes(String selector, String labels, boolean matches) {
        Map<String, String> set = new LinkedHashMap<>();
        for (String pair : labels.split(",")) {
            if (!pair.isEmpty()) {
                set.put(pair.substring(0, pair.indexOf('=')), pair.substring(pair.indexOf('=') + 1));
            }
        }
        assertEquals(matches, parse(selector).matches(set));
    }

    @Test
    void everyRequirementMustHold() {
        LabelSelector s = parse("app=web,tier!=db,!canary");
        assertTrue(s.matches(labels("app", "web")));
        assertFalse(s.matches(labels("app", "web", "canary", "true")));
        assertEquals(
                "canary",
                s.firstMismatch(labels("app", "web", "canary", "true"))
                        .orElseThrow()
                        .key());
    }

    @Test
    void mapSelectorsAreEqualities() {
        LabelSelector s = LabelSelector.ofMap(labels("b", "2", "a", "1"));
        assertEquals("a=1,b=2", s.toString());
        assertTrue(s.matches(labels("a", "1", "b", "2", "c", "3")));
        assertFalse(s.matches(labels("a", "1")));
    }

    /** Random requirements print to text that parses back to the same selector. */
    @Test
    void roundTripsRandomSelectors() {
        Random random = new Random(20240501);
        for (int i = 0; i < 2000; i++) {
            LabelSelector selector = randomSelector(random);
            String text = selector.toString();
            assertEquals(selector, parse(text), text);
            assertEquals(text, parse(spaced(text, random)).toString(), "with spaces: " + text);
        }
    }

    /** Whatever the input, the parser returns a selector or a LabelSelectorException with a column inside it. */
    @Test
    void neverFailsOtherwiseOnRandomInput() {
        for (String text : RandomText.of(7, "ab=!(),<> \tin-._/x1", 14, 5000)) {
            try {
                LabelSelector s = LabelSelector.parse(text);
                assertEquals(s, parse(s.toString()), "reprint of " + text);
            } catch (LabelSelectorException e) {
                assertTrue(e.column() >= 1 && e.column() <= text.length() + 1, text + ": " + e.getMessage());
                assertTrue(e.getMessage().contains("at column " + e.column()), e.getMessage());
            }
        }
    }

    /** A matched label set stays matched by the reparsed selector, and unmatched stays unmatched. */
    @Test
    void reparsedSelectorsMatchTheSameLabels() {
        Random random = new Random(99);
        for (int i = 0; i < 1000; i++) {
            LabelSelector selector = randomSelector(random);
            LabelSelector reparsed = parse(selector.toString());
            Map<String, String> labels = new LinkedHashMap<>();
            for (String key : KEYS) {
                if (random.nextBoolean()) {
                    labels.put(key, VALUES[random.nextInt(VALUES.length)]);
                }
            }
            assertEquals(selector.matches(labels), reparsed.matches(labels), selector + " on " + labels);
        }
    }

    private static final String[] KEYS = {"app", "tier", "example.com/team", "in", "notin", "a_b.c-d", "x"};
    private static final String[] VALUES = {"", "web", "db", "1", "42", "in", "A.b_c-d", "007"};

    private static LabelSelector randomSelector(Random random) {
        List<Requirement> requirements = new ArrayList<>();
        int count = random.nextInt(4);
        for (int i = 0; i < count; i++) {
            String key = KEYS[random.nextInt(KEYS.length)];
            Operator op = Operator.values()[random.nextInt(Operator.values().length)];
            List<String> values = new ArrayList<>();
            if (op == Operator.GREATER_THAN || op == Operator.LESS_THAN) {
                values.add(String.valueOf(random.nextInt(100)));
            } else if (op.isSetBased()) {
                int n = 1 + random.nextInt(3);
                for (int j = 0; j < n; j++) {
                    values.add(VALUES[random.nextInt(VALUES.length)]);
                }
            } else if (!op.isUnary()) {
                values.add(VALUES[random.nextInt(VALUES.length)]);
            }
            requirements.add(new Requirement(key, op, values));
        }
        return LabelSelector.of(requirements);
    }

    /** Adds blanks around commas and parentheses, which the syntax allows. */
    private static String spaced(String text, Random random) {
        StringBuilder out = new StringBuilder();
        for (char c : text.toCharArray()) {
            if (c == ',' || c == '(' || c == ')') {
                out.append(random.nextBoolean() ? " " : "\t").append(c).append(' ');
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }
}
