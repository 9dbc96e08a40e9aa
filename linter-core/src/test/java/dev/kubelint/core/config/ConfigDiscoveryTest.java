package dev.kubelint.core.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kubelint.core.testing.TestFiles;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigDiscoveryTest {

    @TempDir
    Path dir;

    private Path file(String relative, String text) throws Exception {
        return TestFiles.write(dir, relative, text);
    }

    @Test
    void findsTheNearestFileUpward() throws Exception {
        Path repo = Files.createDirectories(dir.resolve("repo/.git"));
        Path config = file("repo/.kubelint.yaml", "strict: true\n");
        Path nested = file("repo/deploy/app/web.yaml", "kind: Pod\n");
        ConfigDiscovery discovery = new ConfigDiscovery(dir);
        assertEquals(Optional.of(config), discovery.find(List.of("repo/deploy/app/web.yaml")));
        assertEquals(Optional.of(config), discovery.find(List.of("repo/deploy")));
        Path closer = file("repo/deploy/.kubelint.yaml", "");
        assertEquals(Optional.of(closer), discovery.find(List.of(nested.toString())));
        assertTrue(repo.toFile().isDirectory());
    }

    @Test
    void stopsAtTheRepositoryRoot() throws Exception {
        file(".kubelint.yaml", "");
        Files.createDirectories(dir.resolve("repo/.git"));
        file("repo/app/web.yaml", "kind: Pod\n");
        assertEquals(Optional.empty(), new ConfigDiscovery(dir).find(List.of("repo/app")));
        // a worktree or submodule marks its root with a .git file
        file("other/.git", "gitdir: ../somewhere\n");
        file("other/app/web.yaml", "kind: Pod\n");
        assertEquals(Optional.empty(), new ConfigDiscovery(dir).find(List.of("other/app/web.yaml")));
    }

    @Test
    void standardInputSearchesFromTheWorkingDirectoryAndMissingPathsAreLeftToTheScanner() throws Exception {
        Files.createDirectories(dir.resolve(".git"));
        Path config = file(".kubelint.yaml", "");
        Files.createDirectories(dir.resolve("sub"));
        assertEquals(Optional.of(config), new ConfigDiscovery(dir.resolve("sub")).find(List.of("-")));
        assertEquals(Optional.of(config), new ConfigDiscovery(dir).find(List.of("does-not-exist.yaml", "sub")));
    }

    @Test
    void inputsWithDifferentFilesAreAnError() throws Exception {
        file("a/.git/HEAD", "");
        file("a/.kubelint.yaml", "");
        file("a/x.yaml", "");
        file("b/.git/HEAD", "");
        file("b/.kubelint.yaml", "");
        file("c/.git/HEAD", "");
        file("c/y.yaml", "");
        ConfigDiscovery discovery = new ConfigDiscovery(dir);
        assertEquals(Optional.of(dir.resolve("a/.kubelint.yaml")), discovery.find(List.of("a/x.yaml", "c/y.yaml")));
        ConfigException e = assertThrows(ConfigException.class, () -> discovery.find(List.of("a/x.yaml", "b")));
        assertEquals(
                "the scanned paths have different configuration files: a/.kubelint.yaml (for a/x.yaml), "
                        + "b/.kubelint.yaml (for b); scan them separately, or choose one with --config FILE",
                e.getMessage());
    }

    @Test
    void outsideARepositoryTheHomeFolderAndTheWorkingDirectoryOnlyTheFolderItselfIsSearched() throws Exception {
        file(".kubelint.yaml", "rules-jars: [evil.jar]\n"); // as in /tmp, where anyone may leave one
        file("shared/x/web.yaml", "kind: Pod\n");
        Path home = Files.createDirectories(dir.resolve("home/user"));
        ConfigDiscovery discovery = new ConfigDiscovery(home, Optional.of(home));
        assertEquals(
                Optional.empty(), discovery.find(List.of(dir.resolve("shared/x").toString())));
        assertEquals(
                Optional.empty(),
                discovery.find(List.of(dir.resolve("shared/x/web.yaml").toString())));
        Path own = file("shared/x/.kubelint.yaml", "");
        assertEquals(
                Optional.of(own), discovery.find(List.of(dir.resolve("shared/x").toString())));
    }

    @Test
    void outsideARepositoryTheSearchStopsAtTheHomeFolderOrTheWorkingDirectory() throws Exception {
        file(".kubelint.yaml", "");
        Path home = Files.createDirectories(dir.resolve("home/user"));
        file("home/user/project/k8s/web.yaml", "kind: Pod\n");
        ConfigDiscovery fromElsewhere = new ConfigDiscovery(dir.resolve("elsewhere"), Optional.of(home));
        String k8s = dir.resolve("home/user/project/k8s").toString();
        assertEquals(Optional.empty(), fromElsewhere.find(List.of(k8s)), "never above the home folder");
        Path inHome = file("home/user/.kubelint.yaml", "");
        assertEquals(Optional.of(inHome), fromElsewhere.find(List.of(k8s)));

        file("work/k8s/web.yaml", "kind: Pod\n");
        ConfigDiscovery inWork = new ConfigDiscovery(dir.resolve("work"), Optional.of(home));
        assertEquals(Optional.empty(), inWork.find(List.of("k8s")), "never above the working directory");
        Path workConfig = file("work/.kubelint.yaml", "");
        assertEquals(Optional.of(workConfig), inWork.find(List.of("k8s")));
    }
}
