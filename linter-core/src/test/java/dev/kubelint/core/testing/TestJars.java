package dev.kubelint.core.testing;

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

import dev.kubelint.core.rule.Rule;

/** Builds small rule jars for tests: compiles Java sources against kubelint-core and packs them with resources. */
public final class TestJars {

    private TestJars() {
    }

    /**
     * @param sources   class name (dotted) to source text
     * @param resources jar path to text
     */
    public static Path build(Path dir, String name, Map<String, String> sources, Map<String, String> resources)
            throws IOException {
        Path src = Files.createDirectories(dir.resolve(name + "-src"));
        Path classes = Files.createDirectories(dir.resolve(name + "-classes"));
        List<String> args = new ArrayList<>(List.of("-d", classes.toString(), "-classpath", coreClasspath(),
                "--release", "17", "-proc:none"));
        for (Map.Entry<String, String> e : sources.entrySet()) {
            Path file = src.resolve(e.getKey().replace('.', '/') + ".java");
            Files.createDirectories(file.getParent());
            Files.writeString(file, e.getValue());
            args.add(file.toString());
        }
        if (!sources.isEmpty()) {
            JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
            java.io.ByteArrayOutputStream errors = new java.io.ByteArrayOutputStream();
            int code = javac.run(null, errors, errors, args.toArray(String[]::new));
            if (code != 0) {
                throw new IllegalStateException("compiling the test jar failed: " + errors.toString(StandardCharsets.UTF_8));
            }
        }
        for (Map.Entry<String, String> e : resources.entrySet()) {
            Path file = classes.resolve(e.getKey());
            Files.createDirectories(file.getParent());
            Files.writeString(file, e.getValue());
        }
        Path jar = dir.resolve(name + ".jar");
        pack(classes, jar);
        return jar;
    }

    /** Where kubelint-core's classes are (target/classes in a build). */
    public static String coreClasspath() {
        try {
            return Path.of(Rule.class.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
        } catch (java.net.URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    public static void pack(Path classes, Path jar) throws IOException {
        try (OutputStream out = Files.newOutputStream(jar); JarOutputStream zip = new JarOutputStream(out);
             Stream<Path> files = Files.walk(classes)) {
            for (Path file : files.filter(Files::isRegularFile).sorted().toList()) {
                zip.putNextEntry(new JarEntry(classes.relativize(file).toString().replace('\\', '/')));
                zip.write(Files.readAllBytes(file));
                zip.closeEntry();
            }
        }
    }

    /** The service file that registers rule providers. */
    public static Map<String, String> services(String... providers) {
        return Map.of("META-INF/services/dev.kubelint.core.rule.RuleProvider", String.join("\n", providers) + "\n");
    }
}
