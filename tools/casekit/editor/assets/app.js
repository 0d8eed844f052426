/* casekit edit: the form, the checks beside it, saving.
 *
 * The server (casekit/editor/server.py) sends the case, the form schemas (one per
 * top-level field, derived from the case schema) and the sections in CARE order. Each
 * field is one json-editor; the case is put together from them on every change, kept in
 * this browser until saved, and sent to the server for the checks, the abstracts and the
 * page. Saving names the version of the file the author started from; the server refuses
 * (409) if the file on disk is no longer that version, and the author chooses.
 */
'use strict';

(() => {
  const token = document.body.dataset.token;
  const $ = id => document.getElementById(id);
  const CHECK_DELAY_MS = 250;
  const POLL_MS = 2000;
  const REPORT_FIELDS = new Set(['profile', 'unit', 'limit', 'total', 'words', 'characters', 'fits', 'parts', 'problems', 'notes']);
  const PART_FIELDS = ['name', 'words', 'characters', 'max', 'counted'];

  const state = {
    info: null,
    editors: {},       // top-level field -> JSONEditor
    fieldOrder: [],    // the schema's order of top-level fields
    kept: {},          // hidden top-level fields, kept as loaded
    base: null,        // digest of the file version the author's work starts from
    savedJson: null,   // the case as last saved or loaded, to tell unsaved changes
    lastJson: null,
    profiles: [],
    checkSeq: 0,
    pageSeq: 0,
    timer: null,
    saving: false,
    ignoredDigest: null,
    ready: false
  };

  // --- talking to the server ----------------------------------------------------------

  async function api (path, body) {
    const options = { headers: { 'X-Casekit-Token': token }, cache: 'no-store', credentials: 'omit' };
    if (body !== undefined) {
      options.method = 'POST';
      options.headers['Content-Type'] = 'application/json';
      options.body = JSON.stringify(body);
    }
    const response = await fetch(path, options);
    const kind = response.headers.get('Content-Type') || '';
    const payload = kind.startsWith('application/json') ? await response.json() : { message: await response.text() };
    return { status: response.status, payload };
  }

  // --- the case, put together from the form ---------------------------------------------

  function isEmpty (value) {
    if (value === undefined || value === null || value === '' || value === false) return true;
    if (Array.isArray(value)) return value.length === 0;
    if (typeof value === 'object') return Object.keys(value).length === 0;
    return false;
  }

  /** A field left empty is no field: '' [] {} and unticked boxes are left out of objects
   *  (the server keeps them where the file had them). List items are kept as they are. */
  function prune (value) {
    if (Array.isArray(value)) return value.map(prune);
    if (value && typeof value === 'object') {
      const out = {};
      for (const [key, child] of Object.entries(value)) {
        const kept = prune(child);
        if (!isEmpty(kept)) out[key] = kept;
      }
      return out;
    }
    return value;
  }

  function collect () {
    const out = {};
    for (const key of state.fieldOrder) {
      if (key in state.kept) {
        out[key] = state.kept[key];
      } else if (state.editors[key]) {
        const value = prune(state.editors[key].getValue());
        if (!isEmpty(value)) out[key] = value;
      }
    }
    return out;
  }

  function setCase (data) {
    state.kept = {};
    for (const key of state.info.hidden) {
      if (data && key in data) state.kept[key] = data[key];
    }
    for (const [key, editor] of Object.entries(state.editors)) {
      editor.setValue(data && key in data ? data[key] : editor.root.getDefault());
    }
  }

  /** Every item of the case with an id, for the link pickers (links.js). */
  window.casekitState = state;
  window.casekitIds = () => {
    const found = [];
    const data = state.ready ? collect() : {};
    const walk = (value, title, schemaPath) => {
      if (Array.isArray(value)) {
        value.forEach(item => walk(item, title, schemaPath));
      } else if (value && typeof value === 'object') {
        if (typeof value.id === 'string' && value.id && schemaPath !== 'references') {
          const label = ['name', 'test', 'diagnosis', 'description', 'kind', 'modality', 'site']
            .map(k => value[k]).find(v => typeof v === 'string' && v) || '';
          found.push({ id: value.id, label: label.length > 60 ? label.slice(0, 57) + '…' : label, group: title });
        }
        for (const [key, child] of Object.entries(value)) {
          if (child && typeof child === 'object') walk(child, groupTitle(schemaPath, key) || title, schemaPath);
        }
      }
    };
    for (const [key, value] of Object.entries(data)) walk(value, groupTitle(key) || key, key);
    return found;
  };

  function groupTitle (top, key) {
    const schema = state.info && state.info.schemas[top];
    if (!schema) return '';
    if (key === undefined) return schema.title || top;
    const sub = schema.properties && schema.properties[key];
    return (sub && sub.title) || '';
  }

  // --- building the form ------------------------------------------------------------

  const EDITOR_OPTIONS = {
    theme: 'html',
    iconlib: null,
    show_errors: 'never',
    disable_edit_json: true,
    disable_properties: true,
    disable_collapse: true,
    disable_array_delete_all_rows: true,
    disable_array_delete_last_row: true,
    prompt_before_delete: true,
    remove_empty_properties: true,
    remove_false_properties: true,
    no_additional_properties: true,
    use_default_values: false,
    use_name_attributes: false,
    max_depth: 12,
    keep_oneof_values: false
  };

  function buildForm (info, data) {
    const nav = $('sections');
    const form = $('form');
    for (const section of info.sections) {
      const link = document.createElement('a');
      link.href = `#section-${section.key}`;
      link.textContent = section.heading;
      link.dataset.section = section.key;
      const badge = document.createElement('span');
      badge.className = 'badge';
      badge.hidden = true;
      link.appendChild(badge);
      nav.appendChild(link);

      const block = document.createElement('section');
      block.id = `section-${section.key}`;
      block.className = 'case-section';
      const heading = document.createElement('h2');
      heading.textContent = section.heading;
      block.appendChild(heading);
      for (const field of section.fields) {
        const holder = document.createElement('div');
        holder.className = 'field';
        holder.dataset.field = field;
        block.appendChild(holder);
        const schema = info.schemas[field];
        const editor = new window.JSONEditor(holder, {
          ...EDITOR_OPTIONS,
          schema,
          form_name_root: field,
          startval: data && field in data ? data[field] : undefined
        });
        state.editors[field] = editor;
      }
      form.appendChild(block);
    }
  }

  function whenReady (editor) {
    return new Promise(resolve => {
      if (editor.ready) resolve();
      else editor.on('ready', resolve);
    });
  }

  // --- findings, abstracts, page -----------------------------------------------------

  function schedule () {
    clearTimeout(state.timer);
    state.timer = setTimeout(changed, CHECK_DELAY_MS);
  }

  function changed () {
    if (!state.ready) return;
    const data = collect();
    const json = JSON.stringify(data);
    if (json === state.lastJson) return;
    state.lastJson = json;
    remember(data);
    showSaveState();
    $('case-title').textContent = data.title || 'New case';
    runChecks(data);
  }

  async function runChecks (data) {
    const seq = ++state.checkSeq;
    document.body.classList.add('checking');
    const { status, payload } = await api('/api/check', { data, base: state.base, profiles: state.profiles });
    if (seq !== state.checkSeq) return;
    document.body.classList.remove('checking');
    if (status !== 200 || payload.error) {
      $('checks-summary').textContent = payload.error || payload.message || 'The checks could not run.';
      return;
    }
    showFindings(payload.findings || []);
    showAbstracts(payload.abstracts || []);
    document.body.dataset.checked = String(seq);
    runPage(data);
  }

  async function runPage (data) {
    const seq = ++state.pageSeq;
    const { status, payload } = await api('/api/page', { data, base: state.base });
    if (seq !== state.pageSeq || status !== 200) return;
    showPage(payload);
  }

  const SEVERITY = { error: 'Error', warning: 'Warning', info: 'Note' };

  function showFindings (findings) {
    document.querySelectorAll('.ck-flagged').forEach(node => {
      node.classList.remove('ck-flagged', 'ck-flag-error', 'ck-flag-warning', 'ck-flag-info');
      node.querySelectorAll(':scope > .ck-field-finding').forEach(n => n.remove());
    });
    const list = $('findings');
    list.textContent = '';
    const counts = { error: 0, warning: 0, info: 0 };
    const perSection = {};
    for (const finding of findings) {
      counts[finding.severity] = (counts[finding.severity] || 0) + 1;
      const item = document.createElement('li');
      item.className = `finding sev-${finding.severity}`;
      item.dataset.code = finding.code;
      const head = document.createElement('p');
      head.className = 'finding-head';
      const sev = document.createElement('span');
      sev.className = 'sev';
      sev.textContent = SEVERITY[finding.severity] || finding.severity;
      const code = document.createElement('span');
      code.className = 'code';
      code.textContent = finding.code;
      head.append(sev, ' ', code);
      const message = document.createElement('p');
      message.className = 'message';
      message.textContent = finding.message;
      item.append(head, message);
      if (finding.hint) {
        const hint = document.createElement('p');
        hint.className = 'hint';
        hint.textContent = finding.hint;
        item.appendChild(hint);
      }
      const target = fieldFor(finding.path || []);
      if (target) {
        const go = document.createElement('button');
        go.type = 'button';
        go.className = 'goto';
        go.textContent = `Show “${target.title}” in the form`;
        go.addEventListener('click', () => reveal(target.node));
        item.appendChild(go);
        flag(target.node, finding);
        const section = target.node.closest('.case-section');
        if (section) perSection[section.id] = (perSection[section.id] || 0) + 1;
      } else {
        const where = document.createElement('p');
        where.className = 'where';
        where.textContent = 'About the case as a whole.';
        item.appendChild(where);
      }
      list.appendChild(item);
    }
    const parts = [];
    if (counts.error) parts.push(`${counts.error} error${counts.error > 1 ? 's' : ''}`);
    if (counts.warning) parts.push(`${counts.warning} warning${counts.warning > 1 ? 's' : ''}`);
    if (counts.info) parts.push(`${counts.info} note${counts.info > 1 ? 's' : ''}`);
    $('checks-summary').textContent = parts.length ? parts.join(', ') + '.' : 'No findings: the case passes every check.';
    $('count').textContent = findings.length ? String(findings.length) : '';
    document.querySelectorAll('#sections a').forEach(link => {
      const n = perSection[`section-${link.dataset.section}`] || 0;
      const badge = link.querySelector('.badge');
      badge.hidden = !n;
      badge.textContent = String(n);
    });
  }

  /** The form field a finding's JSON path points at (or its nearest shown ancestor). */
  function fieldFor (path) {
    if (!path.length) return null;
    const editor = state.editors[path[0]];
    if (!editor) return null;
    for (let depth = path.length; depth >= 1; depth--) {
      const name = [path[0], ...path.slice(1, depth)].join('.');
      const found = editor.getEditor(name);
      if (found && found.container && found.container.isConnected) {
        return { node: found.container, title: found.getTitle ? found.getTitle() : path[depth - 1] };
      }
    }
    return null;
  }

  function flag (node, finding) {
    node.classList.add('ck-flagged', `ck-flag-${finding.severity}`);
    const note = document.createElement('p');
    note.className = `ck-field-finding sev-${finding.severity}`;
    note.textContent = `${finding.code}: ${finding.message}`;
    node.insertBefore(note, node.firstChild);
  }

  function reveal (node) {
    node.scrollIntoView({ behavior: 'smooth', block: 'center' });
    node.classList.remove('ck-flash');
    void node.offsetWidth;
    node.classList.add('ck-flash');
    const input = node.querySelector('input, textarea, select');
    if (input) input.focus({ preventScroll: true });
  }

  function showAbstracts (abstracts) {
    const holder = $('abstracts');
    holder.textContent = '';
    if (!abstracts.length) {
      const none = document.createElement('p');
      none.className = 'muted';
      none.textContent = 'Pick one or more venues above to see the abstract for each.';
      holder.appendChild(none);
    }
    for (const result of abstracts) holder.appendChild(abstractCard(result));
  }

  function abstractCard (result) {
    const card = document.createElement('article');
    card.className = 'abstract';
    card.id = `abstract-${result.profile}`;
    const profile = state.info.profiles.find(p => p.name === result.profile) || { title: result.profile };
    const title = document.createElement('h3');
    title.textContent = profile.title || result.profile;
    card.appendChild(title);
    if (result.error) {
      const error = document.createElement('p');
      error.className = 'muted';
      error.textContent = result.error;
      card.appendChild(error);
      return card;
    }
    const report = result.report || {};
    const total = document.createElement('p');
    total.className = `total ${report.fits ? 'fits' : 'over'}`;
    const amount = document.createElement('strong');
    amount.className = 'amount';
    amount.textContent = String(report.total);
    total.append(amount, ` ${report.unit}`);
    total.append(report.limit !== null && report.limit !== undefined ? ` of ${report.limit} — ` : ' (no overall limit) — ');
    const verdict = document.createElement('span');
    verdict.className = 'verdict';
    verdict.textContent = report.fits ? 'fits' : 'does not fit';
    total.appendChild(verdict);
    card.appendChild(total);
    card.appendChild(partsTable(report.parts || [], report.unit));
    listBlock(card, 'Problems', report.problems, 'problems');
    listBlock(card, 'Notes', report.notes, 'notes');
    for (const [key, value] of Object.entries(report)) {
      if (!REPORT_FIELDS.has(key)) listBlock(card, humanize(key), value, `extra extra-${key}`);
    }
    const details = document.createElement('details');
    const summary = document.createElement('summary');
    summary.textContent = 'The abstract as it would be submitted';
    const text = document.createElement('pre');
    text.className = 'abstract-text';
    text.textContent = result.text || '';
    details.append(summary, text);
    card.appendChild(details);
    return card;
  }

  function partsTable (parts, unit) {
    const table = document.createElement('table');
    table.className = 'parts';
    const extra = [...new Set(parts.flatMap(p => Object.keys(p)))].filter(k => !PART_FIELDS.includes(k));
    const head = table.createTHead().insertRow();
    for (const label of ['Part', 'Words', 'Characters', 'Own limit', ...extra.map(humanize)]) {
      const th = document.createElement('th');
      th.textContent = label;
      head.appendChild(th);
    }
    const body = table.createTBody();
    for (const part of parts) {
      const row = body.insertRow();
      if (!part.counted) row.className = 'not-counted';
      const own = part.max === null || part.max === undefined ? '' : `${part.max} ${unit}`;
      const name = part.name + (part.counted ? '' : ' (not counted)');
      for (const value of [name, part.words, part.characters, own, ...extra.map(k => part[k])]) {
        row.insertCell().textContent = display(value);
      }
    }
    return table;
  }

  function listBlock (card, title, value, className) {
    if (isEmpty(value)) return;
    const block = document.createElement('div');
    block.className = `report-block ${className}`;
    const heading = document.createElement('h4');
    heading.textContent = title;
    block.appendChild(heading);
    if (Array.isArray(value)) {
      const list = document.createElement('ul');
      for (const item of value) list.appendChild(Object.assign(document.createElement('li'), { textContent: display(item) }));
      block.appendChild(list);
    } else {
      block.appendChild(Object.assign(document.createElement('p'), { textContent: display(value) }));
    }
    card.appendChild(block);
  }

  function display (value) {
    if (value === null || value === undefined) return '';
    if (typeof value === 'boolean') return value ? 'yes' : 'no';
    if (Array.isArray(value)) return value.map(display).join('; ');
    if (typeof value === 'object') {
      return Object.entries(value).map(([k, v]) => `${humanize(k)}: ${display(v)}`).join(', ');
    }
    return String(value);
  }

  function humanize (key) {
    const text = String(key).replace(/_/g, ' ');
    return text.charAt(0).toUpperCase() + text.slice(1);
  }

  let previewCss = '';

  function showPage (payload) {
    $('page-note').textContent = payload.page ? '' : (payload.page_note || '');
    if (!payload.page) return;
    const doc = '<!doctype html><html><head><meta charset="utf-8"><style>' +
      state.info.site_css + '\n' + previewCss + '</style></head><body><article class="md-typeset">' +
      payload.page + '</article></body></html>';
    $('page').srcdoc = doc;
  }

  // --- venues ------------------------------------------------------------------------

  function buildVenues () {
    const key = 'casekit-edit:venues';
    let chosen;
    try { chosen = JSON.parse(localStorage.getItem(key) || 'null'); } catch (e) { chosen = null; }
    if (!Array.isArray(chosen)) chosen = ['generic-case-report'];
    state.profiles = chosen.filter(name => state.info.profiles.some(p => p.name === name));
    const box = $('venues');
    for (const profile of state.info.profiles) {
      const label = document.createElement('label');
      const input = document.createElement('input');
      input.type = 'checkbox';
      input.value = profile.name;
      input.checked = state.profiles.includes(profile.name);
      input.addEventListener('change', () => {
        state.profiles = [...box.querySelectorAll('input:checked')].map(i => i.value);
        localStorage.setItem(key, JSON.stringify(state.profiles));
        runChecks(collect());
      });
      const text = document.createElement('span');
      text.textContent = `${profile.title} `;
      const limit = document.createElement('small');
      limit.textContent = `(${profile.limit})`;
      text.appendChild(limit);
      label.append(input, text);
      box.appendChild(label);
    }
  }

  // --- keeping unsaved work ------------------------------------------------------------

  function storeKey () {
    return state.info.storage_key;
  }

  function remember (data) {
    const json = JSON.stringify(data);
    if (json === state.savedJson) {
      localStorage.removeItem(storeKey());
      return;
    }
    try {
      localStorage.setItem(storeKey(), JSON.stringify({ base: state.base, data, at: Date.now() }));
    } catch (e) {
      banner('This browser could not keep a copy of your unsaved changes (its storage is full). Save soon.', []);
    }
  }

  function recall () {
    try {
      const stored = JSON.parse(localStorage.getItem(storeKey()) || 'null');
      return stored && stored.data && typeof stored.base === 'string' ? stored : null;
    } catch (e) {
      return null;
    }
  }

  function dirty () {
    return state.ready && JSON.stringify(collect()) !== state.savedJson;
  }

  function showSaveState (text) {
    const node = $('save-state');
    if (text) {
      node.textContent = text;
    } else {
      node.textContent = dirty() ? 'Unsaved changes (kept in this browser)' : 'All changes saved';
    }
    document.body.classList.toggle('dirty', dirty());
  }

  // --- saving, and files changed elsewhere ---------------------------------------------

  function banner (message, actions, kind) {
    const box = $('banner');
    box.className = `banner ${kind || 'warn'}`;
    $('banner-text').textContent = message;
    const holder = box.querySelector('.banner-actions');
    holder.textContent = '';
    for (const [label, action, id] of actions) {
      const button = document.createElement('button');
      button.type = 'button';
      button.textContent = label;
      if (id) button.id = id;
      button.addEventListener('click', () => { box.hidden = true; action(); });
      holder.appendChild(button);
    }
    if (!actions.length) {
      const close = document.createElement('button');
      close.type = 'button';
      close.textContent = 'Dismiss';
      close.addEventListener('click', () => { box.hidden = true; });
      holder.appendChild(close);
    }
    box.hidden = false;
  }

  async function save () {
    if (state.saving) return;
    state.saving = true;
    showSaveState('Saving…');
    const data = collect();
    try {
      const { status, payload } = await api('/api/save', { data, base: state.base });
      if (status === 200) {
        const wasNew = !state.info.path;
        state.base = payload.digest;
        state.ignoredDigest = null;
        localStorage.removeItem(storeKey());
        state.info.path = payload.path;
        state.info.storage_key = payload.storage_key;
        state.savedJson = JSON.stringify(data);
        $('case-path').textContent = payload.path;
        $('banner').hidden = true;
        showSaveState(`Saved at ${new Date().toLocaleTimeString()}`);
        if (wasNew) history.replaceState(null, '', location.href);
        document.body.dataset.saved = payload.digest;
      } else if (status === 409) {
        showSaveState();
        conflict(payload);
      } else {
        showSaveState();
        banner(payload.message || 'The case could not be saved.', [], 'error');
      }
    } catch (e) {
      showSaveState();
      banner('casekit edit is not answering: is it still running? Your changes are kept in this browser.', [], 'error');
    } finally {
      state.saving = false;
    }
  }

  function conflict (payload) {
    state.ignoredDigest = payload.digest;
    const actions = [['Keep mine and save', () => { state.base = payload.digest; save(); }, 'keep-mine']];
    if (payload.disk) actions.unshift(['Reload the file (lose my changes)', reload, 'reload-file']);
    banner(payload.message, actions, 'error');
  }

  async function reload () {
    const { status, payload } = await api('/api/reload', {});
    if (status !== 200) {
      banner(payload.message || 'The file could not be reloaded.', [], 'error');
      return;
    }
    state.ready = false;
    setCase(payload.data);
    state.base = payload.digest;
    state.ignoredDigest = null;
    localStorage.removeItem(storeKey());
    setTimeout(() => {
      state.ready = true;
      state.savedJson = JSON.stringify(collect());
      state.lastJson = null;
      changed();
      showSaveState('Reloaded from disk');
    }, 50);
  }

  async function poll () {
    if (!state.info.path || state.saving) return;
    try {
      const { status, payload } = await api('/api/status');
      if (status !== 200 || payload.digest === state.base || payload.digest === state.ignoredDigest) return;
      state.ignoredDigest = payload.digest;
      const message = payload.digest === 'absent'
        ? 'The case file was deleted or moved since you opened it. Saving writes your version there again.'
        : 'The case file was changed on disk since you opened it (by another program, or git). Reload it, or keep yours: your next save then replaces the file.';
      const actions = [['Keep mine', () => { state.base = payload.digest; showSaveState(); }, 'keep-mine']];
      if (payload.digest !== 'absent') actions.unshift(['Reload the file (lose my changes)', reload, 'reload-file']);
      banner(message, actions, 'warn');
    } catch (e) {
      // the server stopped; the next save says so
    }
  }

  // --- start ---------------------------------------------------------------------------

  async function start () {
    const [{ payload: info }, css] = await Promise.all([
      api('/api/case'),
      fetch(`/assets/preview.css?token=${encodeURIComponent(token)}`, { cache: 'no-store' }).then(r => r.text())
    ]);
    previewCss = css;
    state.info = info;
    state.base = info.digest;
    state.fieldOrder = Object.keys(info.schemas);
    for (const key of info.hidden) if (!state.fieldOrder.includes(key)) state.fieldOrder.unshift(key);
    $('case-path').textContent = info.path || `New case, saved in ${info.folder} when you save`;
    $('case-title').textContent = (info.data && info.data.title) || 'New case';
    const stored = recall();
    buildForm(info, info.data);
    const { payload: venues } = await api('/api/profiles');
    info.profiles = venues.profiles || [];
    buildVenues();
    for (const key of info.hidden) if (info.data && key in info.data) state.kept[key] = info.data[key];
    performance.mark('built');
    await Promise.all(Object.values(state.editors).map(whenReady));
    performance.mark('editors-ready');
    state.ready = true;
    state.savedJson = JSON.stringify(collect());
    if (stored && JSON.stringify(stored.data) !== state.savedJson) {
      state.ready = false;
      setCase(stored.data);
      state.base = stored.base;
      state.ready = true;
      const when = new Date(stored.at).toLocaleString();
      banner(`Your changes from ${when} had not been saved; they are back in the form. Save to keep them.`,
        [['Keep them', () => {}, 'keep-restored'], ['Discard them', discardRestored, 'discard-restored']], 'info');
    }
    for (const editor of Object.values(state.editors)) editor.on('change', schedule);
    document.addEventListener('input', event => {
      if (event.target.matches('textarea')) grow(event.target);
    });
    document.querySelectorAll('#form textarea:not(.je-edit-json--textarea)').forEach(grow);
    new MutationObserver(() => document.querySelectorAll('#form textarea:not([data-grown]):not(.je-edit-json--textarea)').forEach(grow))
      .observe($('form'), { childList: true, subtree: true });
    changed();
    showSaveState();
    setInterval(poll, POLL_MS);
    document.body.classList.add('ready');
  }

  function discardRestored () {
    localStorage.removeItem(storeKey());
    location.reload();
  }

  function grow (area) {
    area.dataset.grown = '1';
    area.rows = 1;
    area.style.height = 'auto';
    area.style.height = `${area.scrollHeight + 2}px`;
  }

  $('save').addEventListener('click', save);
  document.addEventListener('keydown', event => {
    if ((event.ctrlKey || event.metaKey) && event.key === 's') {
      event.preventDefault();
      save();
    }
  });
  window.addEventListener('beforeunload', event => {
    if (dirty()) {
      event.preventDefault();
      event.returnValue = '';
    }
  });
  document.querySelectorAll('[role=tab]').forEach(tab => {
    tab.addEventListener('click', () => {
      document.querySelectorAll('[role=tab]').forEach(t => t.setAttribute('aria-selected', String(t === tab)));
      document.querySelectorAll('.tab').forEach(panel => { panel.hidden = panel.id !== `tab-${tab.dataset.tab}`; });
    });
  });
  start().catch(error => {
    banner(`The editor could not start: ${error.message}. Restart 'casekit edit' and open the address it prints.`, [], 'error');
  });
})();
