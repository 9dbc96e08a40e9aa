package dev.kubelint.core.testing;

import dev.kubelint.core.finding.Location;
import dev.kubelint.core.finding.Severity;
import dev.kubelint.core.manifest.Manifest;
import dev.kubelint.core.rule.CrossObjectCheck;
import dev.kubelint.core.rule.RuleContext;
import dev.kubelint.core.rule.RuleInfo;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/** A cross-object rule for tests: two objects of the same kind and name; reported at the end of the run. */
@RuleInfo(
        id = "unique-name",
        category = "test",
        severity = Severity.ERROR,
        summary = "Two objects have the same kind and name")
public final class UniqueNameRule extends NoCheckRule {

    @Override
    public Optional<CrossObjectCheck> newCrossObjectCheck() {
        return Optional.of(new CrossObjectCheck() {
            private final Map<String, Location> first = new HashMap<>();
            private final Map<Location, String> duplicates = new HashMap<>();

            @Override
            public void observe(Manifest manifest, RuleContext ctx) {
                manifest.metadata().flatMap(m -> m.scalar("name")).ifPresent(name -> {
                    Location at = ctx.locate(name);
                    Location earlier = first.putIfAbsent(manifest.kind() + "/" + name.asText(), at);
                    if (earlier != null) {
                        duplicates.put(at, manifest.kind() + " " + name.asText());
                    }
                });
            }

            @Override
            public void finish(RuleContext ctx) {
                duplicates.forEach((at, what) -> ctx.report(at, what + " is defined twice"));
            }
        });
    }
}
