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
 * Builds rule jars for tests without installing anything or running a nested Maven build: compiles Java sources
 * against kubelint-core with the JDK's compiler, either once for many small jars packed from parts of the output
 * (the compiler is the slow part), or a whole source tree with its resources as a team's build would.
 */
public final class TestJars {

    private TestJars() {}

    /** Compiles sources (class name to text) into a folder of classes. */
    public static Path compile(Path dir, Map<String, String> sources) throws IOException {
        Path src = Files.createDirectories(dir.resolve("src"));
        List<Path> files = new ArrayList<>();
        for (Map.Entry<String, String> e : sources.entrySet()) {
            Path file = src.resolve(e.getKey().replace('.', '/') + ".java");
            Files.createDirectories(file.getParent());
            Files.writeString(file, e.getValue());
            files.add(file);
        }
        return javac(files, Files.createDirectories(dir.resolve("classes")));
    }

    /**
     * Builds a rule jar the way a team's build would: compiles every .java file under {@code sourceRoot}, adds the
     * files under {@code resourceRoot} (when it exists) and packs {@code work/NAME.jar}.
     */
    public static Path build(Path sourceRoot, Path resourceRoot, Path work, String name) throws IOException {
        List<Path> files;
        try (Stream<Path> walk = Files.walk(sourceRoot)) {
            files = walk.filter(f -> f.toString().endsWith(".java")).sorted().toList();
        }
        Path classes = javac(files, Files.createDirectories(work.resolve(name + "-classes")));
        if (Files.isDirectory(resourceRoot)) {
            try (Stream<Path> walk = Files.walk(resourceRoot)) {
                for (Path f : walk.filter(Files::isRegularFile).toList()) {
                    Path target = classes.resolve(resourceRoot.relativize(f).toString());
                    Files.createDirectories(target.getParent());
                    Files.copy(f, target);
                }
            }
        }
        Path jar = work.resolve(name + ".jar");
        try (OutputStream out = Files.newOutputStream(jar);
                JarOutputStream zip = new JarOutputStream(out)) {
            addFiles(zip, classes, classes);
        }
        return jar;
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
                addFiles(zip, classes, classes.resolve(packageFolder));
            }
            for (Map.Entry<String, String> r : resources.entrySet()) {
                zip.putNextEntry(new JarEntry(r.getKey()));
                zip.write(r.getValue().getBytes(StandardCharsets.UTF_8));
                zip.closeEntry();
            }
        }
        return jar;
    }

    /** Compiles the files against kubelint-core with the JDK's compiler; the test fails with its diagnostics. */
    private static Path javac(List<Path> files, Path classes) {
        List<String> args = new ArrayList<>(List.of(
                "-d",
                classes.toString(),
                "-classpath",
                coreClasspath(),
                "--release",
                "17",
                "-proc:none",
                "-encoding",
                "UTF-8"));
        files.forEach(f -> args.add(f.toString()));
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        if (javac == null) {
            throw new IllegalStateException("the tests need a JDK (javax.tools.JavaCompiler), not a JRE");
        }
        ByteArrayOutputStream errors = new ByteArrayOutputStream();
        if (javac.run(null, errors, errors, args.toArray(String[]::new)) != 0) {
            throw new IllegalStateException(
                    "compiling the test classes failed: " + errors.toString(StandardCharsets.UTF_8));
        }
        return classes;
    }

    /** Adds the files under {@code folder} to the jar, named by their path below {@code classes}. */
    private static void addFiles(JarOutputStream zip, Path classes, Path folder) throws IOException {
        try (Stream<Path> files = Files.walk(folder)) {
            for (Path file : files.filter(Files::isRegularFile).sorted().toList()) {
                zip.putNextEntry(
                        new JarEntry(classes.relativize(file).toString().replace('\\', '/')));
                zip.write(Files.readAllBytes(file));
                zip.closeEntry();
            }
        }
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
