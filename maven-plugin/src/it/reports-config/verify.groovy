String log = new File(basedir, 'build.log').getText('UTF-8')
def builds = log.split(/\[INFO\] Scanning for projects\.\.\./).findAll { !it.isBlank() }
assert builds.size() == 2

assert builds[0].contains('Reports: target/site/kubelint.html, target/kubelint/kubelint.json')
assert builds[0].contains('BUILD SUCCESS')
assert new File(basedir, 'target/site/kubelint.html').getText('UTF-8').startsWith('<!DOCTYPE html>')
def json = new groovy.json.JsonSlurper().parse(new File(basedir, 'target/kubelint/kubelint.json'))
assert json.findings*.ruleId == ['duplicate-key']
assert !new File(basedir, 'target/kubelint/kubelint.sarif').exists()

assert builds[1].contains('Reports: target/kubelint/kubelint-checkstyle.xml')
assert builds[1].contains('BUILD SUCCESS')
