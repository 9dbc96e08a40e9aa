package dev.kubelint.core.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kubelint.core.engine.LintResult;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReportersTest {

    @Test
    void formatsAreFoundByNameIgnoringCaseAndBlanks() {
        for (ReportFormats.Format format : ReportFormats.all()) {
            assertEquals(format.name().toLowerCase(java.util.Locale.ROOT), format.name(), "listed in lower case");
            assertEquals(format, ReportFormats.find(format.name()).orElseThrow());
            assertEquals(
                    format,
                    ReportFormats.find(" " + format.name().toUpperCase(java.util.Locale.ROOT))
                            .orElseThrow());
        }
        assertEquals(
                ReportFormats.all().size(),
                ReportFormats.all().stream()
                        .map(ReportFormats.Format::fileName)
                        .distinct()
                        .count(),
                "each format has a file name of its own");
        assertTrue(ReportFormats.find("xml").isEmpty());
        assertEquals(String.join(", ", ReportFormats.names()), ReportFormats.list());
    }

    /**
     * A report that says it needs no object list or no source lines writes the same without them: the engine
     * drops what no chosen report asks for.
     */
    @Test
    void reportsDeclareWhatTheyReadOfTheResult(@TempDir Path dir) throws IOException {
        LintResult full = SampleResults.full();
        LintResult withoutObjects = new LintResult(
                full.settings(),
                full.catalog(),
                full.findings(),
                full.suppressed(),
                full.files().stream()
                        .map(f -> new LintResult.FileSummary(f.file(), f.objectCount(), List.of()))
                        .toList(),
                full.sources(),
                full.elapsed());
        LintResult withoutSources = SampleResults.withoutSources(full);
        for (ReportOptions options :
                List.of(ReportOptions.plain(dir), ReportOptions.plain(dir).withShowSource(true))) {
            for (ReportFormats.Format format : ReportFormats.all()) {
                Reporter reporter = format.reporter().get();
                String written = write(reporter, full, options);
                assertEquals(
                        !reporter.needsObjects(),
                        written.equals(write(reporter, withoutObjects, options)),
                        format.name() + ": objects");
                assertEquals(
                        !reporter.showsSource(options),
                        written.equals(write(reporter, withoutSources, options)),
                        format.name() + ": source lines, " + options);
            }
        }
        assertEquals(
                List.of("junit"),
                ReportFormats.all().stream()
                        .filter(f -> f.reporter().get().needsObjects())
                        .map(ReportFormats.Format::name)
                        .toList());
    }

    private static String write(Reporter reporter, LintResult result, ReportOptions options) throws IOException {
        StringWriter out = new StringWriter();
        reporter.write(result, options, out);
        return out.toString();
    }

    @Test
    void columnWidths() {
        assertEquals(1, ColumnWidths.of('a'));
        assertEquals(1, ColumnWidths.of(0xE9), "é");
        assertEquals(0, ColumnWidths.of(0x0308), "combining diaeresis");
        assertEquals(0, ColumnWidths.of(0x200B), "zero width space");
        assertEquals(0, ColumnWidths.of(0xFE0F), "variation selector");
        assertEquals(2, ColumnWidths.of(0x65E5), "日");
        assertEquals(2, ColumnWidths.of(0xFF21), "full-width A");
        assertEquals(2, ColumnWidths.of(0xAC00), "Hangul syllable");
        assertEquals(2, ColumnWidths.of(0x1F600), "grinning face");
        assertEquals(1, ColumnWidths.of(0x2190), "arrow, narrow");
        assertEquals(1, ColumnWidths.of(0x00AD), "soft hyphen is shown");
        assertTrue(ColumnWidths.isControl(0x1B));
        assertTrue(ColumnWidths.isControl(0x85));
        assertTrue(!ColumnWidths.isControl('\t'));
    }
}
