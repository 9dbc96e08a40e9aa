// mvn site rendered the kubelint page with the run's findings, linked from the site's menu of reports
def page = new File(basedir, 'target/site/kubelint.html')
assert page.isFile() : 'no kubelint page in the site'
def html = page.getText('UTF-8')
assert html.contains('validated against Kubernetes 1.35: 1 files, 2 objects')
assert html.contains('duplicate key &quot;LOG_LEVEL&quot;: first at line 6, column 3') || html.contains('duplicate key "LOG_LEVEL": first at line 6, column 3')
assert html.contains('href="#rule-duplicate-key"')
assert html.contains('id="rule-duplicate-key"') || html.contains('name="rule-duplicate-key"')
assert html.contains('src/main/k8s/app.yaml')
def log = new File(basedir, 'build.log').getText('UTF-8')
assert log.contains('kubelint report: 1 error')
def index = new File(basedir, 'target/site/project-reports.html')
assert index.isFile() && index.getText('UTF-8').contains('kubelint.html') : 'the page is listed with the project reports'
return true
