// Sources page: the directories Roster reads. A directory admin lists, adds, changes, removes and
// tests them. Secrets are write-only: the page shows only whether each is set, and a field to
// replace it. The source set in the server's configuration is shown read-only (the API refuses
// to change it).
//
// Every piece of server data reaches the page through textContent or element properties, never
// through innerHTML. The server's Content-Security-Policy forbids inline scripts and styles.

import {
  alertRegion, api, byId, clearFieldErrors, create, formatNumber, sentence, setText, showFieldError, startPage,
  whileBusy,
} from './common.js';

const SOURCES_URL = 'api/sources';
const sourceUrl = (id) => `${SOURCES_URL}/${encodeURIComponent(id)}`;

// The settings the form offers, by kind; a source's other settings are kept as they are.
const SETTINGS = {
  ldap: [
    { name: 'url', label: 'Server URLs', required: true, hint: 'One or more, separated by spaces, in failover order: ldap://host:389 or ldaps://host:636.' },
    { name: 'bind-dn', label: 'Bind DN', hint: 'The account Roster reads as; empty for an anonymous bind.' },
    { name: 'base-dn', label: 'Base DN', required: true, hint: 'Where the people are, such as ou=people,dc=example,dc=com.' },
    { name: 'filter', label: 'Filter', hint: 'Which entries are people. Empty means (objectClass=inetOrgPerson).' },
    { name: 'id-attribute', label: 'Identity attribute', hint: 'The attribute that identifies a person for good. Empty means uid.' },
    { name: 'change-attribute', label: 'Change tracking', hint: 'modifyTimestamp, uSNChanged or contentSync to read only what changed; empty reads everything every run.' },
    { name: 'start-tls', label: 'Use StartTLS on ldap:// connections', type: 'checkbox' },
    { name: 'allow-insecure', label: 'Allow the bind password over plain ldap:// (insecure: it travels in clear text)', type: 'checkbox' },
    { name: 'trust-store', label: 'Trust store file', hint: 'A file on the server with the CAs to trust; empty uses the server’s own.' },
    { name: 'default-region', label: 'Default phone region', hint: 'For numbers written without a country code, such as DE.' },
  ],
  entra: [
    { name: 'tenant-id', label: 'Tenant ID', required: true, hint: 'The tenant’s ID or domain, such as contoso.onmicrosoft.com.' },
    { name: 'client-id', label: 'Client ID', required: true, hint: 'The app registration with User.Read.All.' },
    { name: 'group-ids', label: 'Only members of these groups', hint: 'Group IDs separated by commas; empty reads every user.' },
    { name: 'authority-host', label: 'Sign-in host', hint: 'Only for a national cloud; empty means Microsoft’s public cloud.' },
    { name: 'graph-url', label: 'Graph address', hint: 'Only for a national cloud; empty means Microsoft’s public cloud.' },
    { name: 'trust-store', label: 'Trust store file', hint: 'A file on the server with the CAs to trust; empty uses the server’s own.' },
    { name: 'default-region', label: 'Default phone region', hint: 'For numbers written without a country code, such as DE.' },
  ],
};
const SECRETS = {
  ldap: [
    { name: 'password', label: 'Bind password' },
    { name: 'trust-store-password', label: 'Trust store password' },
  ],
  entra: [
    { name: 'client-secret', label: 'Client secret' },
    { name: 'trust-store-password', label: 'Trust store password' },
  ],
};
const KIND_LABELS = { ldap: 'LDAP', entra: 'Entra ID' };
const STEP_NAMES = { connect: 'Connect', bind: 'Bind', 'base DN': 'Base DN', search: 'Search', settings: 'Settings' };

// Which field an error is about, by what the server's message says; else any setting it names.
const MESSAGE_FIELDS = [
  [/allow-insecure/i, 'allow-insecure'],
  [/source id|There is a source .* already/i, 'id'],
  [/source kind/i, 'kind'],
  [/LDAP URLs?|server URL|ldap:\/\/ or ldaps:\/\//i, 'url'],
  [/bind DN/i, 'bind-dn'],
  [/base DN/i, 'base-dn'],
  [/^(source [^:]+: )?filter "/i, 'filter'],
  [/identity attribute/i, 'id-attribute'],
  [/changes can be tracked|content synchronisation/i, 'change-attribute'],
  [/trust store/i, 'trust-store'],
  [/tenant id/i, 'tenant-id'],
  [/client id/i, 'client-id'],
];

// ---------------------------------------------------------------------------------------
// Elements and state

const el = {
  alert: byId('alert'),
  alertMessage: byId('alert-message'),
  alertDismiss: byId('alert-dismiss'),
  status: byId('status'),
  add: byId('add-source'),
  reload: byId('reload'),
  empty: byId('sources-empty'),
  wrap: byId('sources-wrap'),
  body: byId('sources-body'),
  confirm: byId('delete-confirm'),
  confirmText: byId('delete-confirm-text'),
  confirmYes: byId('delete-yes'),
  confirmNo: byId('delete-no'),
  testPanel: byId('test-panel'),
  testHeading: byId('test-heading'),
  testClose: byId('test-close'),
  testVerdict: byId('test-verdict'),
  testSteps: byId('test-steps'),
  testMatching: byId('test-matching'),
  testSampleWrap: byId('test-sample-wrap'),
  testSampleBody: byId('test-sample-body'),
  formPanel: byId('source-form-panel'),
  formHeading: byId('form-heading'),
  formClose: byId('form-close'),
  form: byId('source-form'),
  formError: byId('form-error'),
  id: byId('source-id'),
  name: byId('source-name'),
  kind: byId('source-kind'),
  precedence: byId('source-precedence'),
  enabled: byId('source-enabled'),
  settingsLegend: byId('settings-legend'),
  settingsFields: byId('settings-fields'),
  otherSettings: byId('other-settings'),
  secretFields: byId('secret-fields'),
  save: byId('form-save'),
  cancel: byId('form-cancel'),
};

const state = {
  sources: [],
  editing: null, // the source being changed, or null when adding
  deleting: null,
  returnFocus: null,
};

const alerts = alertRegion({ region: el.alert, message: el.alertMessage, dismiss: el.alertDismiss });

function announce(message) {
  el.status.textContent = message;
}

// ---------------------------------------------------------------------------------------
// The list

function reads(source) {
  const settings = source.settings ?? {};
  if (source.kind === 'ldap') {
    const urls = Array.isArray(source.urls) && source.urls.length > 0 ? source.urls.join(' ') : settings.url ?? '';
    return [`${urls}`, settings['base-dn'] ? `under ${settings['base-dn']}` : ''].filter(Boolean);
  }
  if (source.kind === 'entra') {
    return [`tenant ${settings['tenant-id'] ?? '—'}`, settings['group-ids'] ? `groups ${settings['group-ids']}` : 'every user'];
  }
  return ['—'];
}

function secretsText(source) {
  const set = new Set(Array.isArray(source.secretsSet) ? source.secretsSet : []);
  const names = SECRETS[source.kind] ?? [];
  if (names.length === 0) return '—';
  return names.map((secret) => `${secret.label}: ${set.has(secret.name) ? 'set' : 'not set'}`);
}

function actionButton(label, action, source, extraLabel) {
  const button = create('button', action === 'delete' ? 'button button--quiet' : 'button', label);
  button.type = 'button';
  button.dataset.action = action;
  button.dataset.sourceId = source.id;
  button.setAttribute('aria-label', `${extraLabel} ${source.name || source.id}`);
  return button;
}

function renderSources() {
  const rows = state.sources.map((source) => {
    const tr = document.createElement('tr');
    tr.dataset.sourceId = source.id;
    const head = create('th', 'source-name');
    head.scope = 'row';
    head.append(create('span', 'source-name__name', source.name || source.id), create('span', 'cell-note', `ID ${source.id}`));
    const kind = create('td', '', KIND_LABELS[source.kind] ?? String(source.kind ?? '—'));
    const precedence = create('td', 'num', formatNumber(source.precedence));
    const what = create('td', 'reads');
    for (const line of reads(source)) what.append(create('span', 'detail', line));
    const secrets = create('td', 'secrets');
    const secretLines = secretsText(source);
    for (const line of Array.isArray(secretLines) ? secretLines : [secretLines]) secrets.append(create('span', 'detail', line));

    const stateCell = create('td');
    stateCell.append(create('span', source.enabled ? 'badge badge--ok' : 'badge', source.enabled ? 'Enabled' : 'Disabled'));
    if (source.insecure) {
      stateCell.append(create('span', 'badge badge--bad', 'Insecure'),
        create('span', 'cell-note', 'The bind password travels in clear text (plain ldap://, allowed by allow-insecure)'));
    }
    const configured = source.managedBy === 'configuration';
    if (configured) {
      stateCell.append(create('span', 'cell-note', source.demo
        ? 'The built-in demo directory, set in the server’s configuration: read-only here'
        : 'Set in the server’s configuration: read-only here'));
    }

    const actions = create('td', 'actions');
    actions.append(actionButton('Test', 'test', source, 'Test the connection of'));
    if (!configured) {
      actions.append(actionButton('Change', 'edit', source, 'Change'), actionButton('Remove', 'delete', source, 'Remove'));
    }
    tr.append(head, kind, precedence, what, secrets, stateCell, actions);
    return tr;
  });
  el.body.replaceChildren(...rows);
  el.wrap.hidden = rows.length === 0;
  el.empty.hidden = rows.length !== 0;
}

async function load({ announceIt = true } = {}) {
  try {
    const sources = await api(SOURCES_URL);
    state.sources = Array.isArray(sources) ? sources : [];
  } catch (error) {
    alerts.show(`The sources could not be loaded. ${error.message}`, 'load');
    announce('The sources could not be loaded.');
    return;
  }
  alerts.clear('load');
  renderSources();
  if (announceIt) {
    const count = state.sources.length;
    announce(count === 0 ? 'Roster reads no source yet.' : `${count} ${count === 1 ? 'source' : 'sources'}.`);
  }
}

const findSource = (id) => state.sources.find((source) => source.id === id);

// ---------------------------------------------------------------------------------------
// Connection test

async function testSource(button) {
  const source = findSource(button.dataset.sourceId);
  if (!source) return;
  const label = source.name || source.id;
  announce(`Testing ${label}…`);
  await whileBusy(button, async () => {
    let report;
    try {
      report = await api(`${sourceUrl(source.id)}/test`, { method: 'POST' });
    } catch (error) {
      alerts.show(`The connection test of ${label} could not be run. ${error.message}`, 'test');
      announce(`The connection test of ${label} could not be run.`);
      return;
    }
    alerts.clear('test');
    renderTest(label, report);
    announce(report?.ok ? `The connection to ${label} works.` : `The connection to ${label} does not work: see the steps.`);
    el.testHeading.focus();
  });
}

function stepLabel(name) {
  const text = String(name ?? '');
  for (const [key, label] of Object.entries(STEP_NAMES)) {
    if (text === key || text.startsWith(`${key} `)) return `${label}${text.slice(key.length)}`;
  }
  return sentence(text).replace(/\.$/, '');
}

function renderTest(label, report) {
  setText(el.testHeading, `Connection test of ${label}`);
  const ok = report?.ok === true;
  el.testVerdict.replaceChildren(
    create('span', ok ? 'badge badge--ok' : 'badge badge--bad', ok ? 'Works' : 'Does not work'),
    create('span', '', ok ? ' Roster can read this source.' : ' Roster can’t read this source yet: the failed step says why.'),
  );
  const steps = Array.isArray(report?.steps) ? report.steps : [];
  el.testSteps.replaceChildren(...steps.map((step) => {
    const li = create('li', step.ok ? 'step step--ok' : 'step step--bad');
    li.append(create('span', 'step__mark', step.ok ? '✓ OK' : '✗ Failed'), create('span', 'step__name', stepLabel(step.name)),
      create('span', 'step__detail', sentence(step.detail)));
    return li;
  }));
  const matching = Number(report?.matching);
  let matches = '';
  if (Number.isFinite(matching) && matching >= 0) {
    const count = formatNumber(matching);
    matches = report.capped ? `At least ${count} entries match the filter.` : `${count} ${matching === 1 ? 'entry matches' : 'entries match'} the filter.`;
  }
  setText(el.testMatching, matches);
  el.testMatching.hidden = matches === '';

  const sample = Array.isArray(report?.sample) ? report.sample : [];
  el.testSampleBody.replaceChildren(...sample.map((entry) => {
    const tr = document.createElement('tr');
    const id = create('th', '', String(entry.id ?? 'Unknown'));
    id.scope = 'row';
    const outcome = create('td', '', sentence(entry.outcome).replace(/\.$/, ''));
    const rule = create('td', '', entry.rule ? String(entry.rule) : '—');
    const fields = create('td', 'details');
    const released = entry.released ?? {};
    const names = Object.keys(released);
    if (entry.reason) fields.append(create('span', 'detail', sentence(entry.reason)));
    else if (names.length === 0) fields.append(create('span', 'muted', 'None'));
    for (const name of names) {
      const line = create('span', 'detail');
      line.append(create('span', 'detail__label', `${name}: `), create('span', '', String(released[name])));
      fields.append(line);
    }
    tr.append(id, outcome, rule, fields);
    return tr;
  }));
  el.testSampleWrap.hidden = sample.length === 0;
  el.testPanel.hidden = false;
}

// ---------------------------------------------------------------------------------------
// Adding and changing

const settingInputId = (name) => `setting-${name}`;
const secretInputId = (name) => `secret-${name}`;

function renderKindFields(kind, source) {
  const settings = source?.settings ?? {};
  setText(el.settingsLegend, `${KIND_LABELS[kind] ?? 'Source'} settings`);
  el.settingsFields.replaceChildren(...(SETTINGS[kind] ?? []).map((spec) => {
    const id = settingInputId(spec.name);
    if (spec.type === 'checkbox') {
      const wrap = create('div', 'check field-check');
      wrap.dataset.setting = spec.name;
      const input = create('input');
      input.type = 'checkbox';
      input.id = id;
      input.checked = String(settings[spec.name] ?? '') === 'true';
      const label = create('label', '', spec.label);
      label.htmlFor = id;
      wrap.append(input, label);
      return wrap;
    }
    const field = create('div', 'field');
    field.dataset.setting = spec.name;
    const label = create('label', '', spec.required ? `${spec.label} (required)` : spec.label);
    label.htmlFor = id;
    const input = create('input');
    input.type = 'text';
    input.id = id;
    input.spellcheck = false;
    input.autocomplete = 'off';
    input.required = Boolean(spec.required);
    input.value = settings[spec.name] ?? '';
    field.append(label, input);
    if (spec.hint) {
      const hint = create('p', 'hint', spec.hint);
      hint.id = `${id}-hint`;
      input.setAttribute('aria-describedby', hint.id);
      field.append(hint);
    }
    return field;
  }));

  const offered = new Set((SETTINGS[kind] ?? []).map((spec) => spec.name));
  const others = Object.keys(settings).filter((name) => !offered.has(name)).sort();
  setText(el.otherSettings, others.length === 0 ? '' : `Also set, and kept as they are: ${others.join(', ')}.`);
  el.otherSettings.hidden = others.length === 0;

  const set = new Set(Array.isArray(source?.secretsSet) ? source.secretsSet : []);
  el.secretFields.replaceChildren(...(SECRETS[kind] ?? []).map((spec) => {
    const id = secretInputId(spec.name);
    const field = create('div', 'field');
    field.dataset.setting = spec.name;
    const label = create('label', '', spec.label);
    label.htmlFor = id;
    const now = create('p', 'secret-state', set.has(spec.name) ? 'Currently: set' : 'Currently: not set');
    now.id = `${id}-state`;
    const input = create('input');
    input.type = 'password';
    input.id = id;
    input.autocomplete = 'new-password';
    input.placeholder = set.has(spec.name) ? 'Type a new one to replace it' : 'Type it to set it';
    input.setAttribute('aria-describedby', now.id);
    field.append(label, now, input);
    if (set.has(spec.name)) {
      const clear = create('div', 'check');
      const box = create('input');
      box.type = 'checkbox';
      box.id = `${id}-clear`;
      const boxLabel = create('label', '', `Clear the ${spec.label.toLowerCase()}`);
      boxLabel.htmlFor = box.id;
      clear.append(box, boxLabel);
      field.append(clear);
    }
    return field;
  }));
}

function openForm(source, trigger) {
  state.editing = source ?? null;
  state.returnFocus = trigger ?? el.add;
  clearFieldErrors(el.form);
  el.formError.hidden = true;
  el.form.reset();
  const editing = state.editing !== null;
  setText(el.formHeading, editing ? `Change ${source.name || source.id}` : 'Add a source');
  setText(el.save, editing ? 'Save the changes' : 'Add the source');
  el.id.value = editing ? source.id : '';
  el.id.readOnly = editing;
  el.name.value = editing ? source.name ?? '' : '';
  el.kind.value = editing ? source.kind : 'ldap';
  el.kind.disabled = editing;
  el.precedence.value = editing ? String(source.precedence) : '100';
  el.enabled.checked = editing ? source.enabled !== false : true;
  renderKindFields(el.kind.value, source);
  el.formPanel.hidden = false;
  el.add.setAttribute('aria-expanded', 'true');
  el.formHeading.focus();
}

function closeForm({ restoreFocus = true } = {}) {
  const wasOpen = !el.formPanel.hidden;
  el.formPanel.hidden = true;
  el.add.setAttribute('aria-expanded', 'false');
  // No secret stays in the page once the form is closed.
  for (const input of el.secretFields.querySelectorAll('input[type="password"]')) input.value = '';
  state.editing = null;
  if (wasOpen && restoreFocus) (state.returnFocus ?? el.add).focus();
}

function formRequest() {
  const kind = el.kind.value;
  const original = state.editing?.settings ?? {};
  const offered = SETTINGS[kind] ?? [];
  const settings = {};
  // Settings the form does not offer are kept as they are (PUT replaces all of them).
  if (state.editing && state.editing.kind === kind) {
    const names = new Set(offered.map((spec) => spec.name));
    for (const [name, value] of Object.entries(original)) if (!names.has(name)) settings[name] = value;
  }
  for (const spec of offered) {
    const input = byId(settingInputId(spec.name));
    if (spec.type === 'checkbox') {
      if (input.checked) settings[spec.name] = 'true';
      else if (spec.name in original) settings[spec.name] = 'false';
    } else if (input.value.trim() !== '') {
      settings[spec.name] = input.value.trim();
    }
  }
  const secrets = {};
  for (const spec of SECRETS[kind] ?? []) {
    const input = byId(secretInputId(spec.name));
    const clear = document.getElementById(`${secretInputId(spec.name)}-clear`);
    if (clear?.checked) secrets[spec.name] = '';
    else if (input.value !== '') secrets[spec.name] = input.value;
  }
  const precedence = Number.parseInt(el.precedence.value, 10);
  return {
    id: el.id.value.trim(),
    kind,
    name: el.name.value.trim() || undefined,
    precedence: Number.isFinite(precedence) ? precedence : undefined,
    enabled: el.enabled.checked,
    settings,
    secrets,
  };
}

/** The control a message from the server is about, if the page can tell. */
function controlFor(message, kind) {
  const named = (name) => {
    if (name === 'id') return el.id;
    if (name === 'kind') return el.kind;
    return document.getElementById(settingInputId(name)) ?? document.getElementById(secretInputId(name));
  };
  for (const [pattern, name] of MESSAGE_FIELDS) {
    if (pattern.test(message)) {
      const control = named(name);
      if (control) return control;
    }
  }
  const names = [...(SETTINGS[kind] ?? []), ...(SECRETS[kind] ?? [])].map((spec) => spec.name)
    .sort((a, b) => b.length - a.length);
  const found = names.find((name) => new RegExp(`(^|[^a-z-])${name.replace(/-/g, '\\-')}($|[^a-z-])`).test(message));
  return found ? named(found) : null;
}

/** A local check first, so the obvious is said without a round trip; the server checks everything. */
function checkRequired(request) {
  const missing = [];
  if (!state.editing && request.id === '') missing.push([el.id, 'Give the source an ID, such as “hr”.']);
  for (const spec of SETTINGS[request.kind] ?? []) {
    if (spec.required && !(spec.name in request.settings)) {
      missing.push([byId(settingInputId(spec.name)), `${spec.label} is required.`]);
    }
  }
  return missing;
}

async function saveSource(event) {
  event.preventDefault();
  clearFieldErrors(el.form);
  el.formError.hidden = true;
  const request = formRequest();
  const missing = checkRequired(request);
  if (missing.length > 0) {
    for (const [control, message] of missing) showFieldError(control, message);
    announce(missing.length === 1 ? 'One field needs attention.' : `${missing.length} fields need attention.`);
    missing[0][0].focus();
    return;
  }
  const editing = state.editing;
  await whileBusy(el.save, async () => {
    let saved;
    try {
      saved = editing
        ? await api(sourceUrl(editing.id), { method: 'PUT', body: { ...request, id: editing.id } })
        : await api(SOURCES_URL, { method: 'POST', body: request });
    } catch (error) {
      const control = error.status === 400 || error.status === 409 ? controlFor(error.message, request.kind) : null;
      if (control) {
        showFieldError(control, error.message);
        control.focus();
      } else {
        setText(el.formError, error.message);
        el.formError.hidden = false;
        el.formError.focus?.();
      }
      announce(editing ? 'The changes were not saved.' : 'The source was not added.');
      return;
    }
    const label = saved?.name || request.name || request.id;
    closeForm({ restoreFocus: false });
    await load({ announceIt: false });
    const cleared = Array.isArray(saved?.secretsCleared) && saved.secretsCleared.length > 0 && saved.notice
      ? ` ${saved.notice}` : '';
    announce(editing ? `${label} is saved.${cleared}` : `${label} is added. Test it to see that Roster can read it.`);
    const test = el.body.querySelector(`button[data-action="test"][data-source-id="${CSS.escape(saved?.id ?? request.id)}"]`);
    (test ?? el.add).focus();
  });
}

// ---------------------------------------------------------------------------------------
// Removing

function askDelete(button) {
  const source = findSource(button.dataset.sourceId);
  if (!source) return;
  state.deleting = source;
  state.returnFocus = button;
  setText(el.confirmText, `Remove ${source.name || source.id}? Roster stops reading it; the next complete run `
    + 'withdraws the contacts only this source provided.');
  button.closest('td').append(el.confirm);
  el.confirm.hidden = false;
  el.confirmNo.focus();
}

function hideDelete({ restoreFocus = true } = {}) {
  const wasOpen = !el.confirm.hidden;
  el.confirm.hidden = true;
  state.deleting = null;
  if (wasOpen && restoreFocus) state.returnFocus?.focus();
}

async function deleteSource() {
  const source = state.deleting;
  if (!source) return;
  const label = source.name || source.id;
  try {
    await api(sourceUrl(source.id), { method: 'DELETE' });
  } catch (error) {
    alerts.show(`${label} was not removed. ${error.message}`, 'delete');
    return;
  }
  alerts.clear('delete');
  hideDelete({ restoreFocus: false });
  // Keep the confirmation out of the rows about to be rebuilt.
  el.wrap.after(el.confirm);
  await load({ announceIt: false });
  announce(`${label} is removed.`);
  el.add.focus();
}

// ---------------------------------------------------------------------------------------
// Wiring

el.reload.addEventListener('click', () => whileBusy(el.reload, () => load()));
el.add.addEventListener('click', () => openForm(null, el.add));
el.formClose.addEventListener('click', () => closeForm());
el.cancel.addEventListener('click', () => closeForm());
el.form.addEventListener('submit', saveSource);
el.formPanel.addEventListener('keydown', (event) => {
  if (event.key === 'Escape') closeForm();
});
el.kind.addEventListener('change', () => {
  clearFieldErrors(el.form);
  renderKindFields(el.kind.value, null);
});
el.testClose.addEventListener('click', () => {
  el.testPanel.hidden = true;
  el.add.focus();
});
el.body.addEventListener('click', (event) => {
  const button = event.target.closest('button[data-action]');
  if (!button) return;
  if (button.dataset.action === 'test') testSource(button);
  else if (button.dataset.action === 'edit') openForm(findSource(button.dataset.sourceId), button);
  else if (button.dataset.action === 'delete') askDelete(button);
});
el.confirmNo.addEventListener('click', () => hideDelete());
el.confirmYes.addEventListener('click', () => whileBusy(el.confirmYes, deleteSource));
el.confirm.addEventListener('keydown', (event) => {
  if (event.key === 'Escape') hideDelete();
});

if (await startPage('sources', { say: (message) => alerts.show(message, 'session') })) {
  await load();
} else {
  el.add.hidden = true;
  announce('This page is not for your account.');
}
