// Runs once the configuration file reader is wired into LintRequestBuilder (it is written in parallel with the
// plugin); delete this file then.
File builder = new File(basedir, '../../../../linter-core/src/main/java/dev/kubelint/core/run/LintRequestBuilder.java')
boolean ready = !builder.getText('UTF-8').contains('does not support configuration files yet')
if (!ready) {
    println 'config-file: skipped until LintRequestBuilder reads configuration files'
}
return ready
