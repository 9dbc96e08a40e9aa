package dev.kubelint.cli;

import dev.kubelint.core.rule.LintSettings;
import dev.kubelint.core.rule.RuleCatalog;
import dev.kubelint.schemas.BuiltinSchemas;

/**
 * Start-up work that a scan needs later, done on a second core while the main thread reads the options and the
 * configuration file: setting up the schema validator and the index of the default Kubernetes version, and
 * initialising the classes of the built-in rules and reading their metadata (the catalogue the main thread loads
 * afterwards finds them ready). Nothing is kept from here: the run builds everything it uses itself, so a
 * warm-up that is slow or fails changes nothing but the time.
 */
final class Warmup {

    private Warmup() {
    }

    static void start() {
        Thread thread = new Thread(Warmup::run, "kubelint-warmup");
        thread.setDaemon(true);
        thread.start();
    }

    private static void run() {
        try {
            BuiltinSchemas.get().warmUp(LintSettings.NEWEST_KUBERNETES_VERSION);
            RuleCatalog.load(Warmup.class.getClassLoader());
        } catch (RuntimeException | LinkageError e) {
            // the main thread meets the same problem when it does this work itself, and reports it there
        }
    }
}
