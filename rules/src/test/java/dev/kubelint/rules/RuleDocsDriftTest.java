package dev.kubelint.rules;

import static org.junit.jupiter.api.Assertions.fail;

import dev.kubelint.core.rule.RuleCatalog;
import dev.kubelint.core.rule.RuleDocs;
import dev.kubelint.core.rule.RuleExamples;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The committed docs/rules must be exactly what the rules' metadata and fixtures generate. */
class RuleDocsDriftTest {

    @Test
    void committedDocsMatchTheGeneratedOnes() throws IOException {
        Map<String, String> expected = RuleDocs.markdownFiles(
                RuleCatalog.load(getClass().getClassLoader()).all(),
                RuleExamples.fromFolder(RuleConventionsTest.FIXTURES));
        Path docs = RuleConventionsTest.DOCS;
        List<String> drift = new ArrayList<>();
        for (Map.Entry<String, String> file : expected.entrySet()) {
            Path path = docs.resolve(file.getKey());
            if (!Files.isRegularFile(path)) {
                drift.add(file.getKey() + " is missing");
            } else if (!Files.readString(path, StandardCharsets.UTF_8).equals(file.getValue())) {
                drift.add(file.getKey() + " differs");
            }
        }
        if (Files.isDirectory(docs)) {
            try (Stream<Path> pages = Files.list(docs)) {
                pages.map(p -> p.getFileName().toString())
                        .filter(name -> name.endsWith(".md") && !expected.containsKey(name))
                        .forEach(name -> drift.add(name + " documents no rule"));
            }
        }
        if (!drift.isEmpty()) {
            fail("docs/rules is out of date with the rules' metadata or fixtures (" + String.join(", ", drift)
                    + "); regenerate it from the repository root with: " + RuleDocs.REGENERATE);
        }
    }
}
