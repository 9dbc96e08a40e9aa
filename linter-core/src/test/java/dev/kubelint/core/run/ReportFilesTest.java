package dev.kubelint.core.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kubelint.core.engine.LintResult;
import dev.kubelint.core.engine.Linter;
import dev.kubelint.core.report.ReportFormats;
import dev.kubelint.core.report.ReportOptions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReportFilesTest {

    @TempDir
    Path folder;

    @Test
    void selectsFormatsInOrderWithoutRepeats() throws OptionsException {
        assertEquals(List.of("json", "text"), names(ReportFiles.select(List.of(" json", "TEXT", "json"))));
        assertEquals(List.of("text", "json"), names(ReportFiles.select(List.of("text, json", ""))));
        assertEquals(List.of(), ReportFiles.select(List.of("none")));
        assertEquals(List.of(), ReportFiles.select(List.of()));
    }

    @Test
    void anUnknownFormatIsAnError() {
        OptionsException e = assertThrows(OptionsException.class, () -> ReportFiles.select(List.of("json", "pdf")));
        assertEquals(
                "unknown report format 'pdf': kubelint writes " + ReportFormats.list() + " (or none)", e.getMessage());
    }

    @Test
    void writesOneFilePerFormat() throws Exception {
        Files.writeString(
                folder.resolve("a.yaml"), "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: a\n  name: b\n");
        LintPlan plan = new LintRequestBuilder(folder, List.of("a.yaml")).build();
        LintResult result = new Linter().lint(plan.request());
        Path reports = folder.resolve("target/kubelint");

        List<Path> written = ReportFiles.write(
                result, ReportFiles.select(List.of("text", "json")), reports, ReportOptions.plain(folder));

        assertEquals(List.of(reports.resolve("kubelint.txt"), reports.resolve("kubelint.json")), written);
        assertTrue(Files.readString(written.get(0)).startsWith("a.yaml:5:3: error: duplicate key \"name\""));
        assertTrue(Files.readString(written.get(1)).contains("\"ruleId\" : \"duplicate-key\""));
    }

    private static List<String> names(List<ReportFormats.Format> formats) {
        return formats.stream().map(ReportFormats.Format::name).toList();
    }
}
