String log = new File(basedir, 'build.log').getText('UTF-8')
assert log.contains('BUILD FAILURE')
assert log.contains('Reports: target/kubelint/kubelint.sarif, target/kubelint/TEST-kubelint.xml')

// SARIF 2.1.0: the tool with its rule catalogue, one result with its region
def sarif = new groovy.json.JsonSlurper().parse(new File(basedir, 'target/kubelint/kubelint.sarif'))
assert sarif.version == '2.1.0'
def run = sarif.runs[0]
assert run.tool.driver.name == 'kubelint'
assert run.tool.driver.rules*.id.contains('duplicate-key')
assert run.results.size() == 1
def result = run.results[0]
assert result.ruleId == 'duplicate-key'
assert result.level == 'error'
def location = result.locations[0].physicalLocation
assert location.artifactLocation.uri.endsWith('src/main/k8s/config.yaml')
assert location.region.startLine == 8
assert location.region.startColumn == 3

// JUnit XML: well-formed, with one failure that names the duplicate key
def junit = new groovy.xml.XmlSlurper().parse(new File(basedir, 'target/kubelint/TEST-kubelint.xml'))
def failures = junit.'**'.findAll { it.name() == 'failure' }
assert failures.size() == 1
assert (failures[0].@message.text() + failures[0].text()).contains('LOG_LEVEL')

// one test case per object, and the failure shows the offending line (the run keeps them for JUnit)
def testcases = junit.'**'.findAll { it.name() == 'testcase' }
assert testcases*.@name*.text() == ['ConfigMap app-config']
assert failures[0].text().contains('    8 |   LOG_LEVEL: debug')
