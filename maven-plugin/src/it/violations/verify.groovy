// Three builds of the same project log into one build.log, in order.
String log = new File(basedir, 'build.log').getText('UTF-8')
def builds = log.split(/\[INFO\] Scanning for projects\.\.\./).findAll { !it.isBlank() }
assert builds.size() == 3

// 1. kubelint:check by prefix: both findings, each with path:line:col relative to the project, then the failure.
String direct = builds[0]
assert direct.contains('[ERROR] src/main/k8s/broken.yaml:8:6: YAML syntax error: expected <block end>')
assert direct =~ /(?m)^\[ERROR\] src\/main\/k8s\/broken\.yaml:8:6: .* \[yaml-syntax\]$/
assert direct.contains('[ERROR] src/main/k8s/config.yaml:8:3: duplicate key "LOG_LEVEL": first at line 6, column 3; '
        + 'kubectl silently keeps this last value [duplicate-key]')
assert direct.contains('2 errors, 0 warnings, 0 infos, 0 suppressed in 3 files, 2 objects')
assert direct.contains('kubelint found 2 errors, 0 warnings, 0 infos (failOn: error); '
        + 'see the lines above and the reports target/kubelint/')
assert direct.contains('BUILD FAILURE')

// 2. failOn none: the same lines, a passing build.
String lenient = builds[1]
assert lenient.contains('[ERROR] src/main/k8s/config.yaml:8:3: duplicate key "LOG_LEVEL"')
assert lenient.contains('BUILD SUCCESS')

// 3. skip: one line, nothing read.
String skipped = builds[2]
assert skipped.contains('[INFO] kubelint: skipped (kubelint.skip)')
assert !skipped.contains('duplicate key')
assert skipped.contains('BUILD SUCCESS')
