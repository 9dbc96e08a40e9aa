package dev.kubelint.core.config;

import dev.kubelint.core.kube.Suggestions;
import dev.kubelint.core.report.ReportFormats;
import dev.kubelint.core.yaml.JsonText;
import dev.kubelint.core.yaml.MappingNode;
import dev.kubelint.core.yaml.Position;
import dev.kubelint.core.yaml.ScalarNode;
import dev.kubelint.core.yaml.SequenceNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.function.Function;

/** The {@code reports:} of a configuration file: known formats, no file named twice, one at most without a file. */
final class ReportEntries {

    private ReportEntries() {}

    /**
     * The reports the file names; its problems are reported where they are written.
     *
     * @param folder      the configuration file's folder, which relative report files are resolved against
     * @param confine     checks a report file against the file's trust (a discovered file stays in its tree)
     * @param problem     takes a problem and its position
     * @param displayName how a path is shown in messages
     */
    static List<ConfigFile.ReportEntry> read(
            MappingNode root,
            Path folder,
            Consumer<Located<Path>> confine,
            BiConsumer<Position, String> problem,
            Function<Path, String> displayName) {
        List<ConfigFile.ReportEntry> reports = new ArrayList<>();
        Map<Path, Position> files = new HashMap<>();
        for (MappingNode m :
                root.sequence("reports").map(SequenceNode::mappings).orElse(List.of())) {
            ScalarNode name = m.scalar("format").orElseThrow();
            Optional<ReportFormats.Format> format = ReportFormats.find(name.asText());
            if (format.isEmpty()) {
                String hint = Suggestions.closest(name.asText(), ReportFormats.names(), Suggestions.OPTIONS)
                        .map(s -> "did you mean " + s + "? ")
                        .orElse("");
                problem.accept(
                        name.span().start(),
                        "reports: unknown report format " + JsonText.quote(name.asText()) + "; " + hint
                                + "kubelint writes " + ReportFormats.list());
                continue;
            }
            if (m.scalar("file").isEmpty()
                    && reports.stream().anyMatch(r -> r.file().isEmpty())) {
                problem.accept(
                        m.span().start(),
                        "reports: only one report can go without a file (to standard output); give this one a file");
            }
            Optional<Located<Path>> file = m.scalar("file")
                    .map(s -> new Located<>(
                            folder.resolve(s.asText()).normalize(), s.span().start()));
            file.ifPresent(confine);
            Optional<Position> first = file.map(f -> files.putIfAbsent(f.value(), f.at()));
            if (first.isPresent()) {
                problem.accept(
                        file.get().at(),
                        "reports: two reports would be written to "
                                + displayName.apply(file.get().value()) + " (first at line "
                                + first.get().line() + ")");
            }
            reports.add(new ConfigFile.ReportEntry(
                    format.get().name(), file.map(Located::value), m.span().start()));
        }
        return reports;
    }
}
