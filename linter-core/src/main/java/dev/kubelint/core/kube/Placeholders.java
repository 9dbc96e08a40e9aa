package dev.kubelint.core.kube;

import java.util.regex.Pattern;

/**
 * Template placeholders in manifests that a tool fills in before applying ({@code $ITEM} for envsubst or sed,
 * {@code ${VAR}}, {@code $(VAR)}, {@code {{ .Values.x }}}). Syntax checks leave such values alone: their final
 * text is not known, and the Kubernetes documentation's own tests treat them the same way.
 */
public final class Placeholders {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\$[A-Za-z_{(]|\\{\\{.*}}");

    private Placeholders() {}

    public static boolean contains(String text) {
        // every placeholder has a '$' or a '{': most texts have neither, and skip the pattern
        if (text.indexOf('$') < 0 && text.indexOf('{') < 0) {
            return false;
        }
        return PLACEHOLDER.matcher(text).find();
    }
}
