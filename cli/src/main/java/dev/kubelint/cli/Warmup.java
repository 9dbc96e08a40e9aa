package dev.kubelint.cli;

import dev.kubelint.core.config.ConfigSchema;
import dev.kubelint.core.rule.LintSettings;
import dev.kubelint.core.rule.RuleCatalog;
import dev.kubelint.schemas.BuiltinSchemas;

/**
 * Start-up work that a scan needs later, done on other cores while the main thread reads the options and the
 * configuration file: reading the index of the default Kubernetes version's schemas and initialising the classes
 * of the built-in rules and reading their metadata (the catalogue the main thread loads afterwards finds them
 * ready); and, on a thread of its own because the main thread needs it soonest, setting up the JSON Schema
 * dialect of the configuration file when one will be read. Nothing is kept from here: the run builds everything
 * it uses itself, so a warm-up that is slow or fails changes nothing but the time.
 */
final class Warmup {

    private Warmup() {}

    /** Schemas and rules: every scan needs them. */
    static void schemasAndRules() {
        start("kubelint-warmup", () -> {
            BuiltinSchemas.get().warmUp(LintSettings.NEWEST_KUBERNETES_VERSION);
            RuleCatalog.load(Warmup.class.getClassLoader());
        });
    }

    /** The configuration file's schema: only for a run that reads one. */
    static void configuration() {
        start("kubelint-warmup-config", ConfigSchema::warmUp);
    }

    private static void start(String name, Runnable work) {
        Thread thread = new Thread(
                () -> {
                    try {
                        work.run();
                    } catch (RuntimeException | LinkageError e) {
                        // the main thread meets the same problem when it does this work itself, and reports it there
                    }
                },
                name);
        thread.setDaemon(true);
        thread.start();
    }
}
