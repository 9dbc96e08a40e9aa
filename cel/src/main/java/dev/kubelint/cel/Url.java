package dev.kubelint.cel;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A URL as a CEL value ({@code url('https://example.com:80/path')}), read as Go's {@code url.ParseRequestURI}
 * reads it: an absolute URI or an absolute path, without a fragment.
 */
public final class Url {

    private final String text;
    private final String scheme;
    private final String host;
    private final String path;
    private final String query;

    private Url(String text, String scheme, String host, String path, String query) {
        this.text = text;
        this.scheme = scheme;
        this.host = host;
        this.path = path;
        this.query = query;
    }

    /** @throws IllegalArgumentException with the library's message when the text is not such a URL */
    public static Url parse(String text) {
        String problem = null;
        String rest = text;
        String scheme = "";
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isLetter(c) && c < 128) {
                continue;
            }
            if (i > 0 && (Character.isDigit(c) || c == '+' || c == '-' || c == '.')) {
                continue;
            }
            if (c == ':' && i > 0) {
                scheme = text.substring(0, i);
                rest = text.substring(i + 1);
            } else if (c == ':') {
                problem = "missing protocol scheme";
            }
            break;
        }
        for (char c : text.toCharArray()) {
            if (c < 0x20 || c == 0x7f) {
                problem = "net/url: invalid control character in URL";
            }
        }
        if (problem == null && scheme.isEmpty() && !text.startsWith("/")) {
            problem = "invalid URI for request";
        }
        String query = "";
        int q = rest.indexOf('?');
        if (q >= 0) {
            query = rest.substring(q + 1);
            rest = rest.substring(0, q);
        }
        String host = "";
        if (rest.startsWith("//")) {
            int slash = rest.indexOf('/', 2);
            String authority = slash < 0 ? rest.substring(2) : rest.substring(2, slash);
            rest = slash < 0 ? "" : rest.substring(slash);
            int at = authority.lastIndexOf('@');
            host = at >= 0 ? authority.substring(at + 1) : authority;
            if (problem == null && host.contains(" ")) {
                problem = "invalid character \" \" in host name";
            }
        } else if (problem == null && !scheme.isEmpty() && !rest.startsWith("/") && !rest.isEmpty()) {
            // an opaque URI such as mailto:x: ParseRequestURI accepts it
            rest = "";
        }
        if (problem != null) {
            throw new IllegalArgumentException(
                    "URL parse error during conversion from string: parse \"" + text + "\": " + problem);
        }
        return new Url(text, scheme, host, rest, query);
    }

    public static boolean isValid(String text) {
        return Parsing.succeeds(() -> parse(text));
    }

    public String scheme() {
        return scheme;
    }

    public String host() {
        return host;
    }

    /** The host without port and without the brackets of an IPv6 address. */
    public String hostname() {
        String h = host;
        if (h.startsWith("[")) {
            int close = h.indexOf(']');
            return close < 0 ? h.substring(1) : h.substring(1, close);
        }
        int colon = h.indexOf(':');
        return colon < 0 ? h : h.substring(0, colon);
    }

    public String port() {
        String h = host;
        int close = h.startsWith("[") ? h.indexOf(']') : -1;
        int colon = h.indexOf(':', Math.max(close, 0));
        return colon < 0 || (h.startsWith("[") && colon < close) ? "" : h.substring(colon + 1);
    }

    public String escapedPath() {
        return path;
    }

    /** The query parameters, each with its values in order, as Go's {@code url.Values}. */
    public Map<String, List<String>> query() {
        Map<String, List<String>> values = new LinkedHashMap<>();
        if (query.isEmpty()) {
            return values;
        }
        for (String pair : query.split("&")) {
            if (pair.isEmpty() || pair.contains(";")) {
                continue;
            }
            int eq = pair.indexOf('=');
            String key = decode(eq < 0 ? pair : pair.substring(0, eq));
            String value = eq < 0 ? "" : decode(pair.substring(eq + 1));
            values.computeIfAbsent(key, k -> new ArrayList<>()).add(value);
        }
        return values;
    }

    private static String decode(String s) {
        try {
            return URLDecoder.decode(s, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return s;
        }
    }

    @Override
    public String toString() {
        return text;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Url u && u.text.equals(text);
    }

    @Override
    public int hashCode() {
        return text.hashCode();
    }
}
