String log = new File(basedir, 'build.log').getText('UTF-8')
assert log.contains('BUILD SUCCESS')
// only deploy/base is linted: the default folder and files outside the includes are not
assert log.contains('[ERROR] deploy/base/config.yaml:8:3: duplicate key "LOG_LEVEL"')
assert !log.contains('deploy/other.yaml')
assert !log.contains('ignored.yaml')
assert log.contains('[INFO] deploy: 1 error, 0 warnings, 0 infos, 0 suppressed in 2 files, 2 objects')
assert log.contains('Reports: target/kubelint/kubelint.txt, target/kubelint/kubelint.json')

File text = new File(basedir, 'target/kubelint/kubelint.txt')
assert text.readLines('UTF-8')[0] == 'deploy/base/config.yaml:8:3: error: duplicate key "LOG_LEVEL": first at line 7, ' +
        'column 3; kubectl silently keeps this last value [duplicate-key]'

def json = new groovy.json.JsonSlurper().parse(new File(basedir, 'target/kubelint/kubelint.json'))
assert json.files == 2
assert json.objects == 2
assert json.summary.errors == 1
assert json.findings.size() == 1
def finding = json.findings[0]
assert finding.ruleId == 'duplicate-key'
assert finding.severity == 'error'
assert finding.file == 'deploy/base/config.yaml'
assert [finding.line, finding.column, finding.endLine, finding.endColumn] == [8, 3, 8, 12]
assert finding.object == [apiVersion: 'v1', kind: 'ConfigMap', namespace: 'shop', name: 'app-config']
