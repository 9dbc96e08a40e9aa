package dev.kubelint.core.report;

import dev.kubelint.core.engine.LintResult;
import dev.kubelint.core.finding.Finding;
import dev.kubelint.core.finding.Location;
import dev.kubelint.core.finding.ObjectRef;
import dev.kubelint.core.finding.Severity;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import java.util.regex.Pattern;
import tools.jackson.core.JsonGenerator;

/**
 * GitLab Code Quality JSON (the Code Climate issue format as GitLab reads it from {@code artifacts: reports:
 * codequality}): an array with one object per active finding holding {@code description}, {@code check_name} (the
 * rule id), {@code fingerprint}, {@code severity} and {@code location} ({@code path} and {@code lines.begin},
 * {@code lines.end}).
 *
 * <p>GitLab tells new findings from fixed ones in a merge request by their fingerprint, so it must stay the same
 * while a finding stays, even when lines are added above it. It is therefore a hash of what the finding is, not
 * where it is: the rule, the file, the Kubernetes object (API version, kind, namespace, name), the place inside
 * it (the JSON pointer) and the message with its numbers left out (messages quote lines: "first at line 11").
 * Findings alike in all of these are told apart by their order, so that every fingerprint in a report is unique.
 *
 * <p>Severities: {@code error} is {@code critical} (the API server rejects the manifest), {@code warning} is
 * {@code major} and {@code info} is {@code info}. Suppressed findings are left out (GitLab has no place for
 * them); a finding about the run rather than a file has the path {@value #RUN_PATH}.
 */
public final class CodeClimateReporter implements Reporter {

    /** The path of findings about the run rather than a file: the repository root. */
    static final String RUN_PATH = ".";

    private static final Pattern NUMBERS = Pattern.compile("[0-9]+");

    @Override
    public void write(LintResult result, ReportOptions options, Writer out) throws IOException {
        Map<String, Integer> seen = new HashMap<>();
        try (JsonGenerator g = ReportJson.generator(out, ReportJson.Layout.LINE_PER_ITEM, false)) {
            g.writeStartArray();
            for (Finding f : result.findings()) {
                String identity = identity(f);
                int occurrence = seen.merge(identity, 1, Integer::sum);
                Location at = f.location();
                g.writeStartObject();
                g.writeStringProperty("description", f.message());
                g.writeStringProperty("check_name", f.ruleId());
                g.writeStringProperty("fingerprint", fingerprint(identity + "\u0000" + occurrence));
                g.writeStringProperty("severity", severity(f.severity()));
                g.writeObjectPropertyStart("location");
                g.writeStringProperty("path", at.file().isEmpty() ? RUN_PATH : at.file());
                g.writeObjectPropertyStart("lines");
                g.writeNumberProperty("begin", at.line());
                g.writeNumberProperty("end", Math.max(at.line(), at.endLine()));
                g.writeEndObject();
                g.writeEndObject();
                g.writeEndObject();
            }
            g.writeEndArray();
        }
        out.write('\n');
    }

    /** GitLab's severity of a finding. */
    static String severity(Severity severity) {
        return switch (severity) {
            case ERROR -> "critical";
            case WARNING -> "major";
            case INFO -> "info";
        };
    }

    /** What the finding is, without where it is: the fingerprint's input. */
    static String identity(Finding f) {
        ObjectRef object = f.location().object();
        return String.join(
                "\u0000",
                f.ruleId(),
                f.location().file(),
                object.apiVersion(),
                object.kind(),
                object.namespace(),
                object.name(),
                f.location().jsonPointer(),
                NUMBERS.matcher(f.message()).replaceAll("#"));
    }

    private static String fingerprint(String identity) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            // unpaired surrogates become '?': the fingerprint needs only to be the same for the same text
            byte[] digest = sha.digest(identity.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }
}
