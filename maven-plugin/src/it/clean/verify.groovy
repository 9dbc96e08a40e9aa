// The build passed (invoker checks that), found the default folder and said so in one summary line.
String log = new File(basedir, 'build.log').getText('UTF-8')
assert log.contains('[INFO] src/main/kubernetes: 0 errors, 0 warnings, 0 infos, 0 suppressed in 1 file, 2 objects')
assert !(log =~ /(?m)^\[(WARNING|ERROR)\] src\//)
// the reports in their default formats (the reports and reports-default builds check their content)
assert log =~ /(?m)^\[INFO\] Reports: target\/kubelint\/\S+/
assert new File(basedir, 'target/kubelint').list().length > 0
