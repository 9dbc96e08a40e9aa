(function () {
  'use strict';
  var root = document.documentElement;
  window.addEventListener('error', function (e) {
    root.setAttribute('data-script-error', String(e.message));
  });
  var data = JSON.parse(document.getElementById('data').textContent);
  var SEVERITIES = ['error', 'warning', 'info'];
  var PAGE_SIZE = 100;
  var VIEW = '#view?';
  var list = document.getElementById('list');
  var shown = document.getElementById('shown');
  var pages = document.getElementById('pages');
  var ruleSelect = document.getElementById('rule');
  var fileSelect = document.getElementById('file');
  var query = document.getElementById('q');
  var suppressedBox = document.getElementById('suppressed');
  var severityBoxes = Array.prototype.slice.call(document.querySelectorAll('input[name="severity"]'));
  var state = { severities: [true, true, true], suppressed: false, rule: '', file: '', q: '', page: 0 };
  var haystacks = null;
  var filtered = [];

  data.rules.forEach(function (r, i) { ruleSelect.appendChild(option(String(i), r[0])); });
  data.files.forEach(function (f, i) { fileSelect.appendChild(option(String(i), f)); });

  function option(value, text) {
    var o = document.createElement('option');
    o.value = value;
    o.textContent = text;
    return o;
  }

  function el(tag, className, text) {
    var e = document.createElement(tag);
    if (className) { e.className = className; }
    if (text !== undefined) { e.textContent = text; }
    return e;
  }

  function haystack(i) {
    if (haystacks === null) {
      haystacks = data.findings.map(function (f) {
        return [f[5], f[6], f[7], data.files[f[2]], data.rules[f[1]][0], f[9] || ''].join('\n').toLowerCase();
      });
    }
    return haystacks[i];
  }

  function filter() {
    var q = state.q.trim().toLowerCase();
    var terms = q ? q.split(/\s+/) : [];
    filtered = [];
    for (var i = 0; i < data.findings.length; i++) {
      var f = data.findings[i];
      if (!state.severities[f[0]]) { continue; }
      if (f[9] !== null && !state.suppressed) { continue; }
      if (state.rule !== '' && String(f[1]) !== state.rule) { continue; }
      if (state.file !== '' && String(f[2]) !== state.file) { continue; }
      var text = terms.length ? haystack(i) : '';
      if (!terms.every(function (t) { return text.indexOf(t) >= 0; })) { continue; }
      filtered.push(f);
    }
  }

  function item(f) {
    var rule = data.rules[f[1]];
    var li = el('li', 'finding s' + f[0] + (f[9] !== null ? ' suppressed' : ''));
    var head = el('div', 'head');
    head.appendChild(el('span', 'badge', SEVERITIES[f[0]]));
    if (f[9] !== null) { head.appendChild(el('span', 'badge sup', 'suppressed')); }
    var file = data.files[f[2]];
    head.appendChild(el('span', 'where', f[3] > 0 && file !== '(the run)' ? file + ':' + f[3] + ':' + f[4] : file));
    var link = el('a', 'rule-link', rule[0]);
    link.href = '#rule-' + rule[0];
    head.appendChild(link);
    li.appendChild(head);
    li.appendChild(el('p', 'message', f[5]));
    var details = [];
    if (f[6]) { details.push(f[6]); }
    if (f[7]) { details.push(f[7]); }
    if (details.length) { li.appendChild(el('p', 'details', details.join(' \u00b7 '))); }
    if (f[8]) {
      var pre = el('pre', 'frame');
      pre.appendChild(el('span', 'ln', String(f[8][0]).padStart(5) + ' | '));
      pre.appendChild(document.createTextNode(f[8][1]));
      pre.appendChild(el('mark', '', f[8][2] || ' '));
      pre.appendChild(document.createTextNode(f[8][3]));
      li.appendChild(pre);
    }
    if (f[9] !== null) { li.appendChild(el('p', 'details', 'Suppressed: ' + f[9])); }
    if (rule[2]) {
      var why = el('p', 'details', rule[2] + ' ');
      var more = el('a', '', 'Why, and how to fix');
      more.href = '#rule-' + rule[0];
      why.appendChild(more);
      li.appendChild(why);
    }
    return li;
  }

  function render(all) {
    var pageCount = Math.max(1, Math.ceil(filtered.length / PAGE_SIZE));
    state.page = Math.min(Math.max(state.page, 0), pageCount - 1);
    var from = all ? 0 : state.page * PAGE_SIZE;
    var to = all ? filtered.length : Math.min(filtered.length, from + PAGE_SIZE);
    var fragment = document.createDocumentFragment();
    for (var i = from; i < to; i++) { fragment.appendChild(item(filtered[i])); }
    list.textContent = '';
    list.appendChild(fragment);
    list.start = from + 1;
    var total = data.findings.length;
    shown.textContent = filtered.length === 0 ? 'No finding matches the filters (' + total + ' in the report).'
      : 'Showing ' + (from + 1) + '\u2013' + to + ' of ' + filtered.length + ' matching findings'
        + (filtered.length === total ? '.' : ' (' + total + ' in the report).');
    pages.textContent = '';
    if (pageCount > 1 && !all) {
      pages.appendChild(pageButton('Previous', state.page - 1, state.page === 0));
      pages.appendChild(el('span', '', 'Page ' + (state.page + 1) + ' of ' + pageCount));
      pages.appendChild(pageButton('Next', state.page + 1, state.page === pageCount - 1));
    }
    root.setAttribute('data-shown', String(to - from));
    root.setAttribute('data-matching', String(filtered.length));
  }

  function pageButton(label, page, disabled) {
    var b = el('button', '', label);
    b.type = 'button';
    b.disabled = disabled;
    b.addEventListener('click', function () {
      state.page = page;
      update(false);
      shown.scrollIntoView();
    });
    return b;
  }

  function readForm() {
    state.severities = severityBoxes.map(function (b) { return b.checked; });
    state.suppressed = suppressedBox.checked;
    state.rule = ruleSelect.value;
    state.file = fileSelect.value;
    state.q = query.value;
  }

  function writeForm() {
    severityBoxes.forEach(function (b, i) { b.checked = state.severities[i]; });
    suppressedBox.checked = state.suppressed;
    ruleSelect.value = state.rule;
    fileSelect.value = state.file;
    query.value = state.q;
  }

  /** The view in the address's fragment: #view?severity=error,warning&rule=ID&file=PATH&q=TEXT&suppressed&page=2 */
  function readHash() {
    if (location.hash.indexOf(VIEW) !== 0) { return false; }
    var p = new URLSearchParams(location.hash.substring(VIEW.length));
    var severities = (p.get('severity') || SEVERITIES.join(',')).split(',');
    state.severities = SEVERITIES.map(function (s) { return severities.indexOf(s) >= 0; });
    state.suppressed = p.has('suppressed');
    var rule = data.rules.findIndex(function (r) { return r[0] === p.get('rule'); });
    state.rule = rule < 0 ? '' : String(rule);
    var file = data.files.indexOf(p.get('file'));
    state.file = file < 0 ? '' : String(file);
    state.q = p.get('q') || '';
    state.page = Math.max(0, (parseInt(p.get('page'), 10) || 1) - 1);
    return true;
  }

  function writeHash() {
    var p = new URLSearchParams();
    var severities = SEVERITIES.filter(function (s, i) { return state.severities[i]; });
    if (severities.length < 3) { p.set('severity', severities.join(',')); }
    if (state.rule !== '') { p.set('rule', data.rules[+state.rule][0]); }
    if (state.file !== '') { p.set('file', data.files[+state.file]); }
    if (state.q) { p.set('q', state.q); }
    if (state.suppressed) { p.set('suppressed', ''); }
    if (state.page > 0) { p.set('page', String(state.page + 1)); }
    var hash = p.toString() ? VIEW + p.toString() : '';
    if (hash !== location.hash && (hash || location.hash.indexOf(VIEW) === 0)) {
      history.replaceState(null, '', hash || location.pathname + location.search);
    }
  }

  function update(refilter) {
    if (refilter) { filter(); }
    render(false);
    writeHash();
  }

  var typing = null;
  document.getElementById('filters').addEventListener('submit', function (e) { e.preventDefault(); });
  document.getElementById('filters').addEventListener('change', function (e) {
    if (e.target === query) { return; }
    readForm();
    state.page = 0;
    update(true);
  });
  query.addEventListener('input', function () {
    clearTimeout(typing);
    typing = setTimeout(function () { readForm(); state.page = 0; update(true); }, 120);
  });
  query.addEventListener('keydown', function (e) {
    if (e.key === 'Escape' && query.value) { query.value = ''; readForm(); state.page = 0; update(true); }
  });
  document.getElementById('reset').addEventListener('click', function () {
    state = { severities: [true, true, true], suppressed: false, rule: '', file: '', q: '', page: 0 };
    writeForm();
    update(true);
  });
  document.addEventListener('click', function (e) {
    var pick = e.target.closest ? e.target.closest('.pick') : null;
    if (!pick) { return; }
    state = { severities: [true, true, true], suppressed: state.suppressed, rule: '', file: '', q: '', page: 0 };
    if (pick.hasAttribute('data-rule')) { state.rule = pick.getAttribute('data-rule'); }
    if (pick.hasAttribute('data-file')) { state.file = pick.getAttribute('data-file'); }
    writeForm();
    update(true);
    document.getElementById('findings').scrollIntoView();
    query.focus({ preventScroll: true });
  });
  document.addEventListener('keydown', function (e) {
    var t = e.target;
    var editing = t && (t.tagName === 'INPUT' || t.tagName === 'SELECT' || t.tagName === 'TEXTAREA');
    if (e.key === '/' && !editing && !e.ctrlKey && !e.metaKey && !e.altKey) {
      e.preventDefault();
      query.focus();
      query.select();
    }
  });
  window.addEventListener('hashchange', function () {
    if (readHash()) { writeForm(); update(true); }
  });
  window.addEventListener('beforeprint', function () { render(true); });
  window.addEventListener('afterprint', function () { render(false); });

  var THEMES = ['auto', 'light', 'dark'];
  var themeButton = document.getElementById('theme');
  function setTheme(theme) {
    if (theme === 'auto') { root.removeAttribute('data-theme'); } else { root.setAttribute('data-theme', theme); }
    themeButton.textContent = 'Theme: ' + theme;
    try { localStorage.setItem('kubelint-theme', theme); } catch (ignored) { /* a file: page may have no storage */ }
  }
  themeButton.addEventListener('click', function () {
    var current = root.getAttribute('data-theme') || 'auto';
    setTheme(THEMES[(THEMES.indexOf(current) + 1) % THEMES.length]);
  });
  var saved = null;
  try { saved = localStorage.getItem('kubelint-theme'); } catch (ignored) { /* as above */ }
  if (THEMES.indexOf(saved) > 0) { setTheme(saved); }

  readHash();
  writeForm();
  update(true);
  root.setAttribute('data-ready', 'true');
}());
