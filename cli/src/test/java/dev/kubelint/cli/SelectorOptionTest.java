package dev.kubelint.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code -l/--selector}: lint only the objects kubectl get -l would select. */
class SelectorOptionTest {

    @TempDir
    Path dir;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        Main.Environment env = new Main.Environment(dir, InputStream.nullInputStream(), Map.of(), false);
        return Main.run(args, env, new PrintWriter(out), new PrintWriter(err));
    }

    /** Whether the run reported the status of each pod: web (line 8), db (line 17) and the unlabelled one (line 25). */
    private void assertReported(boolean web, boolean db, boolean bare) {
        assertEquals(web, out.toString().contains("pods.yaml:8:"), out.toString());
        assertEquals(db, out.toString().contains("pods.yaml:17:"), out.toString());
        assertEquals(bare, out.toString().contains("pods.yaml:25:"), out.toString());
    }

    private void pods() throws IOException {
        Files.writeString(dir.resolve("pods.yaml"), """
                apiVersion: v1
                kind: Pod
                metadata:
                  name: web
                  labels: {app: web, tier: front}
                spec:
                  containers: [{name: web, image: nginx:1.27}]
                status: {phase: Running}
                ---
                apiVersion: v1
                kind: Pod
                metadata:
                  name: db
                  labels: {app: db}
                spec:
                  containers: [{name: db, image: postgres:16}]
                status: {phase: Running}
                ---
                apiVersion: v1
                kind: Pod
                metadata:
                  name: bare
                spec:
                  containers: [{name: bare, image: busybox:1.36}]
                status: {phase: Running}
                """);
    }

    @Test
    void lintsOnlyTheSelectedObjects() throws IOException {
        pods();
        assertEquals(Main.OK, run("-q", "--fail-on", "none", "-l", "app=web", "pods.yaml"), err.toString());
        assertReported(true, false, false);
    }

    @Test
    void notEqualsAndNotInSelectObjectsWithoutTheLabel() throws IOException {
        pods();
        assertEquals(
                Main.OK, run("-q", "--fail-on", "none", "--selector", "app notin (web)", "pods.yaml"), err.toString());
        assertReported(false, true, true);
    }

    @Test
    void anInvalidSelectorIsAUsageErrorWithItsColumn() throws IOException {
        pods();
        assertEquals(Main.USAGE, run("-l", "app in (web", "pods.yaml"));
        assertTrue(
                err.toString()
                        .contains(
                                "kubelint: --selector: invalid label selector 'app in (web': expected ',' or ')' at column 12"),
                err.toString());
        assertEquals("", out.toString());
    }
}
