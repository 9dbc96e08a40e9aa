String log = new File(basedir, 'build.log').getText('UTF-8')

// the paths start at the folder the build was started in, so that they can be clicked in its terminal or CI log
assert log.contains('[ERROR] app/src/main/k8s/config.yaml:8:3: duplicate key "LOG_LEVEL": first at line 6, column 3')
assert log.contains('[INFO] app/src/main/k8s: 1 error, 1 warning, 0 infos, 0 suppressed in 1 file, 1 object')
assert log.contains('see the lines above and the reports app/target/kubelint/')
assert log.contains('BUILD FAILURE')
