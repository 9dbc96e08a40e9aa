String log = new File(basedir, 'build.log').getText('UTF-8')
def builds = log.split(/\[INFO\] Scanning for projects\.\.\./).findAll { !it.isBlank() }
assert builds.size() == 5

String warning = '[WARNING] src/main/k8s/warning.yaml:6:13: YAML tag !env is ignored'
String info = '[INFO] src/main/k8s/info.yaml:10:1: status is written by the cluster; the copy in the manifest is ignored [status-section]'

// 1. default threshold: both findings logged at their own level, the build passes.
assert builds[0].contains(warning)
assert builds[0].contains(info)
assert builds[0].contains('0 errors, 1 warning, 1 info, 0 suppressed in 2 files, 2 objects')
assert builds[0].contains('BUILD SUCCESS')

// 2. failOn=warning, warning.yaml excluded: the info alone does not fail.
assert !builds[1].contains(warning)
assert builds[1].contains(info)
assert builds[1].contains('0 errors, 0 warnings, 1 info, 0 suppressed in 1 file, 1 object')
assert builds[1].contains('BUILD SUCCESS')

// 3. failOn=warning: the build fails and the message gives the counts and the threshold.
assert builds[2].contains(warning)
assert builds[2].contains('kubelint found 0 errors, 1 warning, 1 info (failOn: warning)')
assert builds[2].contains('BUILD FAILURE')

// 4. a configuration error names the bad value and the good ones; nothing is linted.
assert builds[3].contains("kubelint: unknown report format 'pdf': kubelint writes ")
assert !builds[3].contains(warning)
assert builds[3].contains('BUILD FAILURE')

// 5. every bad parameter is named, with the same words as the command line's problems.
assert builds[4].contains("kubelint: failOn: failure threshold 'fatal' is not one of error, warning, info, none")
assert builds[4].contains("kubelint: kubernetesVersion: Kubernetes version '1.99' is not one of the bundled releases 1.23, 1.24, 1.25, 1.26, 1.27, 1.28, 1.29, 1.30, 1.31, 1.32, 1.33, 1.34, 1.35 (give a minor release such as 1.31, or a patch release such as 1.31.4)")
assert !builds[4].contains(': fail-on: '), 'the options are named as the POM spells them, and only so'
assert !builds[4].contains(warning)
assert builds[4].contains('BUILD FAILURE')

// The JUnit report agrees with failOn: the last report written (build 3, failOn=warning) fails the warning's test
// and lists the info, below the threshold, in a passing one.
String junit = new File(basedir, 'target/kubelint/TEST-kubelint.xml').getText('UTF-8')
assert junit.contains('<failure message="src/main/k8s/warning.yaml:6:13: warning: YAML tag !env is ignored')
assert !junit.contains('<failure message="src/main/k8s/info.yaml')
assert junit.contains('below the failure threshold: src/main/k8s/info.yaml:10:1: info: status is written by the cluster')
