package dev.kubelint.rules.support;

import dev.kubelint.core.kube.Problem;
import dev.kubelint.core.manifest.Manifest;
import dev.kubelint.core.rule.Rule;
import dev.kubelint.core.rule.RuleContext;
import dev.kubelint.core.yaml.MappingNode;
import java.util.ArrayList;
import java.util.List;

/**
 * The shell of a rule that validates the spec of one kind of object, as the API server does: the rule lists the
 * problems of the spec, in the order the server finds them, and the shell reports them. Objects of other kinds, and
 * objects whose spec is not a mapping, are left alone.
 */
public abstract class SpecProblemsShell implements Rule {

    private final String group;
    private final String kind;

    protected SpecProblemsShell(String group, String kind) {
        this.group = group;
        this.kind = kind;
    }

    @Override
    public final void check(Manifest manifest, RuleContext ctx) {
        if (!manifest.group().equals(group) || !manifest.kind().equals(kind)) {
            return;
        }
        manifest.root().mapping("spec").ifPresent(spec -> {
            List<Problem> problems = new ArrayList<>();
            listProblems(manifest, spec, ctx, problems);
            problems.forEach(p -> p.report(ctx));
        });
    }

    /**
     * Adds the problems of the object's spec to {@code problems}; {@code ctx} gives the run's settings and
     * parameters, the findings are the shell's to report.
     */
    protected abstract void listProblems(Manifest manifest, MappingNode spec, RuleContext ctx, List<Problem> problems);
}
