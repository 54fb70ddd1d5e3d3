// Audit trail page: filter the records, page through them, export what the filter selects and
// verify the hash chain, the records' seals and the trail's anchored end, with the outcome in
// words. For compliance officers and auditors.
//
// Every piece of server data reaches the page through textContent or element properties, never
// through innerHTML: details name people, rules and settings. The server's Content-Security-Policy
// forbids inline scripts and styles.

import {
  alertRegion, api, byId, create, dateTimeFormat, formatNumber, parseDate, sentence, setText, shortDateTimeFormat,
  startPage, whileBusy, showFieldError, clearFieldErrors,
} from './common.js';

const AUDIT_URL = 'api/audit';
const VERIFY_URL = 'api/audit/verify';
const EXPORT_URL = 'api/audit/export';
const PAGE_SIZE = 50;

const KNOWN_ACTIONS = [
  'run.started', 'run.finished', 'run.awaiting-approval', 'run.approved', 'run.rejected', 'run.resumed',
  'run.superseded', 'entry.rejected', 'entry.adjusted', 'employees.gone', 'employees.purged', 'employee.merged',
  'directory.merged', 'policy.drafted', 'policy.simulated', 'policy.approved', 'policy.published',
  'policy.rolled-back', 'source.created', 'source.updated', 'source.insecure-allowed', 'source.deleted',
  'source.tested', 'schedule.changed', 'schedule.disabled', 'telegram.linked', 'telegram.unlinked', 'audit.pruned',
];

const el = {
  alert: byId('alert'),
  alertMessage: byId('alert-message'),
  alertDismiss: byId('alert-dismiss'),
  verify: byId('verify'),
  verifyResult: byId('verify-result'),
  form: byId('filter-form'),
  action: byId('filter-action'),
  actor: byId('filter-actor'),
  subject: byId('filter-subject'),
  from: byId('filter-from'),
  to: byId('filter-to'),
  apply: byId('filter-apply'),
  clear: byId('filter-clear'),
  actions: byId('known-actions'),
  exportCsv: byId('export-csv'),
  exportJson: byId('export-json'),
  status: byId('status'),
  position: byId('page-position'),
  empty: byId('records-empty'),
  wrap: byId('records-wrap'),
  body: byId('records-body'),
  newer: byId('page-newer'),
  older: byId('page-older'),
};

const state = {
  filter: new URLSearchParams(),
  cursors: [], // the `before` of each page shown so far; the last is the current page's
  hasOlder: false,
  loading: false,
};

const alerts = alertRegion({ region: el.alert, message: el.alertMessage, dismiss: el.alertDismiss });

function announce(message) {
  el.status.textContent = message;
}

// ---------------------------------------------------------------------------------------
// Filter

/** The filter as query parameters, or null (with the fields marked) when a time can't be read. */
function readFilter() {
  clearFieldErrors(el.form);
  const filter = new URLSearchParams();
  for (const [name, input] of [['action', el.action], ['actor', el.actor], ['subject', el.subject]]) {
    const value = input.value.trim();
    if (value !== '') filter.set(name, value);
  }
  let valid = true;
  for (const [name, input] of [['from', el.from], ['to', el.to]]) {
    if (input.value === '') continue;
    const date = new Date(input.value); // a datetime-local value is read in the local time zone
    if (Number.isNaN(date.getTime())) {
      showFieldError(input, 'Enter a date and time, or leave it empty.');
      valid = false;
    } else {
      filter.set(name, date.toISOString());
    }
  }
  if (valid && filter.has('from') && filter.has('to') && filter.get('from') >= filter.get('to')) {
    showFieldError(el.to, '“Until” must be later than “From”.');
    valid = false;
  }
  return valid ? filter : null;
}

function describeFilter(filter) {
  const parts = [];
  if (filter.has('action')) parts.push(`action ${filter.get('action')}`);
  if (filter.has('actor')) parts.push(`by ${filter.get('actor')}`);
  if (filter.has('subject')) parts.push(`about ${filter.get('subject')}`);
  if (filter.has('from')) parts.push(`from ${shortDateTimeFormat.format(new Date(filter.get('from')))}`);
  if (filter.has('to')) parts.push(`until ${shortDateTimeFormat.format(new Date(filter.get('to')))}`);
  return parts.join(', ');
}

function updateExportLinks() {
  for (const [link, format] of [[el.exportCsv, 'csv'], [el.exportJson, 'json']]) {
    const query = new URLSearchParams(state.filter);
    query.set('format', format);
    link.href = `${EXPORT_URL}?${query}`;
  }
}

// ---------------------------------------------------------------------------------------
// Records

function renderRecords(records) {
  const rows = records.map((record) => {
    const tr = document.createElement('tr');
    tr.dataset.recordId = String(record.id);
    const id = create('th', 'num', String(record.id));
    id.scope = 'row';
    const when = create('td');
    const at = parseDate(record.at);
    const time = create('time', '', at ? shortDateTimeFormat.format(at) : '—');
    if (at) {
      time.dateTime = record.at;
      time.title = dateTimeFormat.format(at);
    }
    when.append(time);
    const actor = create('td', '', String(record.actor ?? ''));
    const action = create('td');
    action.append(create('code', '', String(record.action ?? '')));
    const subject = create('td');
    subject.append(create('code', '', String(record.subject ?? '')));
    const detail = create('td', 'detail-cell', String(record.detail ?? ''));
    tr.append(id, when, actor, action, subject, detail);
    return tr;
  });
  el.body.replaceChildren(...rows);
  el.wrap.hidden = rows.length === 0;
  el.empty.hidden = rows.length !== 0;
}

async function loadPage(before, { focusTable = false } = {}) {
  const query = new URLSearchParams(state.filter);
  query.set('limit', String(PAGE_SIZE + 1)); // one more tells whether there is an older page
  if (before !== null) query.set('before', String(before));
  let records;
  try {
    records = await api(`${AUDIT_URL}?${query}`);
  } catch (error) {
    alerts.show(`The audit records could not be loaded. ${error.message}`, 'records');
    announce('The audit records could not be loaded.');
    return false;
  }
  alerts.clear('records');
  const list = Array.isArray(records) ? records : [];
  state.hasOlder = list.length > PAGE_SIZE;
  const page = list.slice(0, PAGE_SIZE);
  renderRecords(page);
  const pageNumber = state.cursors.length;
  el.newer.disabled = pageNumber <= 1;
  el.older.disabled = !state.hasOlder;
  state.lastId = page.length > 0 ? page[page.length - 1].id : null;
  const described = describeFilter(state.filter);
  const count = page.length === 0 ? 'No records' : page.length === 1 ? '1 record' : `${formatNumber(page.length)} records`;
  setText(el.position, page.length === 0 ? '' : `Page ${pageNumber}: records ${page[0].id} back to ${page[page.length - 1].id}`);
  announce(`${count}${described ? ` matching ${described}` : ''}${pageNumber > 1 ? `, page ${pageNumber}` : ''}.`);
  if (focusTable && page.length > 0) el.wrap.focus();
  return true;
}

async function applyFilter(event) {
  event?.preventDefault();
  const filter = readFilter();
  if (!filter) {
    announce('The filter needs attention.');
    el.form.querySelector('[aria-invalid="true"]')?.focus();
    return;
  }
  state.filter = filter;
  state.cursors = [null];
  updateExportLinks();
  await whileBusy(el.apply, () => loadPage(null));
}

async function older() {
  if (state.lastId === null || !state.hasOlder) return;
  state.cursors.push(state.lastId);
  await whileBusy(el.older, () => loadPage(state.lastId, { focusTable: true }));
}

async function newer() {
  if (state.cursors.length <= 1) return;
  state.cursors.pop();
  await whileBusy(el.newer, () => loadPage(state.cursors[state.cursors.length - 1], { focusTable: true }));
}

// ---------------------------------------------------------------------------------------
// Verifying the chain

/** What the newest anchor outside the database covers, in words. */
function anchorText(result) {
  const at = parseDate(result?.anchoredAt);
  if (typeof result?.anchoredThrough !== 'number' || !at) {
    return 'No anchor outside the database yet, so records removed from its end could not be told.';
  }
  return `The newest anchor outside the database, written ${dateTimeFormat.format(at)} by server `
    + `${result.anchoredBy}, vouches for the trail up to record ${result.anchoredThrough}.`;
}

async function verify() {
  setText(el.verifyResult, 'Verifying… every record’s hash and seal is being computed again.');
  el.verifyResult.className = 'verdict';
  let result;
  try {
    result = await api(VERIFY_URL);
  } catch (error) {
    setText(el.verifyResult, `The chain could not be verified. ${error.message}`);
    el.verifyResult.className = 'verdict verdict--bad';
    announce('The chain could not be verified.');
    return;
  }
  const records = formatNumber(result?.records);
  let text;
  if (result?.intact) {
    text = `The audit trail is intact: all ${records} records check out, and none was changed or removed.`;
  } else {
    const where = Number(result?.firstBrokenId) > 0 ? ` at record ${result.firstBrokenId}` : '';
    const problem = typeof result?.problem === 'string' && result.problem.trim() !== ''
      ? ` ${sentence(result.problem)}` : '';
    text = `The audit trail is broken${where}: records were changed, removed or replaced.${problem} `
      + `${records} records were checked.`;
  }
  text += ` ${anchorText(result)}`;
  if (Array.isArray(result?.anchorWarnings) && result.anchorWarnings.length > 0) {
    const ignored = result.anchorWarnings.map(sentence).join(' ');
    text += ` Some anchor lines were ignored, since Roster did not write them as they are: ${ignored}`;
  }
  el.verifyResult.className = `verdict ${result?.intact ? 'verdict--ok' : 'verdict--bad'}`;
  setText(el.verifyResult, text);
  announce(result?.intact ? 'The audit trail is intact.' : 'The audit trail is broken.');
  el.verifyResult.focus();
}

// ---------------------------------------------------------------------------------------
// Wiring

el.actions.replaceChildren(...KNOWN_ACTIONS.map((action) => {
  const option = document.createElement('option');
  option.value = action;
  return option;
}));
el.form.addEventListener('submit', applyFilter);
el.clear.addEventListener('click', () => {
  el.form.reset();
  applyFilter();
  el.action.focus();
});
el.older.addEventListener('click', older);
el.newer.addEventListener('click', newer);
el.verify.addEventListener('click', () => whileBusy(el.verify, verify));

if (await startPage('audit', { say: (message) => alerts.show(message, 'session') })) {
  // A link may carry a filter, such as audit.html?subject=run:12.
  const linked = new URLSearchParams(window.location.search);
  el.action.value = linked.get('action') ?? '';
  el.actor.value = linked.get('actor') ?? '';
  el.subject.value = linked.get('subject') ?? '';
  await applyFilter();
} else {
  el.form.hidden = true;
  el.verify.disabled = true;
  announce('This page is not for your account.');
}
