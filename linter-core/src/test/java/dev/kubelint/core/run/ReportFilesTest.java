package dev.kubelint.core.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kubelint.core.config.ConfigFile;
import dev.kubelint.core.config.ConfigReader;
import dev.kubelint.core.engine.LintResult;
import dev.kubelint.core.engine.Linter;
import dev.kubelint.core.report.ReportFormats;
import dev.kubelint.core.report.ReportOptions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
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

    @Test
    void aBuildsFormatsReplaceTheConfigurationsReportsWhichReplaceTheDefault() throws Exception {
        Path reports = folder.resolve("target/kubelint");
        ConfigFile none = ConfigFile.empty(folder, "");
        ConfigFile configured = new ConfigReader(folder)
                .read(
                        folder.resolve(".kubelint.yaml"),
                        "reports:\n  - {format: html, file: site/k.html}\n  - format: json\n");

        assertEquals(
                List.of(reports.resolve("kubelint.sarif"), reports.resolve("TEST-kubelint.xml")),
                files(ReportFiles.plan(Optional.empty(), none, reports)));
        assertEquals(
                List.of(folder.resolve("site/k.html"), reports.resolve("kubelint.json")),
                files(ReportFiles.plan(Optional.empty(), configured, reports)));
        assertEquals(
                List.of(reports.resolve("kubelint.txt")),
                files(ReportFiles.plan(Optional.of(List.of("text")), configured, reports)));
        assertEquals(List.of(), files(ReportFiles.plan(Optional.of(List.of("none")), configured, reports)));
    }

    @Test
    void writesEachReportToItsFileCreatingItsFolder() throws Exception {
        Files.writeString(folder.resolve("a.yaml"), "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: a\n");
        LintResult result = new Linter()
                .lint(new LintRequestBuilder(folder, List.of("a.yaml")).build().request());
        Path file = folder.resolve("site/deep/k.json");
        List<Path> written = ReportFiles.write(
                result,
                List.of(new ReportFiles.Report(ReportFormats.find("json").orElseThrow(), file)),
                ReportOptions.plain(folder));
        assertEquals(List.of(file), written);
        assertTrue(Files.readString(file).contains("\"files\" : 1,"), Files.readString(file));
    }

    private static List<Path> files(List<ReportFiles.Report> reports) {
        return reports.stream().map(ReportFiles.Report::file).toList();
    }

    private static List<String> names(List<ReportFormats.Format> formats) {
        return formats.stream().map(ReportFormats.Format::name).toList();
    }
}
