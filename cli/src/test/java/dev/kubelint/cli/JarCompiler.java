package dev.kubelint.cli;

import dev.kubelint.core.rule.Rule;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;

/**
 * Builds rule jars during the test, the way a team's build would: compiles Java sources against kubelint-core
 * with the JDK's compiler and packs them with their resources. This keeps the samples honest on a clean clone
 * without installing anything or running a nested Maven build.
 */
final class JarCompiler {

    private JarCompiler() {}

    /** Compiles every .java file under {@code sourceRoot}, adds the files under {@code resourceRoot}, and packs a jar. */
    static Path build(Path sourceRoot, Path resourceRoot, Path work, String name) throws IOException {
        Path classes = Files.createDirectories(work.resolve(name + "-classes"));
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
        try (Stream<Path> files = Files.walk(sourceRoot)) {
            files.filter(f -> f.toString().endsWith(".java")).sorted().forEach(f -> args.add(f.toString()));
        }
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        if (javac == null) {
            throw new IllegalStateException("the tests need a JDK (javax.tools.JavaCompiler), not a JRE");
        }
        ByteArrayOutputStream diagnostics = new ByteArrayOutputStream();
        if (javac.run(null, diagnostics, diagnostics, args.toArray(String[]::new)) != 0) {
            throw new IllegalStateException(
                    "compiling " + sourceRoot + " failed:\n" + diagnostics.toString(StandardCharsets.UTF_8));
        }
        if (Files.isDirectory(resourceRoot)) {
            try (Stream<Path> files = Files.walk(resourceRoot)) {
                for (Path f : files.filter(Files::isRegularFile).toList()) {
                    Path target = classes.resolve(resourceRoot.relativize(f).toString());
                    Files.createDirectories(target.getParent());
                    Files.copy(f, target);
                }
            }
        }
        Path jar = work.resolve(name + ".jar");
        try (OutputStream out = Files.newOutputStream(jar);
                JarOutputStream zip = new JarOutputStream(out);
                Stream<Path> files = Files.walk(classes)) {
            for (Path f : files.filter(Files::isRegularFile).sorted().toList()) {
                zip.putNextEntry(new JarEntry(classes.relativize(f).toString().replace('\\', '/')));
                zip.write(Files.readAllBytes(f));
                zip.closeEntry();
            }
        }
        return jar;
    }

    /** Where kubelint-core's classes are: the core module's output folder or jar. */
    private static String coreClasspath() {
        try {
            return Path.of(Rule.class
                            .getProtectionDomain()
                            .getCodeSource()
                            .getLocation()
                            .toURI())
                    .toString();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
