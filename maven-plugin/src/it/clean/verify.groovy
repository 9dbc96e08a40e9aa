// The build passed (invoker checks that), found the default folder and said so in one summary line.
String log = new File(basedir, 'build.log').getText('UTF-8')
assert log.contains('0 errors, 0 warnings, 0 infos in 1 file, 2 objects')
assert !log.contains('[WARNING] src/')
assert log.contains('Reports: target/kubelint/kubelint.json')
def report = new groovy.json.JsonSlurper().parse(new File(basedir, 'target/kubelint/kubelint.json'))
assert report.files == 1
assert report.objects == 2
assert report.findings.isEmpty()
