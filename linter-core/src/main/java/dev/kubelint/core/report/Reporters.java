package dev.kubelint.core.report;

import java.util.List;
import java.util.Optional;

/** The output formats kubelint has, by their command-line name; {@link ReportFormats} is the one registry. */
public final class Reporters {

    /** Format names in the order help texts list them. */
    public static final List<String> NAMES = ReportFormats.all().stream().map(ReportFormats.Format::name).toList();

    private Reporters() {
    }

    public static Optional<Reporter> find(String name) {
        return ReportFormats.find(name).filter(f -> f.name().equals(name)).map(f -> f.reporter().get());
    }
}
