package dev.kubelint.core.render;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Values given to chart templates besides a chart's own {@code values.yaml}, as {@code helm template -f FILE
 * --set KEY=VALUE} takes them: values files in order (later ones win), then single values.
 *
 * @param valuesFiles values files, absolute
 * @param set         {@code key=value} pairs in Helm's {@code --set} syntax, in order
 */
public record ChartValues(List<Path> valuesFiles, Map<String, String> set) {

    public static final ChartValues NONE = new ChartValues(List.of(), Map.of());

    public ChartValues {
        valuesFiles = List.copyOf(valuesFiles);
        set = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(set));
    }

    public boolean isEmpty() {
        return valuesFiles.isEmpty() && set.isEmpty();
    }
}
