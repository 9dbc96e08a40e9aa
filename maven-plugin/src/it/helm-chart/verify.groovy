String log = new File(basedir, 'build.log').getText('UTF-8')

// the chart and its two dependencies under charts/ are rendered; findings name the templates and their lines
assert log.contains('[ERROR] src/main/helm/subchart/templates/service.yaml:20:11: spec.ports[0].port: expected integer,'
        + ' found string "eighty" [schema-conformance]')
assert log =~ /in 3 files, 3 objects/
// values.yaml and Chart.yaml belong to the chart: neither is linted nor reported as skipped
assert !log.contains('values.yaml')
assert !log.contains('missing-type-meta')
assert log.contains('BUILD FAILURE')
