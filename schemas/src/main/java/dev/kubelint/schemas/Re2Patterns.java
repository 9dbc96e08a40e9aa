package dev.kubelint.schemas;

import com.google.re2j.Pattern;
import com.google.re2j.PatternSyntaxException;
import com.networknt.schema.regex.RegularExpression;
import com.networknt.schema.regex.RegularExpressionFactory;
import java.util.Optional;

/**
 * {@code pattern} as the API server matches it: Go's regular expressions (RE2), which run in time linear in the
 * value and have no backreferences or lookaround, unanchored (the value must contain a match). re2j follows RE2's
 * syntax and semantics, so a pattern such as {@code ^((a+)+)+b} cannot stall a scan, and a pattern Go rejects is
 * rejected here too ({@link #problem}).
 */
final class Re2Patterns {

    static final RegularExpressionFactory FACTORY = pattern -> {
        Pattern compiled = Pattern.compile(pattern);
        return (RegularExpression) value -> compiled.matcher(value).find();
    };

    private Re2Patterns() {}

    /** Why RE2 rejects a pattern, or empty when it compiles. */
    static Optional<String> problem(String pattern) {
        try {
            Pattern.compile(pattern);
            return Optional.empty();
        } catch (PatternSyntaxException e) {
            return Optional.of(e.getDescription()
                    + (e.getPattern() == null || e.getPattern().isEmpty() ? "" : ": `" + e.getPattern() + "`"));
        }
    }
}
