import groovy.json.JsonSlurper

String log = new File(basedir, 'build.log').getText('UTF-8')
def builds = log.split(/\[INFO\] Scanning for projects\.\.\./).findAll { !it.isBlank() }
assert builds.size() == 3

// 1. no file yet
assert builds[0].contains('kubelint: baselineFile: no such baseline file: kubelint-baseline.json; an update of the baseline writes it')
assert builds[0].contains('BUILD FAILURE')

// 2. the update
assert builds[1].contains('[INFO] kubelint: baseline kubelint-baseline.json: 3 findings accepted (3 added, 0 removed)')
assert builds[1].contains('BUILD SUCCESS')
String baseline = new File(basedir, 'kubelint-baseline.json').getText('UTF-8')
assert baseline.startsWith('{\n  "version": 1,\n  "findings": [\n    {"file": "src/main/k8s/config.yaml", "ruleId": "duplicate-key"')
assert baseline.contains('{"file": "src/main/k8s/pod.yaml", "ruleId": "port-range", "kind": "Pod", "namespace": "", "name": "web", "apiVersion": "v1", "jsonPointer": "/spec/containers/0/ports/0/containerPort"}')

// 3. checked against it: nothing fails, the reports tell what was baselined
assert builds[2].contains('0 errors, 0 warnings, 0 infos, 0 suppressed, 3 baselined in 2 files, 2 objects')
assert !builds[2].contains('[ERROR] src/main/k8s/')
assert builds[2].contains('BUILD SUCCESS')
def json = new JsonSlurper().parse(new File(basedir, 'target/kubelint/kubelint.json'))
assert json.findings.isEmpty()
assert json.baselined.size() == 3
assert json.summary.baselined == 3
def sarif = new JsonSlurper().parse(new File(basedir, 'target/kubelint/kubelint.sarif'))
assert sarif.runs[0].results.collect { it.baselineState } == ['unchanged', 'unchanged', 'unchanged']
String junit = new File(basedir, 'target/kubelint/TEST-kubelint.xml').getText('UTF-8')
assert !junit.contains('<failure')
