String log = new File(basedir, 'build.log').getText('UTF-8')
def builds = log.split(/\[INFO\] Scanning for projects\.\.\./).findAll { !it.isBlank() }
assert builds.size() == 2
String finding = 'src/main/k8s/config.yaml:8:3: duplicate key "LOG_LEVEL"'

assert builds[0].contains('[WARNING] ' + finding)
assert builds[0].contains('0 errors, 1 warning, 0 infos')
assert builds[0].contains('BUILD SUCCESS')

assert builds[1].contains('[ERROR] ' + finding)
assert builds[1].contains('kubelint found 1 error, 0 warnings, 0 infos (failOn: error)')
assert builds[1].contains('BUILD FAILURE')
