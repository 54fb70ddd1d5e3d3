// The Employees page, for directory admins and compliance officers: find an employee; see what
// Roster holds about them, what it releases and withholds and why, their scope decision, the
// colleagues they receive and who receives them, the audit records about them; and ask why one
// employee does or does not get a colleague's contact, both ways.
//
// Every piece of server data reaches the page through textContent or element properties, never
// through innerHTML: names, reasons and entries come from the directory and must be treated as
// untrusted text. The page's state lives in its address (?q=…, ?id=…, &why=…), so links from the
// Runs page, the browser's back button and bookmarks all work.

import {
  alertRegion, api, byId, create, employeeHref, formatDateTime, formatNumber, setText, startPage, whileBusy,
} from './common.js';

const enc = encodeURIComponent;
const searchUrl = (q) => `api/employees?q=${enc(q)}&limit=100`;
const employeeUrl = (id) => `api/employees/${enc(id)}`;
const contactsUrl = (id) => `${employeeUrl(id)}/contacts`;
const seenByUrl = (id) => `${employeeUrl(id)}/seen-by`;
const auditUrl = (id) => `${employeeUrl(id)}/audit?limit=100`;
const whyUrl = (viewer, colleague) => `${employeeUrl(viewer)}/why/${enc(colleague)}`;

// ---------------------------------------------------------------------------------------
// Formatting

const FIELD_LABELS = {
  displayName: 'Display name',
  givenName: 'Given name',
  surname: 'Surname',
  mobile: 'Mobile',
  workPhone: 'Work phone',
  mail: 'Email',
  title: 'Job title',
  department: 'Department',
  location: 'Location',
  employeeType: 'Employee type',
  manager: 'Manager',
  accountDisabled: 'Account disabled',
  optOut: 'Opted out in the directory',
  consent: 'Consent in the directory',
};
const FIELD_ORDER = Object.keys(FIELD_LABELS);

function fieldLabel(name) {
  if (FIELD_LABELS[name]) return FIELD_LABELS[name];
  const words = String(name).replace(/([a-z0-9])([A-Z])/g, '$1 $2').replace(/[-_]+/g, ' ').toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

function byFieldOrder(a, b) {
  const rank = (name) => (FIELD_ORDER.includes(name) ? FIELD_ORDER.indexOf(name) : FIELD_ORDER.length);
  return rank(a) - rank(b) || a.localeCompare(b);
}

const fieldList = (names) => (names.length === 0 ? 'none' : names.slice().sort(byFieldOrder).map(fieldLabel).join(', '));

// Where a delivery stands on its platform; the words carry the meaning.
const DELIVERY = {
  recorded: 'Recorded (address book)',
  planned: 'Telegram: planned, not delivered yet',
  imported: 'Telegram: imported',
  not_on_telegram: 'Telegram: not on Telegram',
  pending_retry: 'Telegram: waiting to retry',
  failed: 'Telegram: failed',
  kept_own: 'Telegram: their own contact, left as it was',
  not_linked: 'Telegram: not linked',
};

function deliveryText(state, reason) {
  const text = DELIVERY[state] ?? String(state ?? 'unknown').replace(/[-_]+/g, ' ');
  return reason ? `${text} (${reason})` : text;
}

function nameOf(fields, id) {
  const f = fields ?? {};
  if (typeof f.displayName === 'string' && f.displayName.trim() !== '') return f.displayName;
  const joined = [f.givenName, f.surname].filter((part) => typeof part === 'string' && part !== '').join(' ');
  return joined !== '' ? joined : String(id ?? '');
}

const yesNo = (value) => (value ? 'Yes' : 'No');
const plural = (count, one, many) => `${formatNumber(count)} ${count === 1 ? one : many}`;

// ---------------------------------------------------------------------------------------
// Elements

const el = {
  status: byId('status'),
  searchForm: byId('search-form'),
  searchQ: byId('search-q'),
  resultsEmpty: byId('results-empty'),
  resultsWrap: byId('results-wrap'),
  resultsCaption: byId('results-caption'),
  resultsBody: byId('results-body'),

  employeeSection: byId('employee-section'),
  employeeHeading: byId('employee-heading'),
  employeeId: byId('employee-id'),
  employeeStatus: byId('employee-status'),
  employeeReceives: byId('employee-receives'),
  employeeDelivered: byId('employee-delivered'),
  employeeRule: byId('employee-rule'),
  employeeReason: byId('employee-reason'),
  employeeRun: byId('employee-run'),
  employeeReference: byId('employee-reference'),
  employeeUpdated: byId('employee-updated'),
  employeeRejections: byId('employee-rejections'),
  fieldsWrap: byId('fields-wrap'),
  fieldsCaption: byId('fields-caption'),
  fieldsBody: byId('fields-body'),
  fieldsEmpty: byId('fields-empty'),

  whySection: byId('why-section'),
  whyForm: byId('why-form'),
  whyColleague: byId('why-colleague'),
  whySubmit: byId('why-submit'),
  whyResult: byId('why-result'),
  whyScopes: byId('why-scopes'),
  whyThere: byId('why-there'),
  whyBack: byId('why-back'),

  contactsSection: byId('contacts-section'),
  contactsEmpty: byId('contacts-empty'),
  contactsWrap: byId('contacts-wrap'),
  contactsCaption: byId('contacts-caption'),
  contactsBody: byId('contacts-body'),

  seenBySection: byId('seen-by-section'),
  seenBySummary: byId('seen-by-summary'),
  seenByWrap: byId('seen-by-wrap'),
  seenByCaption: byId('seen-by-caption'),
  seenByBody: byId('seen-by-body'),

  auditSection: byId('audit-section'),
  auditEmpty: byId('audit-empty'),
  auditWrap: byId('audit-wrap'),
  auditCaption: byId('audit-caption'),
  auditBody: byId('audit-body'),
};

const alerts = alertRegion({ region: byId('alert'), message: byId('alert-message'), dismiss: byId('alert-dismiss') });
const say = (text) => setText(el.status, text);

function idLink(id, why) {
  const link = create('a', '', String(id ?? ''));
  link.href = employeeHref(id, why);
  return link;
}

function code(text) {
  return create('code', '', String(text ?? '—'));
}

function cell(tag, ...children) {
  const element = create(tag);
  element.append(...children);
  return element;
}

// ---------------------------------------------------------------------------------------
// Finding employees

async function search(q) {
  el.searchQ.value = q;
  say(`Looking for “${q}”…`);
  let found;
  try {
    found = await api(searchUrl(q));
  } catch (error) {
    say('The search could not be made.');
    alerts.show(error.message, 'search');
    return;
  }
  alerts.clear('search');
  const rows = (Array.isArray(found) ? found : []).map((e) => {
    const tr = document.createElement('tr');
    const who = cell('th', idLink(e.id));
    who.scope = 'row';
    tr.append(who, create('td', '', String(e.name ?? '')), create('td', '', String(e.department ?? '—')),
      create('td', '', e.status === 'GONE' ? 'Left' : 'Yes'), create('td', '', yesNo(e.inScope)));
    return tr;
  });
  el.resultsBody.replaceChildren(...rows);
  setText(el.resultsCaption, `Employees matching “${q}”`);
  el.resultsWrap.hidden = rows.length === 0;
  el.resultsEmpty.hidden = rows.length !== 0;
  setText(el.resultsEmpty, `Nobody’s name, id or mail contains “${q}”.`);
  say(rows.length === 0 ? `No employees match “${q}”.`
    : `${plural(rows.length, 'employee matches', 'employees match')} “${q}”${rows.length === 100 ? ' (the first 100)' : ''}.`);
}

// ---------------------------------------------------------------------------------------
// One employee

async function show(id, why) {
  say(`Loading employee ${id}…`);
  let employee;
  try {
    employee = await api(employeeUrl(id));
  } catch (error) {
    say(error.status === 404 ? `There is no employee ${id}.` : `Employee ${id} could not be loaded.`);
    alerts.show(error.message, 'employee');
    return;
  }
  alerts.clear('employee');
  document.title = `${id} – Employees – Roster`;
  const held = employee.held ?? {};
  setText(el.employeeHeading, `${nameOf(held, id)} (${id})`);
  renderEmployee(employee);
  el.employeeSection.hidden = false;
  el.whySection.hidden = false;

  const [contacts, seenBy, audit] = await Promise.allSettled([api(contactsUrl(id)), api(seenByUrl(id)),
    api(auditUrl(id))]);
  renderPart(contacts, 'contacts', (value) => renderContacts(id, value));
  renderPart(seenBy, 'seen-by', (value) => renderSeenBy(id, value));
  renderPart(audit, 'audit', (value) => renderAudit(id, value));
  say(`Showing employee ${id}.`);
  if (why) {
    el.whyColleague.value = why;
    await explain(id, why);
  } else {
    el.employeeHeading.focus();
  }
}

function renderPart(settled, source, render) {
  if (settled.status === 'fulfilled') {
    alerts.clear(source);
    render(settled.value);
  } else {
    alerts.show(settled.reason?.message ?? 'Part of the page could not be loaded.', source);
  }
}

function renderEmployee(e) {
  const scope = e.scope ?? {};
  setText(el.employeeId, String(e.id ?? ''));
  setText(el.employeeStatus, e.status === 'GONE' ? `Left on ${formatDateTime(e.goneAt)}` : 'Yes');
  setText(el.employeeReceives, yesNo(scope.included));
  setText(el.employeeDelivered, scope.delivered ? 'Yes, to the colleagues the policy grants it'
    : 'No, to nobody');
  el.employeeRule.replaceChildren(code(scope.rule));
  setText(el.employeeReason, scope.reason ? String(scope.reason) : (scope.included && scope.delivered
    ? 'Every scope rule passed.' : '—'));
  setText(el.employeeRun, e.lastSeenRun ? String(e.lastSeenRun) : '—');
  setText(el.employeeReference, String(e.reference ?? '—'));
  setText(el.employeeUpdated, formatDateTime(e.updatedAt));
  const rejections = Array.isArray(e.rejections) ? e.rejections : [];
  setText(el.employeeRejections, rejections.length === 0 ? 'None'
    : rejections.map((r) => `run ${r.run}: ${r.reason}`).join('; '));

  const held = e.held ?? {};
  const released = new Set(Array.isArray(e.released) ? e.released : []);
  const withheld = e.withheld ?? {};
  const names = Object.keys(held).sort(byFieldOrder);
  el.fieldsBody.replaceChildren(...names.map((name) => {
    const tr = document.createElement('tr');
    const label = create('th', '', fieldLabel(name));
    label.scope = 'row';
    const verdict = create('td');
    if (released.has(name)) {
      verdict.append(create('span', 'badge badge--ok', 'Released'));
    } else {
      verdict.append(create('span', 'badge badge--neutral', 'Withheld'), ' by rule ', code(withheld[name] ?? 'fields'));
    }
    tr.append(label, create('td', 'value', String(held[name] ?? '')), verdict);
    return tr;
  }));
  setText(el.fieldsCaption, `What Roster holds about ${e.id}, what it releases and what it withholds`);
  el.fieldsWrap.hidden = names.length === 0;
  el.fieldsEmpty.hidden = names.length !== 0;
}

function whyButton(viewer, colleague, label) {
  const button = create('button', 'button button--quiet', 'Why?');
  button.type = 'button';
  button.setAttribute('aria-label', label);
  button.addEventListener('click', () => {
    el.whyColleague.value = colleague;
    // the answer appears above the list: take the reader there
    explain(viewer, colleague, { focus: true });
  });
  return button;
}

function renderContacts(id, view) {
  const contacts = Array.isArray(view?.contacts) ? view.contacts : [];
  el.contactsBody.replaceChildren(...contacts.map((c) => {
    const tr = document.createElement('tr');
    const who = cell('th', idLink(c.id));
    who.scope = 'row';
    tr.append(who, create('td', '', nameOf(c.fields, c.id)), cell('td', code(c.rule)),
      create('td', '', `run ${c.deliveredRun}, ${formatDateTime(c.deliveredAt)}`),
      create('td', '', deliveryText(c.state, c.reason)),
      cell('td', whyButton(id, c.id, `Why does ${id} get ${c.id}’s contact?`)));
    return tr;
  }));
  setText(el.contactsCaption, `Colleagues ${id} receives (${formatNumber(contacts.length)})`);
  el.contactsWrap.hidden = contacts.length === 0;
  el.contactsEmpty.hidden = contacts.length !== 0;
  setText(el.contactsEmpty, `${id} receives no colleagues’ contacts.`);
  el.contactsSection.hidden = false;
}

function renderSeenBy(id, view) {
  const colleagues = Array.isArray(view?.colleagues) ? view.colleagues : [];
  const count = typeof view?.count === 'number' ? view.count : colleagues.length;
  setText(el.seenBySummary, count === 0 ? `Nobody receives ${id}’s contact.`
    : `${plural(count, 'colleague receives', 'colleagues receive')} ${id}’s contact`
      + `${count > colleagues.length ? `; the first ${formatNumber(colleagues.length)} by name are listed` : ''}.`);
  el.seenByBody.replaceChildren(...colleagues.map((c) => {
    const tr = document.createElement('tr');
    const who = cell('th', idLink(c.id));
    who.scope = 'row';
    tr.append(who, create('td', '', nameOf(c.fields, c.id)), create('td', '', String(c.fields?.department ?? '—')),
      cell('td', code(c.rule)), cell('td', whyButton(id, c.id, `Why does ${c.id} get ${id}’s contact?`)));
    return tr;
  }));
  setText(el.seenByCaption, `Colleagues who receive ${id}’s contact`);
  el.seenByWrap.hidden = colleagues.length === 0;
  el.seenBySection.hidden = false;
}

function renderAudit(id, records) {
  const list = Array.isArray(records) ? records : [];
  el.auditBody.replaceChildren(...list.map((r) => {
    const tr = document.createElement('tr');
    tr.append(create('td', 'num', String(r.id)), create('td', '', formatDateTime(r.at)),
      create('td', '', String(r.actor ?? '')), cell('td', code(r.action)), create('td', 'reason', String(r.detail ?? '')));
    return tr;
  }));
  setText(el.auditCaption, `Audit records about ${id}, newest first`);
  el.auditWrap.hidden = list.length === 0;
  el.auditEmpty.hidden = list.length !== 0;
  el.auditSection.hidden = false;
}

// ---------------------------------------------------------------------------------------
// Why, pairwise

async function explain(viewer, colleague, { focus = false } = {}) {
  const other = colleague.trim();
  if (other === '') {
    say('Type the id of the colleague to explain.');
    el.whyColleague.focus();
    return;
  }
  await whileBusy(el.whySubmit, async () => {
    say(`Explaining ${viewer} and ${other}…`);
    let why;
    try {
      why = await api(whyUrl(viewer, other));
    } catch (error) {
      el.whyResult.hidden = true;
      say(error.status === 404 ? `There is no employee ${other}.` : 'The answer could not be loaded.');
      alerts.show(error.message, 'why');
      return;
    }
    alerts.clear('why');
    renderWhy(why);
    const url = employeeHref(viewer, other);
    if (`${window.location.pathname.split('/').pop()}${window.location.search}` !== url) {
      window.history.replaceState(null, '', url);
    }
    say(`${why.viewerGetsColleague?.answer ?? ''} ${why.colleagueGetsViewer?.answer ?? ''}`.trim());
    if (focus) byId('why-there-answer').focus();
  });
}

function renderWhy(why) {
  el.whyScopes.replaceChildren(create('h3', '', `Scope under the policy ${why.policy}`),
    ...[why.viewerScope, why.colleagueScope].map((s) => create('p', 'why-scope', String(s?.words ?? ''))));
  renderDirection(el.whyThere, why.viewerGetsColleague, 'there');
  renderDirection(el.whyBack, why.colleagueGetsViewer, 'back');
  el.whyResult.hidden = false;
}

function renderDirection(container, d, key) {
  if (!d) {
    container.replaceChildren();
    return;
  }
  const heading = create('h3', '', `Does ${d.viewer} get ${d.contact}’s contact?`);
  // not getting a colleague is as ordinary as getting one: only a delivery is marked, in words and colour
  const answer = create('p', d.delivered ? 'verdict verdict--ok' : 'verdict', String(d.answer ?? ''));
  answer.id = `why-${key}-answer`;
  answer.tabIndex = -1;

  const table = create('table', 'data-table why-rules');
  const caption = create('caption', '', `Visibility rules, ${d.viewer} viewing ${d.contact}`);
  const head = create('thead');
  const headRow = document.createElement('tr');
  for (const title of ['Rule', 'Grants?', 'Why not']) {
    const th = create('th', '', title);
    th.scope = 'col';
    headRow.append(th);
  }
  head.append(headRow);
  const body = create('tbody');
  body.id = `why-${key}-rules`;
  for (const rule of Array.isArray(d.rules) ? d.rules : []) {
    const tr = document.createElement('tr');
    const name = cell('th', code(rule.rule));
    name.scope = 'row';
    tr.append(name, create('td', '', rule.grants ? 'Yes' : 'No'), create('td', '', rule.grants ? '—' : String(rule.reason ?? '')));
    body.append(tr);
  }
  table.append(caption, head, body);
  const wrap = create('div', 'table-wrap');
  wrap.append(table);

  const facts = create('dl', 'facts');
  const fact = (term, ...value) => {
    const row = create('div');
    row.append(create('dt', '', term), cell('dd', ...value));
    facts.append(row);
  };
  if (d.cap) {
    fact('Cap', d.cap.position
      ? `${formatNumber(d.cap.max)} contacts; ${d.contact} is at position ${formatNumber(d.cap.position)}`
        + (d.cap.beyond ? ', beyond it' : ', within it')
      : `${formatNumber(d.cap.max)} contacts`);
  }
  const fields = d.fields ?? {};
  fact(d.delivered ? 'Fields that travel' : 'Fields that would travel', fieldList(fields.travel ?? []));
  const withheld = Object.entries(fields.withheld ?? {}).sort(([a], [b]) => byFieldOrder(a, b));
  const withheldValue = [];
  withheld.forEach(([name, rule], i) => {
    if (i > 0) withheldValue.push(', ');
    withheldValue.push(`${fieldLabel(name)} (`, code(rule), ')');
  });
  fact('Fields withheld', ...(withheldValue.length === 0 ? ['none'] : withheldValue));
  if (d.delivery) {
    fact('Delivered', `in run ${d.delivery.run}, ${formatDateTime(d.delivery.at)}, by rule `, code(d.delivery.rule));
    fact('Delivery', deliveryText(d.delivery.state, d.delivery.reason));
  }
  const notes = (Array.isArray(d.notes) ? d.notes : []).map((note) => create('p', 'note', String(note)));
  container.replaceChildren(heading, answer, wrap, facts, ...notes);
}

// ---------------------------------------------------------------------------------------
// Start

el.whyForm.addEventListener('submit', (event) => {
  event.preventDefault();
  const viewer = el.employeeId.textContent;
  if (viewer) explain(viewer, el.whyColleague.value);
});

const session = await startPage('employees', { say: (message) => { say(message); alerts.show(message, 'session'); } });
if (session) {
  const params = new URLSearchParams(window.location.search);
  const id = (params.get('id') ?? '').trim();
  const q = (params.get('q') ?? '').trim();
  if (id !== '') {
    await show(id, (params.get('why') ?? '').trim());
  } else if (q !== '') {
    await search(q);
  }
}
