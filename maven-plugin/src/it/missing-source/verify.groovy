String log = new File(basedir, 'build.log').getText('UTF-8')
def builds = log.split(/\[INFO\] Scanning for projects\.\.\./).findAll { !it.isBlank() }
assert builds.size() == 2

assert builds[0].contains('kubelint: sourceDirectories: no such folder or file: src/main/kubernetes (the default folders are optional; configured ones are not)')
assert !builds[0].contains('0 errors')
assert builds[0].contains('BUILD FAILURE')

assert builds[1].contains('src/main/k8s: 0 errors, 0 warnings, 0 infos, 0 suppressed in 1 file, 1 object')
assert builds[1].contains('BUILD SUCCESS')
