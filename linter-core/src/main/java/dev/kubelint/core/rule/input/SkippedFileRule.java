package dev.kubelint.core.rule.input;

import dev.kubelint.core.finding.Severity;
import dev.kubelint.core.manifest.Manifest;
import dev.kubelint.core.rule.Rule;
import dev.kubelint.core.rule.RuleContext;
import dev.kubelint.core.rule.RuleInfo;

/** Reported by the engine for files the folder walk found but deliberately did not read. */
@RuleInfo(id = "skipped-file", category = "input", severity = Severity.WARNING,
        summary = "A file in a scanned folder was not read",
        rationale = "When walking a folder, kubelint does not follow a symbolic link that leads outside it (so a scan never reads files elsewhere on the machine) and does not read named pipes or devices (so a scan never blocks on one). Such a file is not checked, and saying so keeps that from going unnoticed.",
        remediation = "Name the file or the link's target explicitly as a path to lint it, or remove or exclude it.")
public final class SkippedFileRule implements Rule {

    @Override
    public void check(Manifest manifest, RuleContext ctx) {
        // reported by the engine, not per object
    }
}
