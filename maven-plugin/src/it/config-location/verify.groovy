String log = new File(basedir, 'build.log').getText('UTF-8')
def builds = log.split(/\[INFO\] Scanning for projects\.\.\./).findAll { !it.isBlank() }
assert builds.size() == 3

String duplicate = 'src/main/k8s/config.yaml:8:3: duplicate key "LOG_LEVEL": first at line 6, column 3'

// 1. the shared configuration from the jar: the duplicate key is a warning, the YAML tag rule is off.
assert builds[0].contains('[WARNING] ' + duplicate)
assert !builds[0].contains('[yaml-tag]')
assert builds[0].contains('0 errors, 1 warning, 0 infos, 0 suppressed in 1 file, 1 object')
assert builds[0].contains('BUILD SUCCESS')
// it was copied into the build folder to be read like any file
assert new File(basedir, 'target/kubelint/config/.kubelint.yaml').text.contains('duplicate-key: warning')

// 2. a file of the project: the duplicate key is an error, and the tag rule is on again.
assert builds[1].contains('[ERROR] ' + duplicate)
assert builds[1].contains('[yaml-tag]')
assert builds[1].contains('BUILD FAILURE')

// 3. a location that is nothing: one clear line.
assert builds[2].contains("kubelint: configLocation: 'kubelint/missing.yaml' is neither a file of the project, "
        + "nor a URL, nor a resource of the plugin's dependencies")
assert builds[2].contains('BUILD FAILURE')
