package dev.kubelint.core.yaml;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** RFC 6901 JSON pointers, and the dotted paths people read ({@code spec.containers[0].ports[0]}). */
public final class JsonPointers {

    private JsonPointers() {}

    public static String child(String parent, String key) {
        return parent + "/" + escape(key);
    }

    public static String child(String parent, int index) {
        return parent + "/" + index;
    }

    public static String escape(String token) {
        if (token.indexOf('~') < 0 && token.indexOf('/') < 0) {
            return token;
        }
        return token.replace("~", "~0").replace("/", "~1");
    }

    public static String unescape(String token) {
        if (token.indexOf('~') < 0) {
            return token;
        }
        return token.replace("~1", "/").replace("~0", "~");
    }

    /** The unescaped tokens of a pointer; {@code ""} has none. */
    public static List<String> tokens(String pointer) {
        List<String> tokens = new ArrayList<>();
        if (pointer == null || pointer.isEmpty()) {
            return tokens;
        }
        int start = pointer.charAt(0) == '/' ? 1 : 0;
        while (true) {
            int slash = pointer.indexOf('/', start);
            if (slash < 0) {
                tokens.add(unescape(pointer.substring(start)));
                return tokens;
            }
            tokens.add(unescape(pointer.substring(start, slash)));
            start = slash + 1;
        }
    }

    static Optional<Integer> index(String token) {
        if (token.isEmpty() || token.length() > 9) {
            return Optional.empty();
        }
        for (int i = 0; i < token.length(); i++) {
            if (!Character.isDigit(token.charAt(i))) {
                return Optional.empty();
            }
        }
        if (token.length() > 1 && token.charAt(0) == '0') {
            return Optional.empty();
        }
        return Optional.of(Integer.parseInt(token));
    }

    /** {@code /spec/containers/0/ports/1} becomes {@code spec.containers[0].ports[1]}. */
    public static String toPath(String pointer) {
        StringBuilder path = new StringBuilder();
        for (String token : tokens(pointer)) {
            if (index(token).isPresent()) {
                path.append('[').append(token).append(']');
            } else if (token.isEmpty() || token.indexOf('.') >= 0 || token.indexOf('[') >= 0) {
                // data["tls.crt"]: a key with a dot is written in brackets, without a dot before it
                path.append('[').append('"').append(token).append('"').append(']');
            } else {
                if (path.length() > 0) {
                    path.append('.');
                }
                path.append(token);
            }
        }
        return path.toString();
    }
}
