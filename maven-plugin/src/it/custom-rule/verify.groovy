String log = new File(basedir, 'build.log').getText('UTF-8')
// the team's rule reports like a built-in one, at the place it points to
assert log.contains('[ERROR] src/main/k8s/unowned.yaml:6:5: the object has no team label [team-label]')
assert log.contains('[ERROR] src/main/k8s/unowned.yaml:13:3: the object has no labels: add a team label [team-label]')
// and the built-in rules still run beside it
assert log.contains('[ERROR] src/main/k8s/unowned.yaml:14:3: duplicate key "name"')
assert !log.contains('owned.yaml:4')
assert log.contains('3 errors, 0 warnings, 0 infos, 0 suppressed in 2 files, 3 objects')
assert log.contains('BUILD FAILURE')
