String log = new File(basedir, 'build.log').getText('UTF-8')
// the sample team rules report like built-in ones, at the place they point to
assert log.contains('[ERROR] src/main/k8s/unowned.yaml:5:3: Pod unowned has no team label [team-label]')
assert log.contains('[ERROR] src/main/k8s/unowned.yaml:14:1: Pod twice has no labels; add the label team [team-label]')
assert log.contains('[ERROR] src/main/k8s/unowned.yaml:20:14: container "web" uses docker.io/library/nginx:1.27 from docker.io,'
        + ' which is not an allowed registry (registry.example.com) [allowed-registries]')
// and the built-in rules still run beside them
assert log.contains('[ERROR] src/main/k8s/unowned.yaml:16:3: duplicate key "name"')
assert !log.contains('owned.yaml:4')
assert !log.contains('src/main/k8s/owned.yaml')
assert log.contains('4 errors, 0 warnings, 0 infos, 0 suppressed in 2 files, 3 objects')
assert log.contains('BUILD FAILURE')
