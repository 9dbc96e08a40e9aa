package dev.kubelint.maven;

import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.maven.plugin.logging.Log;

/**
 * Keeps what a mojo logs, as "[LEVEL] message" lines like Maven prints them: info, warnings and errors, with a
 * throwable logged alone shown by its {@code toString()}; debug output is off and dropped.
 */
final class RecordingLog {

    private static final Map<String, String> LEVELS = Map.of("info", "INFO", "warn", "WARNING", "error", "ERROR");

    final List<String> lines = new ArrayList<>();

    /** The log to give the mojo. */
    final Log log = (Log) Proxy.newProxyInstance(Log.class.getClassLoader(), new Class<?>[] {Log.class}, this::call);

    private Object call(Object proxy, Method method, Object[] args) {
        String name = method.getName();
        if (method.getDeclaringClass() == Object.class) {
            return switch (name) {
                case "equals" -> proxy == args[0];
                case "hashCode" -> System.identityHashCode(proxy);
                default -> "RecordingLog" + lines;
            };
        }
        if (name.startsWith("is") && name.endsWith("Enabled")) {
            return !name.equals("isDebugEnabled");
        }
        String level = LEVELS.get(name);
        if (level != null) {
            lines.add("[" + level + "] " + (args[0] instanceof Throwable error ? error.toString() : args[0]));
        }
        return null;
    }
}
