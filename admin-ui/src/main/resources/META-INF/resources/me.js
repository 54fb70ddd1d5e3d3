// My page: what Roster holds about the signed-in employee and why, the colleagues they receive,
// and their choices: opting out, linking Telegram, and an address book for their phone.
//
// Every piece of server data reaches the page through textContent or element properties, never
// through innerHTML: names, reasons and device names come from the directory or from people and
// must be treated as untrusted text. The server's Content-Security-Policy forbids inline scripts
// and styles, so all behaviour lives here (and in common.js) and all looks in style.css.

import {
  alertRegion, api, byId, create, parseDate, setText, shortDateTimeFormat, startPage, whileBusy,
} from './common.js';

// Paths are relative so the page keeps working if the application gets a context root.
const ME_URL = 'api/me';
const OPT_OUT_URL = 'api/me/opt-out';
const CONSENT_URL = 'api/me/consent';
const TELEGRAM_URL = 'api/me/telegram';
const TELEGRAM_CODE_URL = 'api/me/telegram/code';
const TELEGRAM_PASSWORD_URL = 'api/me/telegram/password';
const ADDRESS_BOOK_URL = 'api/me/address-book';
const APP_PASSWORDS_URL = 'api/me/app-passwords';
const appPasswordUrl = (id) => `${APP_PASSWORDS_URL}/${encodeURIComponent(id)}`;

// ---------------------------------------------------------------------------------------
// Formatting

// In the order a person reads about themselves; fields the page doesn't know follow, by name.
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
const NAME_FIELDS = new Set(['displayName', 'givenName', 'surname']);

function fieldLabel(name) {
  if (FIELD_LABELS[name]) return FIELD_LABELS[name];
  const words = String(name).replace(/([a-z0-9])([A-Z])/g, '$1 $2').replace(/[-_]+/g, ' ').toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

function byFieldOrder(a, b) {
  const rank = (name) => (FIELD_ORDER.includes(name) ? FIELD_ORDER.indexOf(name) : FIELD_ORDER.length);
  return rank(a) - rank(b) || a.localeCompare(b);
}

// Where a colleague's delivery stands; the word carries the meaning, the tone only reinforces it.
const DELIVERY = {
  recorded: { label: 'Recorded for your address book', tone: 'ok' },
  planned: { label: 'Planned, not delivered yet', tone: 'pending' },
  imported: { label: 'Imported into your Telegram', tone: 'ok' },
  not_on_telegram: { label: 'Not on Telegram', tone: 'neutral' },
  pending_retry: { label: 'Waiting to retry', tone: 'pending' },
  failed: { label: 'Failed', tone: 'bad' },
  kept_own: { label: 'Your own contact, left as it was', tone: 'neutral' },
  not_linked: { label: 'Telegram not linked', tone: 'neutral' },
};

function delivery(state) {
  const known = DELIVERY[state];
  if (known) return known;
  const text = String(state ?? 'unknown').replace(/[-_]+/g, ' ');
  return { label: text.charAt(0).toUpperCase() + text.slice(1), tone: 'neutral' };
}

/** The server describes Telegram's state in clauses ("not linked: link your …"); shown as sentences. */
function sentence(text) {
  const trimmed = String(text ?? '').trim();
  if (trimmed === '') return '';
  const capitalised = trimmed.charAt(0).toUpperCase() + trimmed.slice(1);
  return /[.!?]$/.test(capitalised) ? capitalised : `${capitalised}.`;
}

function formatWhen(iso, otherwise = '—') {
  const date = parseDate(iso);
  return date ? shortDateTimeFormat.format(date) : otherwise;
}

function colleaguesText(count) {
  if (typeof count !== 'number' || !Number.isFinite(count)) return '—';
  if (count === 0) return 'Nobody';
  return count === 1 ? '1 colleague' : `${count} colleagues`;
}

function contactName(contact) {
  const fields = contact.fields ?? {};
  if (typeof fields.displayName === 'string' && fields.displayName.trim() !== '') return fields.displayName;
  const joined = [fields.givenName, fields.surname].filter((part) => typeof part === 'string' && part !== '').join(' ');
  return joined !== '' ? joined : String(contact.id ?? '');
}

// ---------------------------------------------------------------------------------------
// Elements

const el = {
  alert: byId('alert'),
  alertMessage: byId('alert-message'),
  alertDismiss: byId('alert-dismiss'),
  status: byId('status'),
  reload: byId('reload'),

  heldSection: byId('held-section'),
  heldId: byId('held-id'),
  heldStatus: byId('held-status'),
  heldDelivered: byId('held-delivered'),
  heldIncluded: byId('held-included'),
  heldRule: byId('held-rule'),
  heldReason: byId('held-reason'),
  heldSeenBy: byId('held-seen-by'),
  fieldsWrap: byId('fields-wrap'),
  fieldsBody: byId('fields-body'),
  fieldsEmpty: byId('fields-empty'),
  optOutState: byId('opt-out-state'),
  optOutEffect: byId('opt-out-effect'),
  optOutButton: byId('opt-out-button'),
  consent: byId('consent'),
  consentState: byId('consent-state'),
  consentEffect: byId('consent-effect'),
  consentButton: byId('consent-button'),

  seenBySection: byId('seen-by-section'),
  seenBySummary: byId('seen-by-summary'),
  seenByWrap: byId('seen-by-wrap'),
  seenByBody: byId('seen-by-body'),

  contactsSection: byId('contacts-section'),
  contactsEmpty: byId('contacts-empty'),
  contactsWrap: byId('contacts-wrap'),
  contactsBody: byId('contacts-body'),

  telegramSection: byId('telegram-section'),
  telegramHeading: byId('telegram-heading'),
  telegramRefresh: byId('telegram-refresh'),
  telegramUnavailable: byId('telegram-unavailable'),
  telegramAvailable: byId('telegram-available'),
  telegramDescription: byId('telegram-description'),
  telegramLinkedAt: byId('telegram-linked-at'),
  telegramStart: byId('telegram-start'),
  telegramLink: byId('telegram-link'),
  telegramCodeForm: byId('telegram-code-form'),
  telegramCode: byId('telegram-code'),
  telegramCodeSend: byId('telegram-code-send'),
  telegramPasswordForm: byId('telegram-password-form'),
  telegramPassword: byId('telegram-password'),
  telegramPasswordHint: byId('telegram-password-hint'),
  telegramPasswordSend: byId('telegram-password-send'),
  telegramUnlinkArea: byId('telegram-unlink-area'),
  telegramUnlink: byId('telegram-unlink'),
  telegramConfirm: byId('telegram-confirm'),
  telegramUnlinkYes: byId('telegram-unlink-yes'),
  telegramRemoveColleagues: byId('telegram-remove-colleagues'),
  telegramUnlinkNo: byId('telegram-unlink-no'),

  book: byId('address-book'),
  bookHeading: byId('address-book-heading'),
  bookUrl: byId('book-url'),
  bookWellKnown: byId('book-well-known'),
  bookUsername: byId('book-username'),
  passwordForm: byId('app-password-form'),
  passwordLabel: byId('app-password-label'),
  passwordMake: byId('app-password-make'),
  newPassword: byId('new-password'),
  newPasswordHeading: byId('new-password-heading'),
  newPasswordFor: byId('new-password-for'),
  newPasswordValue: byId('new-password-value'),
  newPasswordDone: byId('new-password-done'),
  passwordsEmpty: byId('passwords-empty'),
  passwordsWrap: byId('passwords-wrap'),
  passwordsBody: byId('passwords-body'),
};

// ---------------------------------------------------------------------------------------
// State, alert and status

const state = {
  me: null,
  link: null,
  book: null,
  loading: null,
  newPasswordId: null,
};

const alerts = alertRegion({ region: el.alert, message: el.alertMessage, dismiss: el.alertDismiss });

/** Says what just happened in the live status region; set every time, so a repeat is announced too. */
function announce(message) {
  el.status.textContent = message;
}

// ---------------------------------------------------------------------------------------
// What Roster holds about me, and the opt-out

function renderHeld(me) {
  const held = me.held ?? {};
  const scope = held.scope ?? {};
  setText(el.heldId, String(held.id ?? '—'));
  if (held.status === 'GONE') {
    setText(el.heldStatus, `No longer: you left the directory on ${formatWhen(held.goneAt)}`);
  } else {
    setText(el.heldStatus, typeof held.lastSeenRun === 'number' ? `Yes, read in run ${held.lastSeenRun}` : 'Yes');
  }
  setText(el.heldDelivered, scope.delivered
    ? 'Shared with the colleagues the policy names'
    : 'Shared with nobody');
  setText(el.heldIncluded, scope.included
    ? 'You receive the colleagues the policy shares with you'
    : 'You receive none');
  setText(el.heldRule, typeof scope.rule === 'string' && scope.rule !== '' ? scope.rule : '—');
  setText(el.heldReason, typeof scope.reason === 'string' && scope.reason !== '' ? scope.reason : '—');
  setText(el.heldSeenBy, colleaguesText(me.seenBy));

  const values = held.held ?? {};
  const released = new Set(Array.isArray(held.released) ? held.released : []);
  const withheld = held.withheld ?? {};
  const rows = Object.keys(values).sort(byFieldOrder).map((name) => {
    const tr = document.createElement('tr');
    tr.dataset.field = name;
    const label = create('th', '', fieldLabel(name));
    label.scope = 'row';
    const value = create('td', 'value', String(values[name]));
    const shared = create('td');
    if (released.has(name)) {
      shared.append(create('span', 'badge badge--ok', 'Released'));
    } else {
      shared.append(create('span', 'badge', 'Withheld'));
      const rule = withheld[name];
      if (typeof rule === 'string' && rule !== '') shared.append(create('span', 'cell-note', `by rule ${rule}`));
    }
    tr.append(label, value, shared);
    return tr;
  });
  el.fieldsBody.replaceChildren(...rows);
  el.fieldsWrap.hidden = rows.length === 0;
  el.fieldsEmpty.hidden = rows.length !== 0;
  el.heldSection.hidden = false;
}

function renderOptOut(me) {
  if (me.optedOut) {
    // The last run decided by the opt-out: it is in effect, not merely chosen.
    const applied = me.held?.scope?.rule === 'opt-out';
    setText(el.optOutState, 'You have opted out.');
    setText(el.optOutEffect, applied
      ? 'Nobody receives your contact and you receive no colleagues. Opting back in takes effect at the next run.'
      : 'From the next run nobody receives your contact and you receive no colleagues. '
        + 'Opting back in also takes effect at the next run.');
    setText(el.optOutButton, 'Opt back in');
  } else {
    setText(el.optOutState, 'You have not opted out.');
    setText(el.optOutEffect, 'If you opt out, from the next run nobody receives your contact and you '
      + 'receive no colleagues. It takes effect at the next run.');
    setText(el.optOutButton, 'Opt out');
  }
}

// Consent: shown only when the active policy shares the contacts of those who opted in.
function renderConsent(me) {
  el.consent.hidden = !me.consentRequired;
  if (!me.consentRequired) return;
  if (me.optedIn) {
    setText(el.consentState, 'You have given your consent.');
    setText(el.consentEffect, 'Colleagues the policy names receive your contact. Withdrawing takes effect at the next run.');
    setText(el.consentButton, 'Withdraw consent');
  } else {
    setText(el.consentState, 'You have not given your consent.');
    setText(el.consentEffect, 'The policy shares only the contacts of employees who consent. If you consent, '
      + 'from the next run the colleagues the policy names receive your contact.');
    setText(el.consentButton, 'Give consent');
  }
}

async function toggleConsent() {
  if (!state.me) return;
  const consenting = !state.me.optedIn;
  alerts.clear('consent');
  let result;
  try {
    result = await api(CONSENT_URL, { method: consenting ? 'POST' : 'DELETE' });
  } catch (error) {
    alerts.show(error.message, 'consent');
    return;
  }
  state.me = { ...state.me, optedIn: typeof result?.optedIn === 'boolean' ? result.optedIn : consenting };
  renderConsent(state.me);
  announce(state.me.optedIn
    ? 'You have given your consent. This takes effect at the next run.'
    : 'You have withdrawn your consent. This takes effect at the next run.');
}

async function toggleOptOut() {
  if (!state.me) return;
  const optingOut = !state.me.optedOut;
  alerts.clear('opt-out');
  let result;
  try {
    result = await api(OPT_OUT_URL, { method: optingOut ? 'POST' : 'DELETE' });
  } catch (error) {
    alerts.show(error.message, 'opt-out');
    return;
  }
  state.me = { ...state.me, optedOut: typeof result?.optedOut === 'boolean' ? result.optedOut : optingOut };
  renderOptOut(state.me);
  const when = typeof result?.effective === 'string' && result.effective !== '' ? result.effective : 'at the next run';
  announce(state.me.optedOut
    ? `You have opted out. This takes effect ${when}.`
    : `You have opted back in. This takes effect ${when}.`);
}

// ---------------------------------------------------------------------------------------
// Who has my contact

/** "a", "a and b", "a, b and c": the rules in a sentence. */
function listInWords(items) {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}

function seenBySentence(count, listed, rules) {
  if (typeof count !== 'number' || count === 0) return 'Nobody receives your number.';
  const who = count === 1 ? 'This colleague receives' : `These ${count} colleagues receive`;
  const through = rules.length === 0 ? ''
    : `, through the ${rules.length === 1 ? 'rule' : 'rules'} ${listInWords(rules)}`;
  const more = listed < count ? ` The first ${listed} by name are listed.` : '';
  return `${who} your number${through}.${more}`;
}

// Each colleague shows only what the policy releases about them: a name it withholds shows as their id.
function renderSeenBy(me) {
  const colleagues = Array.isArray(me.seenByColleagues) ? me.seenByColleagues : [];
  const rules = [...new Set(colleagues.map((c) => c.rule).filter((r) => typeof r === 'string' && r !== ''))].sort();
  setText(el.seenBySummary, seenBySentence(me.seenBy, colleagues.length, rules));
  const rows = colleagues.map((colleague) => {
    const tr = document.createElement('tr');
    tr.dataset.viewerId = String(colleague.id ?? '');
    const name = create('th', 'name', contactName(colleague));
    name.scope = 'row';
    const department = colleague.fields?.department;
    const dept = typeof department === 'string' && department !== ''
      ? create('td', '', department)
      : create('td', 'muted', '—');
    const rule = create('td', '', typeof colleague.rule === 'string' && colleague.rule !== '' ? colleague.rule : '—');
    tr.append(name, dept, rule);
    return tr;
  });
  el.seenByBody.replaceChildren(...rows);
  el.seenByWrap.hidden = rows.length === 0;
  el.seenBySection.hidden = false;
}

// ---------------------------------------------------------------------------------------
// My colleagues

function renderContacts(me) {
  const contacts = Array.isArray(me.contacts?.contacts) ? me.contacts.contacts : [];
  const rows = contacts.map((contact) => {
    const tr = document.createElement('tr');
    tr.dataset.contactId = String(contact.id ?? '');
    const name = create('th', 'name', contactName(contact));
    name.scope = 'row';

    const details = create('td', 'details');
    const fields = contact.fields ?? {};
    const others = Object.keys(fields).filter((key) => !NAME_FIELDS.has(key)).sort(byFieldOrder);
    if (others.length === 0) details.append(create('span', 'muted', '—'));
    for (const key of others) {
      const line = create('span', 'detail');
      line.append(create('span', 'detail__label', `${fieldLabel(key)}: `), create('span', '', String(fields[key])));
      details.append(line);
    }

    const rule = create('td', '', typeof contact.rule === 'string' && contact.rule !== '' ? contact.rule : '—');

    const status = create('td', 'delivery');
    const { label, tone } = delivery(contact.state);
    status.append(create('span', `badge badge--${tone}`, label));
    if (typeof contact.reason === 'string' && contact.reason.trim() !== '') {
      status.append(create('span', 'cell-note', contact.reason.trim()));
    }
    tr.append(name, details, rule, status);
    return tr;
  });
  el.contactsBody.replaceChildren(...rows);
  el.contactsWrap.hidden = rows.length === 0;
  el.contactsEmpty.hidden = rows.length !== 0;
  if (rows.length === 0) {
    const scope = me.held?.scope ?? {};
    let why = 'You receive no colleagues yet. When the policy shares a colleague with you, they appear '
      + 'here after the next run.';
    if (me.optedOut) why = 'You receive no colleagues: you have opted out.';
    else if (scope.included === false) why = 'You receive no colleagues: the policy leaves you out (see “Why” above).';
    setText(el.contactsEmpty, why);
  }
  el.contactsSection.hidden = false;
}

// ---------------------------------------------------------------------------------------
// Telegram

// Statuses in which there is no session to end, only one to start.
const NOT_LINKED = new Set(['NOT_LINKED', 'CLOSED']);
const CAN_START = new Set(['NOT_LINKED', 'CLOSED', 'WAITING_FOR_REGISTRATION']);

function renderTelegram(link) {
  state.link = link;
  el.telegramSection.hidden = false;
  const available = link?.available === true;
  el.telegramUnavailable.hidden = available;
  el.telegramAvailable.hidden = !available;
  el.telegramRefresh.hidden = !available;
  if (!available) return;

  const status = String(link.status ?? '');
  setText(el.telegramDescription, sentence(link.description) || 'Roster could not tell where linking stands.');
  const linkedAt = parseDate(link.linkedAt);
  el.telegramLinkedAt.hidden = !linkedAt || status !== 'READY';
  setText(el.telegramLinkedAt, linkedAt ? `Linked on ${shortDateTimeFormat.format(linkedAt)}.` : '');

  el.telegramStart.hidden = !CAN_START.has(status);
  el.telegramCodeForm.hidden = status !== 'WAITING_FOR_CODE';
  el.telegramPasswordForm.hidden = status !== 'WAITING_FOR_PASSWORD';
  const hint = typeof link.passwordHint === 'string' ? link.passwordHint.trim() : '';
  el.telegramPasswordHint.hidden = hint === '';
  setText(el.telegramPasswordHint, hint === '' ? '' : `Your password hint: ${hint}`);
  if (status !== 'WAITING_FOR_PASSWORD') el.telegramPassword.value = '';

  el.telegramUnlinkArea.hidden = NOT_LINKED.has(status) || status === 'UNLINKING';
  if (el.telegramUnlinkArea.hidden) hideUnlinkConfirm({ restoreFocus: false });
}

/** Shows where linking now stands, and moves to the field the next step needs. */
function afterTelegramStep(link) {
  renderTelegram(link);
  alerts.clear('telegram');
  announce(sentence(link?.description) || 'Telegram linking has moved on.');
  if (link?.status === 'WAITING_FOR_CODE') el.telegramCode.focus();
  else if (link?.status === 'WAITING_FOR_PASSWORD') el.telegramPassword.focus();
  else el.telegramHeading.focus();
}

async function telegramStep(request) {
  let link;
  try {
    link = await request();
  } catch (error) {
    alerts.show(error.message, 'telegram');
    return false;
  }
  afterTelegramStep(link);
  return true;
}

async function loadTelegram({ announceIt = false } = {}) {
  try {
    renderTelegram(await api(TELEGRAM_URL));
    alerts.clear('telegram');
    if (announceIt) announce(sentence(state.link?.description) || 'Telegram is up to date.');
  } catch (error) {
    alerts.show(`Where your Telegram link stands could not be loaded. ${error.message}`, 'telegram');
  }
}

function showUnlinkConfirm() {
  // removing what Roster added is the default each time the question is asked
  el.telegramRemoveColleagues.checked = true;
  el.telegramConfirm.hidden = false;
  el.telegramUnlink.setAttribute('aria-expanded', 'true');
  el.telegramUnlinkNo.focus();
}

function hideUnlinkConfirm({ restoreFocus = true } = {}) {
  const wasOpen = !el.telegramConfirm.hidden;
  el.telegramConfirm.hidden = true;
  el.telegramUnlink.setAttribute('aria-expanded', 'false');
  if (wasOpen && restoreFocus) el.telegramUnlink.focus();
}

async function unlinkTelegram() {
  const remove = el.telegramRemoveColleagues.checked;
  let unlinking;
  try {
    unlinking = await api(`${TELEGRAM_URL}?colleagues=${remove ? 'remove' : 'keep'}`, { method: 'DELETE' });
  } catch (error) {
    alerts.show(error.message, 'telegram');
    return;
  }
  hideUnlinkConfirm({ restoreFocus: false });
  alerts.clear('telegram');
  await loadTelegram();
  if (unlinking) {
    // Telegram asked Roster to wait: the next run finishes removing and signs out
    announce(sentence(unlinking.description) || 'Telegram is being unlinked.');
  } else if (remove) {
    announce('Telegram is unlinked: Roster removed the colleagues it had added and signed out of your Telegram account.');
  } else {
    announce('Telegram is unlinked: Roster signed out of your Telegram account and left your colleagues there.');
  }
  el.telegramHeading.focus();
}

async function sendCode(event) {
  event.preventDefault();
  const code = el.telegramCode.value.trim();
  if (code === '') {
    el.telegramCode.setAttribute('aria-invalid', 'true');
    alerts.show('Enter the login code Telegram sent you.', 'telegram');
    el.telegramCode.focus();
    return;
  }
  el.telegramCode.removeAttribute('aria-invalid');
  await whileBusy(el.telegramCodeSend, async () => {
    if (await telegramStep(() => api(TELEGRAM_CODE_URL, { method: 'POST', body: { code } }))) {
      el.telegramCode.value = '';
    } else {
      el.telegramCode.focus();
    }
  });
}

async function sendPassword(event) {
  event.preventDefault();
  // Taken out of the field at once: the page keeps no copy of the password once it is sent.
  const password = el.telegramPassword.value;
  el.telegramPassword.value = '';
  if (password === '') {
    el.telegramPassword.setAttribute('aria-invalid', 'true');
    alerts.show('Enter the two-step verification password of your Telegram account.', 'telegram');
    el.telegramPassword.focus();
    return;
  }
  el.telegramPassword.removeAttribute('aria-invalid');
  await whileBusy(el.telegramPasswordSend, async () => {
    if (!(await telegramStep(() => api(TELEGRAM_PASSWORD_URL, { method: 'POST', body: { password } })))) {
      el.telegramPassword.focus();
    }
  });
}

// ---------------------------------------------------------------------------------------
// Address book and app passwords

function renderBook(book) {
  state.book = book;
  el.bookUrl.value = String(book?.url ?? '');
  el.bookWellKnown.value = String(book?.wellKnown ?? '');
  el.bookUsername.value = String(book?.username ?? '');

  const passwords = Array.isArray(book?.passwords) ? book.passwords : [];
  const rows = passwords.map((password) => {
    const tr = document.createElement('tr');
    tr.dataset.passwordId = String(password.id);
    const label = String(password.label ?? '');
    const device = create('th', 'device', label);
    device.scope = 'row';
    const made = create('td', '', formatWhen(password.createdAt));
    const used = create('td', parseDate(password.lastUsedAt) ? '' : 'muted', formatWhen(password.lastUsedAt, 'Not used yet'));
    const action = create('td', 'action');
    const revoke = create('button', 'button button--quiet', 'Revoke');
    revoke.type = 'button';
    revoke.dataset.passwordId = String(password.id);
    revoke.dataset.label = label;
    revoke.setAttribute('aria-label', `Revoke the app password for “${label}”`);
    action.append(revoke);
    tr.append(device, made, used, action);
    return tr;
  });
  el.passwordsBody.replaceChildren(...rows);
  el.passwordsWrap.hidden = rows.length === 0;
  el.passwordsEmpty.hidden = rows.length !== 0;
  el.book.hidden = false;
}

async function loadBook() {
  try {
    renderBook(await api(ADDRESS_BOOK_URL));
    alerts.clear('address-book');
    return true;
  } catch (error) {
    alerts.show(`Your address book could not be loaded. ${error.message}`, 'address-book');
    return false;
  }
}

function showNewPassword(created) {
  state.newPasswordId = String(created.id);
  setText(el.newPasswordFor, `App password for “${String(created.label ?? '')}”`);
  el.newPasswordValue.value = String(created.password ?? '');
  el.newPassword.hidden = false;
  el.newPasswordHeading.focus();
}

function hideNewPassword({ restoreFocus = true } = {}) {
  const wasShown = !el.newPassword.hidden;
  state.newPasswordId = null;
  el.newPasswordValue.value = '';
  el.newPassword.hidden = true;
  if (wasShown && restoreFocus) el.passwordLabel.focus();
}

async function makePassword(event) {
  event.preventDefault();
  const label = el.passwordLabel.value.trim();
  if (label === '') {
    el.passwordLabel.setAttribute('aria-invalid', 'true');
    alerts.show('Name the device the password is for, such as “My phone”, so you can revoke it later.', 'app-password');
    el.passwordLabel.focus();
    return;
  }
  el.passwordLabel.removeAttribute('aria-invalid');
  await whileBusy(el.passwordMake, async () => {
    let created;
    try {
      created = await api(APP_PASSWORDS_URL, { method: 'POST', body: { label } });
    } catch (error) {
      alerts.show(error.message, 'app-password');
      el.passwordLabel.focus();
      return;
    }
    alerts.clear('app-password');
    el.passwordLabel.value = '';
    await loadBook();
    showNewPassword(created);
    announce(`An app password was made for “${String(created.label ?? label)}”. Copy it now: it will not be shown again.`);
  });
}

async function revokePassword(button) {
  const id = button.dataset.passwordId;
  const label = button.dataset.label ?? '';
  const index = [...el.passwordsBody.querySelectorAll('button[data-password-id]')].indexOf(button);
  await whileBusy(button, async () => {
    try {
      await api(appPasswordUrl(id), { method: 'DELETE' });
    } catch (error) {
      alerts.show(error.message, 'app-password');
      return;
    }
    alerts.clear('app-password');
    if (state.newPasswordId === id) hideNewPassword({ restoreFocus: false });
    await loadBook();
    announce(`The app password for “${label}” is revoked: that device can no longer read your address book.`);
    const remaining = [...el.passwordsBody.querySelectorAll('button[data-password-id]')];
    const next = remaining[Math.min(index, remaining.length - 1)];
    if (next) next.focus();
    else el.bookHeading.focus();
  });
}

async function copyField(button) {
  const field = byId(button.dataset.copy);
  const what = (button.getAttribute('aria-label') ?? 'Copy it').replace(/^Copy\s*/, '');
  try {
    await navigator.clipboard.writeText(field.value);
    announce(`Copied ${what}.`);
  } catch {
    // No clipboard access (an insecure address, or a browser that asks first): select it instead.
    field.focus();
    field.select();
    announce(`Selected ${what}: press Ctrl+C (or ⌘+C) to copy it.`);
  }
}

// ---------------------------------------------------------------------------------------
// Loading

async function load() {
  const [me, link, book] = await Promise.allSettled([api(ME_URL), api(TELEGRAM_URL), api(ADDRESS_BOOK_URL)]);
  if (me.status === 'rejected') {
    const error = me.reason;
    const message = error?.status === 403
      ? 'This page is for employees, and your account is not one: it has no page of its own here.'
      : `What Roster holds about you could not be loaded. ${error?.message ?? ''}`.trim();
    alerts.show(message, 'me');
    announce('Your page could not be loaded.');
    return;
  }
  alerts.clear('me');
  state.me = me.value;
  renderHeld(state.me);
  renderOptOut(state.me);
  renderConsent(state.me);
  renderSeenBy(state.me);
  renderContacts(state.me);

  if (link.status === 'fulfilled') {
    renderTelegram(link.value);
    alerts.clear('telegram');
  } else {
    alerts.show(`Where your Telegram link stands could not be loaded. ${link.reason?.message ?? ''}`.trim(), 'telegram');
  }
  if (book.status === 'fulfilled') {
    renderBook(book.value);
    alerts.clear('address-book');
  } else {
    alerts.show(`Your address book could not be loaded. ${book.reason?.message ?? ''}`.trim(), 'address-book');
  }
  announce('Your page is up to date.');
}

/** Loads everything again; concurrent callers share one load. */
function reload() {
  if (!state.loading) {
    state.loading = load().finally(() => {
      state.loading = null;
    });
  }
  return state.loading;
}

// ---------------------------------------------------------------------------------------
// Wiring

el.reload.addEventListener('click', () => whileBusy(el.reload, reload));
el.optOutButton.addEventListener('click', () => whileBusy(el.optOutButton, toggleOptOut));
el.consentButton.addEventListener('click', () => whileBusy(el.consentButton, toggleConsent));

el.telegramRefresh.addEventListener('click', () => whileBusy(el.telegramRefresh, () => loadTelegram({ announceIt: true })));
el.telegramLink.addEventListener('click', () => whileBusy(el.telegramLink,
  () => telegramStep(() => api(TELEGRAM_URL, { method: 'POST' }))));
el.telegramCodeForm.addEventListener('submit', sendCode);
el.telegramPasswordForm.addEventListener('submit', sendPassword);
el.telegramUnlink.addEventListener('click', () => {
  if (el.telegramConfirm.hidden) showUnlinkConfirm();
  else hideUnlinkConfirm();
});
el.telegramUnlinkNo.addEventListener('click', () => hideUnlinkConfirm());
el.telegramUnlinkYes.addEventListener('click', () => whileBusy(el.telegramUnlinkYes, unlinkTelegram));
el.telegramConfirm.addEventListener('keydown', (event) => {
  if (event.key === 'Escape') hideUnlinkConfirm();
});

el.passwordForm.addEventListener('submit', makePassword);
el.newPasswordDone.addEventListener('click', () => hideNewPassword());
el.passwordsBody.addEventListener('click', (event) => {
  const button = event.target.closest('button[data-password-id]');
  if (button) revokePassword(button);
});
document.addEventListener('click', (event) => {
  const button = event.target.closest('button[data-copy]');
  if (button) copyField(button);
});

if (await startPage('me', { say: (message) => alerts.show(message, 'session') })) {
  await reload();
} else {
  announce('This page is not for your account.');
}
