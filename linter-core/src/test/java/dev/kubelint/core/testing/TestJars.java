package dev.kubelint.core.testing;

import dev.kubelint.core.rule.Rule;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;

/**
 * Builds small rule jars for tests: compiles Java sources against kubelint-core once (the compiler is the slow
 * part), then packs jars from parts of the output, each with its own resources.
 */
public final class TestJars {

    private TestJars() {}

    /** Compiles sources (class name to text) into a folder of classes. */
    public static Path compile(Path dir, Map<String, String> sources) throws IOException {
        Path src = Files.createDirectories(dir.resolve("src"));
        Path classes = Files.createDirectories(dir.resolve("classes"));
        List<String> args = new ArrayList<>(
                List.of("-d", classes.toString(), "-classpath", coreClasspath(), "--release", "17", "-proc:none"));
        for (Map.Entry<String, String> e : sources.entrySet()) {
            Path file = src.resolve(e.getKey().replace('.', '/') + ".java");
            Files.createDirectories(file.getParent());
            Files.writeString(file, e.getValue());
            args.add(file.toString());
        }
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        ByteArrayOutputStream errors = new ByteArrayOutputStream();
        if (javac.run(null, errors, errors, args.toArray(String[]::new)) != 0) {
            throw new IllegalStateException(
                    "compiling the test classes failed: " + errors.toString(StandardCharsets.UTF_8));
        }
        return classes;
    }

    /**
     * Packs the classes of one package (a folder under {@code classes}, such as "com/example/team", or "" for
     * none) with the given resources (jar path to text) into {@code jar}.
     */
    public static Path pack(Path classes, String packageFolder, Map<String, String> resources, Path jar)
            throws IOException {
        try (OutputStream out = Files.newOutputStream(jar);
                JarOutputStream zip = new JarOutputStream(out)) {
            if (!packageFolder.isEmpty()) {
                try (Stream<Path> files = Files.walk(classes.resolve(packageFolder))) {
                    for (Path file : files.filter(Files::isRegularFile).sorted().toList()) {
                        zip.putNextEntry(
                                new JarEntry(classes.relativize(file).toString().replace('\\', '/')));
                        zip.write(Files.readAllBytes(file));
                        zip.closeEntry();
                    }
                }
            }
            for (Map.Entry<String, String> r : resources.entrySet()) {
                zip.putNextEntry(new JarEntry(r.getKey()));
                zip.write(r.getValue().getBytes(StandardCharsets.UTF_8));
                zip.closeEntry();
            }
        }
        return jar;
    }

    /** Where kubelint-core's classes are (target/classes in a build). */
    public static String coreClasspath() {
        try {
            return Path.of(Rule.class
                            .getProtectionDomain()
                            .getCodeSource()
                            .getLocation()
                            .toURI())
                    .toString();
        } catch (java.net.URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The service file that registers rule providers. */
    public static Map<String, String> services(String... providers) {
        return Map.of("META-INF/services/dev.kubelint.core.rule.RuleProvider", String.join("\n", providers) + "\n");
    }
}
