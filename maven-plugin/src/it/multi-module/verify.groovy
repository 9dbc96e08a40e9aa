String log = new File(basedir, 'build.log').getText('UTF-8')
assert log.contains('with a thread count of 2')
// the plugin is marked thread-safe: Maven does not warn about it
assert !log.contains('not marked as @threadSafe')

// worker (manifests in k8s/): its finding, with the path from the reactor root
assert log.contains('[ERROR] worker/k8s/config.yaml:7:3: duplicate key "QUEUE": first at line 6, column 3; '
        + 'kubectl silently keeps this last value [duplicate-key]')
assert log.contains('kubelint found 1 error, 0 warnings, 0 infos (failOn: error); '
        + 'see the lines above and the reports worker/target/kubelint/')
// api (src/main/k8s): clean
assert log.contains('[INFO] api/src/main/k8s: 0 errors, 0 warnings, 0 infos, 0 suppressed in 1 file, 1 object')
assert log.contains('[INFO] worker/k8s: 1 error, 0 warnings, 0 infos, 0 suppressed in 1 file, 1 object')
// the parent and the library have no manifests: one line each
assert log.count('[INFO] kubelint: no manifest directory (src/main/k8s, src/main/kubernetes, src/main/jkube, k8s, src/main/helm), skipping') == 2

assert log =~ /(?m)^\[INFO\] api \.+ SUCCESS/
assert log =~ /(?m)^\[INFO\] worker \.+ FAILURE/
assert log =~ /(?m)^\[INFO\] library \.+ SUCCESS/

// each module writes its own report
assert new File(basedir, 'api/target/kubelint').list().length > 0
assert new File(basedir, 'worker/target/kubelint').list().length > 0
assert !new File(basedir, 'library/target/kubelint').exists()
