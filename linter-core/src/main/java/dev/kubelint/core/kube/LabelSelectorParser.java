package dev.kubelint.core.kube;

import dev.kubelint.core.kube.LabelSelector.Operator;
import dev.kubelint.core.kube.LabelSelector.Requirement;
import java.util.ArrayList;
import java.util.List;

/**
 * The lexer and recursive-descent parser behind {@link LabelSelector#parse}. It accepts exactly what
 * k8s.io/apimachinery's selector parser accepts, with the same quirks: {@code in} and {@code notin} are keywords
 * only where an operator may stand, {@code key=} means the empty value, {@code key in ()} and empty items in a value
 * list stand for the empty value, and whitespace may surround every token.
 */
final class LabelSelectorParser {

    private enum Kind {
        END,
        OPEN,
        CLOSE,
        COMMA,
        NOT,
        EQUALS,
        DOUBLE_EQUALS,
        NOT_EQUALS,
        GREATER,
        LESS,
        IN,
        NOT_IN,
        IDENTIFIER
    }

    /** A token and the character offset where it starts. */
    private record Token(Kind kind, String text, int offset) {

        /** The kind where a value or key may stand: {@code in} and {@code notin} are plain words there. */
        Kind asWord() {
            return kind == Kind.IN || kind == Kind.NOT_IN ? Kind.IDENTIFIER : kind;
        }
    }

    private final String text;
    private final List<Token> tokens;
    private int position;

    LabelSelectorParser(String text) {
        this.text = text;
        this.tokens = lex(text);
    }

    List<Requirement> parse() throws LabelSelectorException {
        List<Requirement> requirements = new ArrayList<>();
        Kind first = peek().asWord();
        if (first == Kind.END) {
            return requirements;
        }
        if (first != Kind.IDENTIFIER && first != Kind.NOT) {
            throw expected("a label key or '!'", peek());
        }
        while (true) {
            requirements.add(requirement());
            Token after = next();
            if (after.kind() == Kind.END) {
                return requirements;
            }
            if (after.kind() != Kind.COMMA) {
                throw expected("',' or the end of the selector", after);
            }
            Kind following = peek().asWord();
            if (following != Kind.IDENTIFIER && following != Kind.NOT) {
                throw expected("a label key or '!' after ','", peek());
            }
        }
    }

    private Requirement requirement() throws LabelSelectorException {
        boolean negated = false;
        Token key = next();
        if (key.kind() == Kind.NOT) {
            negated = true;
            key = next();
        }
        if (key.asWord() != Kind.IDENTIFIER) {
            throw expected("a label key", key);
        }
        checkKey(key);
        Kind following = peek().kind();
        if (negated || following == Kind.END || following == Kind.COMMA) {
            // "!key" never takes an operator: what follows it must end the requirement
            return new Requirement(key.text(), negated ? Operator.DOES_NOT_EXIST : Operator.EXISTS, List.of());
        }
        Operator operator = operator(next());
        List<Token> values = operator.isSetBased() ? valueSet() : List.of(exactValue());
        List<String> texts = new ArrayList<>();
        for (Token value : values) {
            checkValue(operator, value);
            texts.add(value.text());
        }
        return new Requirement(key.text(), operator, texts);
    }

    private Operator operator(Token token) throws LabelSelectorException {
        return switch (token.kind()) {
            case EQUALS -> Operator.EQUALS;
            case DOUBLE_EQUALS -> Operator.DOUBLE_EQUALS;
            case NOT_EQUALS -> Operator.NOT_EQUALS;
            case IN -> Operator.IN;
            case NOT_IN -> Operator.NOT_IN;
            case GREATER -> Operator.GREATER_THAN;
            case LESS -> Operator.LESS_THAN;
            default ->
                throw expected("an operator (=, ==, !=, in, notin, >, <), ',' or the end of the selector", token);
        };
    }

    /** {@code (v1,v2)}: empty items, and {@code ()}, stand for the empty value. */
    private List<Token> valueSet() throws LabelSelectorException {
        Token open = next();
        if (open.kind() != Kind.OPEN) {
            throw expected("'('", open);
        }
        List<Token> values = new ArrayList<>();
        Token previous = open;
        while (true) {
            Token token = next();
            Kind kind = token.asWord();
            if (kind == Kind.IDENTIFIER) {
                values.add(token);
                Kind following = peek().kind();
                if (following != Kind.COMMA && following != Kind.CLOSE) {
                    throw expected("',' or ')'", peek());
                }
            } else if (kind == Kind.COMMA || kind == Kind.CLOSE) {
                if (previous.kind() == Kind.OPEN || previous.kind() == Kind.COMMA) {
                    values.add(new Token(Kind.IDENTIFIER, "", token.offset()));
                }
                if (kind == Kind.CLOSE) {
                    return values;
                }
            } else {
                throw expected("a value, ',' or ')'", token);
            }
            previous = token;
        }
    }

    /** The value after {@code =}, {@code ==}, {@code !=}, {@code >} or {@code <}; nothing there is the empty value. */
    private Token exactValue() throws LabelSelectorException {
        Token token = peek();
        if (token.kind() == Kind.END || token.kind() == Kind.COMMA) {
            return new Token(Kind.IDENTIFIER, "", token.offset());
        }
        next();
        if (token.asWord() != Kind.IDENTIFIER) {
            throw expected("a value", token);
        }
        return token;
    }

    private void checkKey(Token key) throws LabelSelectorException {
        List<String> problems = Names.qualifiedName(key.text());
        if (!problems.isEmpty()) {
            throw new LabelSelectorException(
                    "invalid label key '" + key.text() + "' at column " + column(key.offset()) + ": "
                            + String.join("; ", problems),
                    column(key.offset()));
        }
    }

    private void checkValue(Operator operator, Token value) throws LabelSelectorException {
        List<String> problems = new ArrayList<>(Names.labelValue(value.text()));
        if ((operator == Operator.GREATER_THAN || operator == Operator.LESS_THAN)
                && LabelSelector.parseInteger(value.text()).isEmpty()) {
            problems.add("'>' and '<' compare integers");
        }
        if (!problems.isEmpty()) {
            throw new LabelSelectorException(
                    "invalid value '" + value.text() + "' at column " + column(value.offset()) + ": "
                            + String.join("; ", problems),
                    column(value.offset()));
        }
    }

    private Token peek() {
        return tokens.get(position);
    }

    private Token next() {
        Token token = tokens.get(position);
        if (token.kind() != Kind.END) {
            position++;
        }
        return token;
    }

    private LabelSelectorException expected(String what, Token found) {
        int column = column(found.offset());
        return new LabelSelectorException(
                "expected " + what + " at column " + column + ", found " + describe(found), column);
    }

    private static String describe(Token token) {
        return token.kind() == Kind.END ? "the end of the selector" : "'" + token.text() + "'";
    }

    /** 1-based column in code points. */
    private int column(int offset) {
        return text.codePointCount(0, offset) + 1;
    }

    private static List<Token> lex(String text) {
        List<Token> tokens = new ArrayList<>();
        int i = 0;
        while (true) {
            while (i < text.length() && isWhitespace(text.charAt(i))) {
                i++;
            }
            if (i >= text.length()) {
                tokens.add(new Token(Kind.END, "", text.length()));
                return tokens;
            }
            char c = text.charAt(i);
            if (isSpecial(c)) {
                // "!=" and "==" are the only two-character symbols; any other run splits into single ones
                boolean pair = (c == '!' || c == '=') && i + 1 < text.length() && text.charAt(i + 1) == '=';
                String symbol = pair ? text.substring(i, i + 2) : String.valueOf(c);
                tokens.add(new Token(symbolKind(symbol), symbol, i));
                i += symbol.length();
            } else {
                int start = i;
                while (i < text.length() && !isSpecial(text.charAt(i)) && !isWhitespace(text.charAt(i))) {
                    i++;
                }
                String word = text.substring(start, i);
                Kind kind = word.equals("in") ? Kind.IN : word.equals("notin") ? Kind.NOT_IN : Kind.IDENTIFIER;
                tokens.add(new Token(kind, word, start));
            }
        }
    }

    private static Kind symbolKind(String symbol) {
        return switch (symbol) {
            case "(" -> Kind.OPEN;
            case ")" -> Kind.CLOSE;
            case "," -> Kind.COMMA;
            case "!" -> Kind.NOT;
            case "=" -> Kind.EQUALS;
            case "==" -> Kind.DOUBLE_EQUALS;
            case "!=" -> Kind.NOT_EQUALS;
            case ">" -> Kind.GREATER;
            default -> Kind.LESS;
        };
    }

    private static boolean isWhitespace(char c) {
        return c == ' ' || c == '\t' || c == '\r' || c == '\n';
    }

    private static boolean isSpecial(char c) {
        return c == '=' || c == '!' || c == '(' || c == ')' || c == ',' || c == '>' || c == '<';
    }
}
