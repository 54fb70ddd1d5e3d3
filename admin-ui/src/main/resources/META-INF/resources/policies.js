// Policies page: the active policy, every version with its state and history, and for compliance
// officers an editor checked as they type, simulation with what would change, approval by a second
// officer, publication, and restoring an earlier version (a draft copy of it, approved and published
// like any draft). Auditors and directory admins read.
//
// Every piece of server data reaches the page through textContent or element properties, never
// through innerHTML. The server's Content-Security-Policy forbids inline scripts and styles.

import {
  ROLES, alertRegion, api, byId, create, formatDateTime, formatNumber, setText, startPage, whileBusy,
} from './common.js';

const POLICIES_URL = 'api/policies';
const ACTIVE_URL = 'api/policies/active';
const VALIDATE_URL = 'api/policies/validate';
const versionUrl = (id) => `${POLICIES_URL}/${encodeURIComponent(id)}`;
const YAML = 'application/yaml';
const CHECK_DELAY_MS = 500;
const CONTEXT_LINES = 2;

const STATES = {
  DRAFT: { label: 'Draft', tone: 'pending' },
  APPROVED: { label: 'Approved, not published', tone: 'running' },
  PUBLISHED: { label: 'Published: active', tone: 'ok' },
  SUPERSEDED: { label: 'Superseded', tone: 'neutral' },
};

// ---------------------------------------------------------------------------------------
// Elements and state

const el = {
  alert: byId('alert'),
  alertMessage: byId('alert-message'),
  alertDismiss: byId('alert-dismiss'),
  status: byId('status'),
  reload: byId('reload'),
  readOnlyNote: byId('read-only-note'),
  activeSection: byId('active-section'),
  activeSummary: byId('active-summary'),
  activeDescription: byId('active-description'),
  activeText: byId('active-text'),
  historySection: byId('history-section'),
  historyEmpty: byId('history-empty'),
  historyWrap: byId('history-wrap'),
  historyBody: byId('history-body'),
  editorSection: byId('editor-section'),
  editorHeading: byId('editor-heading'),
  editorFromActive: byId('editor-from-active'),
  editorForm: byId('editor-form'),
  text: byId('policy-text'),
  problemsSummary: byId('problems-summary'),
  problems: byId('problems'),
  save: byId('editor-save'),
  check: byId('editor-check'),
  versionSection: byId('version-section'),
  versionHeading: byId('version-heading'),
  versionClose: byId('version-close'),
  versionFacts: byId('version-facts'),
  versionDiffSummary: byId('version-diff-summary'),
  versionDiff: byId('version-diff'),
  simulationSection: byId('simulation-section'),
  simulationHeading: byId('simulation-heading'),
  simulationClose: byId('simulation-close'),
  simulationCounts: byId('simulation-counts'),
  byRuleBody: byId('by-rule-body'),
  viewersEmpty: byId('viewers-empty'),
  viewersWrap: byId('viewers-wrap'),
  viewersBody: byId('viewers-body'),
  simulationDiffSummary: byId('simulation-diff-summary'),
  simulationDiff: byId('simulation-diff'),
};

const state = {
  session: null,
  officer: false,
  versions: [],
  active: null,
  checkTimer: null,
  checkSeq: 0,
  lastFocus: null,
};

const alerts = alertRegion({ region: el.alert, message: el.alertMessage, dismiss: el.alertDismiss });

function announce(message) {
  el.status.textContent = message;
}

const stateOf = (status) => STATES[status] ?? { label: String(status ?? 'Unknown'), tone: 'neutral' };
const who = (name, at) => (name ? `${name}, ${formatDateTime(at)}` : '—');

// ---------------------------------------------------------------------------------------
// Active policy and history

function descriptionOf(text) {
  const match = /^description:\s*(.+)$/m.exec(String(text ?? ''));
  return match ? match[1].trim().replace(/^["']|["']$/g, '') : '';
}

function renderActive(active) {
  state.active = active;
  el.activeSection.hidden = false;
  if (!active) {
    setText(el.activeSummary, 'No policy is published: runs deliver nothing until one is.');
    setText(el.activeDescription, '');
    setText(el.activeText, '');
    return;
  }
  setText(el.activeSummary, `${active.name}, version ${active.id}, published by ${who(active.publishedBy, active.publishedAt)}.`);
  setText(el.activeDescription, descriptionOf(active.text));
  setText(el.activeText, active.text ?? '');
}

function actionButton(label, action, version, primary = false) {
  const button = create('button', primary ? 'button button--primary button--small' : 'button button--small', label);
  button.type = 'button';
  button.dataset.action = action;
  button.dataset.versionId = String(version.id);
  button.setAttribute('aria-label', `${label} version ${version.id}`);
  return button;
}

function renderHistory() {
  const rows = state.versions.map((version) => {
    const tr = document.createElement('tr');
    tr.dataset.versionId = String(version.id);
    const head = create('th', 'num');
    head.scope = 'row';
    head.textContent = String(version.id);
    const name = create('td');
    name.append(create('span', '', String(version.name ?? '')));
    if (version.note) name.append(create('span', 'cell-note', String(version.note)));
    const status = create('td');
    const { label, tone } = stateOf(version.status);
    const badge = create('span', `badge badge--${tone}`, label);
    badge.dataset.state = String(version.status);
    status.append(badge);
    const written = create('td', '', who(version.author, version.createdAt));
    const approved = create('td', version.approvedBy ? '' : 'muted', who(version.approvedBy, version.approvedAt));
    const published = create('td', version.publishedBy ? '' : 'muted', who(version.publishedBy, version.publishedAt));
    const actions = create('td', 'actions');
    actions.append(actionButton('View', 'view', version));
    if (state.officer) {
      if (version.status === 'DRAFT' || version.status === 'APPROVED') actions.append(actionButton('Simulate', 'simulate', version));
      if (version.status === 'DRAFT') actions.append(actionButton('Approve', 'approve', version, true));
      if (version.status === 'APPROVED') actions.append(actionButton('Publish', 'publish', version, true));
      if (version.status === 'SUPERSEDED' && version.publishedAt) actions.append(actionButton('Restore', 'rollback', version));
    }
    tr.append(head, name, status, written, approved, published, actions);
    return tr;
  });
  el.historyBody.replaceChildren(...rows);
  el.historyWrap.hidden = rows.length === 0;
  el.historyEmpty.hidden = rows.length !== 0;
  el.historySection.hidden = false;
}

async function load({ announceIt = true } = {}) {
  const [versions, active] = await Promise.allSettled([api(POLICIES_URL), api(ACTIVE_URL)]);
  if (versions.status === 'rejected') {
    alerts.show(`The policies could not be loaded. ${versions.reason?.message ?? ''}`.trim(), 'load');
    announce('The policies could not be loaded.');
    return;
  }
  alerts.clear('load');
  state.versions = Array.isArray(versions.value) ? versions.value : [];
  if (active.status === 'fulfilled') renderActive(active.value);
  else if (active.reason?.status === 404) renderActive(null);
  else alerts.show(`The active policy could not be loaded. ${active.reason?.message ?? ''}`.trim(), 'load');
  renderHistory();
  if (announceIt) {
    announce(state.active ? `The active policy is ${state.active.name}, version ${state.active.id}.` : 'No policy is published.');
  }
}

const versionRow = (id) => el.historyBody.querySelector(`tr[data-version-id="${CSS.escape(String(id))}"]`);

function focusRowAction(id, action) {
  const row = versionRow(id);
  const button = row?.querySelector(`button[data-action="${action}"]`) ?? row?.querySelector('button');
  button?.focus();
}

// ---------------------------------------------------------------------------------------
// Line diff: what a version changes against the active policy

/** The lines of b against a: kept, added and removed, by their longest common subsequence. */
export function diffLines(a, b) {
  const x = String(a ?? '').split('\n');
  const y = String(b ?? '').split('\n');
  const n = x.length;
  const m = y.length;
  const lcs = Array.from({ length: n + 1 }, () => new Uint16Array(m + 1));
  for (let i = n - 1; i >= 0; i -= 1) {
    for (let j = m - 1; j >= 0; j -= 1) {
      lcs[i][j] = x[i] === y[j] ? lcs[i + 1][j + 1] + 1 : Math.max(lcs[i + 1][j], lcs[i][j + 1]);
    }
  }
  const out = [];
  let i = 0;
  let j = 0;
  while (i < n && j < m) {
    if (x[i] === y[j]) {
      out.push({ type: 'same', text: x[i], line: j + 1 });
      i += 1;
      j += 1;
    } else if (lcs[i + 1][j] >= lcs[i][j + 1]) {
      out.push({ type: 'del', text: x[i] });
      i += 1;
    } else {
      out.push({ type: 'add', text: y[j], line: j + 1 });
      j += 1;
    }
  }
  while (i < n) out.push({ type: 'del', text: x[i++] });
  while (j < m) {
    out.push({ type: 'add', text: y[j], line: j + 1 });
    j += 1;
  }
  return out;
}

function renderDiff(container, summary, activeText, text) {
  const lines = diffLines(activeText, text);
  const added = lines.filter((l) => l.type === 'add').length;
  const removed = lines.filter((l) => l.type === 'del').length;
  setText(summary, added === 0 && removed === 0
    ? 'The same text as the active policy.'
    : `${added} ${added === 1 ? 'line' : 'lines'} added and ${removed} removed, compared with the active policy.`);
  const keep = lines.map((line, index) => line.type !== 'same'
    || lines.slice(Math.max(0, index - CONTEXT_LINES), index + CONTEXT_LINES + 1).some((l) => l.type !== 'same'));
  const items = [];
  let skipped = 0;
  const flush = () => {
    if (skipped > 0) items.push(create('div', 'diff__line diff__line--skip', `… ${skipped} unchanged ${skipped === 1 ? 'line' : 'lines'}`));
    skipped = 0;
  };
  lines.forEach((line, index) => {
    if (!keep[index]) {
      skipped += 1;
      return;
    }
    flush();
    const row = create('div', `diff__line diff__line--${line.type}`);
    const mark = line.type === 'add' ? 'Added' : line.type === 'del' ? 'Removed' : 'Unchanged';
    row.append(create('span', 'visually-hidden', `${mark}: `),
      create('span', 'diff__sign', line.type === 'add' ? '+' : line.type === 'del' ? '−' : ' '),
      create('code', 'diff__text', line.text));
    items.push(row);
  });
  flush();
  container.replaceChildren(...items);
}

// ---------------------------------------------------------------------------------------
// Viewing one version

async function viewVersion(id, trigger) {
  let version;
  try {
    version = await api(versionUrl(id));
  } catch (error) {
    alerts.show(`Version ${id} could not be loaded. ${error.message}`, 'version');
    return;
  }
  alerts.clear('version');
  state.lastFocus = trigger;
  setText(el.versionHeading, `Version ${version.id}: ${version.name}`);
  const facts = [
    ['State', stateOf(version.status).label],
    ['Written', who(version.author, version.createdAt)],
    ['Approved', who(version.approvedBy, version.approvedAt)],
    ['Published', who(version.publishedBy, version.publishedAt)],
  ];
  if (version.note) facts.push(['Note', version.note]);
  el.versionFacts.replaceChildren(...facts.map(([term, value]) => {
    const div = create('div');
    div.append(create('dt', '', term), create('dd', '', value));
    return div;
  }));
  renderDiff(el.versionDiff, el.versionDiffSummary, state.active?.text ?? '', version.text ?? '');
  el.versionSection.hidden = false;
  el.versionHeading.focus();
  announce(`Showing version ${version.id}.`);
}

// ---------------------------------------------------------------------------------------
// Simulation

function renderSimulation(version, result) {
  setText(el.simulationHeading, `Simulation of version ${version.id}: ${version.name}`);
  const counts = [
    ['Employees considered', result.employees],
    ['Would receive contacts', result.receiving],
    ['Would be shared with colleagues', result.delivered],
    ['Employees whose contacts change', result.viewersChanged],
    ['Contacts added', result.adds],
    ['Contacts updated (fields change)', result.updates],
    ['Contacts removed', result.removes],
  ];
  el.simulationCounts.replaceChildren(...counts.map(([term, value]) => {
    const div = create('div');
    div.append(create('dt', '', term), create('dd', '', formatNumber(value)));
    return div;
  }));

  const byRule = Object.entries(result.byRule ?? {}).sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
  el.byRuleBody.replaceChildren(...byRule.map(([rule, people]) => {
    const tr = document.createElement('tr');
    const name = create('th', '', rule === 'all-scope-rules-passed' ? 'In scope (every scope rule passed)' : rule);
    name.scope = 'row';
    tr.append(name, create('td', 'num', formatNumber(people)));
    return tr;
  }));

  const sample = Array.isArray(result.sample) ? result.sample : [];
  el.viewersBody.replaceChildren(...sample.map((change) => {
    const tr = document.createElement('tr');
    const viewer = create('th', '', String(change.viewerId ?? ''));
    viewer.scope = 'row';
    const whom = create('td', 'details');
    for (const [label, ids, total] of [['Gains', change.gained, change.gains], ['Loses', change.lost, change.losses],
      ['New fields for', change.updated, change.updates]]) {
      const named = Array.isArray(ids) ? ids.map(String) : [];
      if (total > 0 && named.length > 0) {
        const more = total > named.length ? ` and ${formatNumber(total - named.length)} more` : '';
        const line = create('span', 'detail');
        line.append(create('span', 'detail__label', `${label}: `), create('span', '', `${named.join(', ')}${more}`));
        whom.append(line);
      }
    }
    if (!whom.hasChildNodes()) whom.append(create('span', 'muted', '—'));
    tr.append(viewer, create('td', 'num', change.gains > 0 ? `+${formatNumber(change.gains)}` : '0'),
      create('td', 'num', change.losses > 0 ? `−${formatNumber(change.losses)}` : '0'),
      create('td', 'num', formatNumber(change.updates)), whom);
    return tr;
  }));
  el.viewersWrap.hidden = sample.length === 0;
  el.viewersEmpty.hidden = sample.length !== 0;
  renderDiff(el.simulationDiff, el.simulationDiffSummary, state.active?.text ?? '', version.text ?? '');
  el.simulationSection.hidden = false;
}

async function simulate(id, trigger) {
  announce(`Simulating version ${id}…`);
  await whileBusy(trigger, async () => {
    let version;
    let result;
    try {
      [version, result] = await Promise.all([api(versionUrl(id)), api(`${versionUrl(id)}/simulate`, { method: 'POST' })]);
    } catch (error) {
      alerts.show(`Version ${id} could not be simulated. ${error.message}`, 'simulate');
      announce(`Version ${id} could not be simulated.`);
      return;
    }
    alerts.clear('simulate');
    state.lastFocus = trigger;
    renderSimulation(version, result);
    announce(`Simulated version ${id}: ${formatNumber(result.adds)} contacts added, ${formatNumber(result.updates)} updated, `
      + `${formatNumber(result.removes)} removed, for ${formatNumber(result.viewersChanged)} employees.`);
    el.simulationHeading.focus();
  });
}

// ---------------------------------------------------------------------------------------
// Approve, publish, restore

const STEPS = {
  approve: { path: 'approve', done: (v) => `Version ${v} is approved. It can now be published.`, failed: (v) => `Version ${v} was not approved.` },
  publish: { path: 'publish', done: (v) => `Version ${v} is published: the next run applies it.`, failed: (v) => `Version ${v} was not published.` },
  rollback: { path: 'rollback', done: (v, r) => `Version ${v} is restored as draft version ${r.id}: another compliance officer approves it, then it can be published.`, failed: (v) => `Version ${v} was not restored.` },
};

async function step(action, id, trigger) {
  const { path, done, failed } = STEPS[action];
  await whileBusy(trigger, async () => {
    let result;
    try {
      result = await api(`${versionUrl(id)}/${path}`, { method: 'POST' });
    } catch (error) {
      // The server says why in words, such as the four-eyes rule: show that, not a code.
      alerts.show(`${failed(id)} ${error.message}`, action);
      announce(failed(id));
      return;
    }
    alerts.clear(action);
    await load({ announceIt: false });
    announce(done(id, result ?? {}));
    focusRowAction(result?.id ?? id, action === 'approve' ? 'publish' : action === 'rollback' ? 'simulate' : 'view');
  });
}

// ---------------------------------------------------------------------------------------
// Editor: checked as one types, and on save

function lineStart(text, line) {
  let offset = 0;
  for (let i = 1; i < line; i += 1) {
    const next = text.indexOf('\n', offset);
    if (next < 0) return text.length;
    offset = next + 1;
  }
  return offset;
}

function renderProblems(problems, { saved = false } = {}) {
  const list = Array.isArray(problems) ? problems : [];
  el.problems.replaceChildren(...list.map((problem) => {
    const li = create('li', 'problem');
    const line = Number(problem.line);
    const column = Number(problem.column);
    const where = Number.isFinite(line) && line > 0
      ? `Line ${line}${Number.isFinite(column) && column > 0 ? `, column ${column}` : ''}` : 'Somewhere';
    const go = create('button', 'problem__where', where);
    go.type = 'button';
    go.dataset.line = String(line);
    go.dataset.column = String(column);
    go.setAttribute('aria-label', `${where}: go there in the editor`);
    li.append(go, create('span', 'problem__message', String(problem.message ?? '')));
    return li;
  }));
  el.text.setAttribute('aria-invalid', String(list.length > 0));
  let summary;
  if (list.length === 0) summary = saved ? 'No problems found.' : 'No problems found: it can be saved as a draft.';
  else summary = list.length === 1 ? '1 problem: fix it before saving.' : `${list.length} problems: fix them before saving.`;
  setText(el.problemsSummary, summary);
  el.problemsSummary.className = `problems-summary ${list.length === 0 ? 'problems-summary--ok' : 'problems-summary--bad'}`;
}

async function checkNow() {
  clearTimeout(state.checkTimer);
  state.checkTimer = null;
  const text = el.text.value;
  const seq = ++state.checkSeq;
  if (text.trim() === '') {
    el.problems.replaceChildren();
    setText(el.problemsSummary, 'Write a policy, or start from the active one.');
    el.problemsSummary.className = 'problems-summary';
    return;
  }
  setText(el.problemsSummary, 'Checking…');
  let result;
  try {
    result = await api(VALIDATE_URL, { method: 'POST', text, type: YAML });
  } catch (error) {
    if (seq === state.checkSeq) setText(el.problemsSummary, `Not checked: ${error.message}`);
    return;
  }
  if (seq !== state.checkSeq) return; // the text changed meanwhile; a newer check is on its way
  renderProblems(result?.valid ? [] : result?.problems);
}

function checkSoon() {
  clearTimeout(state.checkTimer);
  state.checkTimer = setTimeout(checkNow, CHECK_DELAY_MS);
}

async function saveDraft(event) {
  event.preventDefault();
  const text = el.text.value;
  if (text.trim() === '') {
    setText(el.problemsSummary, 'Write a policy first, or start from the active one.');
    el.text.focus();
    return;
  }
  clearTimeout(state.checkTimer);
  state.checkSeq += 1;
  await whileBusy(el.save, async () => {
    let draft;
    try {
      draft = await api(POLICIES_URL, { method: 'POST', text, type: YAML });
    } catch (error) {
      const problems = error.problem?.problems;
      if (Array.isArray(problems) && problems.length > 0) {
        renderProblems(problems);
        announce(`The draft was not saved: ${problems.length === 1 ? 'it has a problem' : `it has ${problems.length} problems`}.`);
        el.problems.querySelector('button')?.focus();
      } else {
        alerts.show(`The draft was not saved. ${error.message}`, 'save');
        announce('The draft was not saved.');
      }
      return;
    }
    alerts.clear('save');
    renderProblems([], { saved: true });
    await load({ announceIt: false });
    announce(`Saved as draft version ${draft.id}. Simulate it, then ask another compliance officer to approve it.`);
    focusRowAction(draft.id, 'simulate');
  });
}

function goToProblem(button) {
  const text = el.text.value;
  const line = Number(button.dataset.line);
  if (!Number.isFinite(line) || line < 1) return;
  const start = lineStart(text, line);
  const end = text.indexOf('\n', start);
  el.text.focus();
  el.text.setSelectionRange(start, end < 0 ? text.length : end);
}

// ---------------------------------------------------------------------------------------
// Wiring

function closePanel(section) {
  section.hidden = true;
  if (state.lastFocus?.isConnected) state.lastFocus.focus();
}

el.reload.addEventListener('click', () => whileBusy(el.reload, () => load()));
el.historyBody.addEventListener('click', (event) => {
  const button = event.target.closest('button[data-action]');
  if (!button) return;
  const id = button.dataset.versionId;
  const action = button.dataset.action;
  if (action === 'view') viewVersion(id, button);
  else if (action === 'simulate') simulate(id, button);
  else step(action, id, button);
});
el.versionClose.addEventListener('click', () => closePanel(el.versionSection));
el.simulationClose.addEventListener('click', () => closePanel(el.simulationSection));
for (const section of [el.versionSection, el.simulationSection]) {
  section.addEventListener('keydown', (event) => {
    if (event.key === 'Escape') closePanel(section);
  });
}
el.text.addEventListener('input', checkSoon);
el.check.addEventListener('click', () => whileBusy(el.check, checkNow));
el.editorForm.addEventListener('submit', saveDraft);
el.problems.addEventListener('click', (event) => {
  const button = event.target.closest('button[data-line]');
  if (button) goToProblem(button);
});
el.editorFromActive.addEventListener('click', () => {
  if (!state.active) {
    announce('No policy is published to start from.');
    return;
  }
  el.text.value = state.active.text ?? '';
  el.text.focus();
  el.text.setSelectionRange(0, 0);
  announce(`The editor holds the active policy, ${state.active.name}. Change it, then save it as a draft.`);
  checkNow();
});

state.session = await startPage('policies', { say: (message) => alerts.show(message, 'session') });
if (state.session) {
  state.officer = state.session.has(ROLES.compliance);
  el.editorSection.hidden = !state.officer;
  el.readOnlyNote.hidden = state.officer;
  await load();
} else {
  announce('This page is not for your account.');
}
