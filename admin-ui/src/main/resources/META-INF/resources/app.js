// Runs page: lists the latest sync runs, starts new ones and shows one run in detail.
//
// Every piece of server data reaches the page through textContent or element properties,
// never through innerHTML: entry DNs and rejection reasons come from the directory and
// must be treated as untrusted text. The server's Content-Security-Policy forbids inline
// scripts and styles, so all behaviour lives here (and in common.js) and all looks in style.css.

import {
  ApiError, alertRegion, api, byId, create, dateTimeFormat, formatDateTime, formatNumber, humanise, parseDate,
  setText, shortDateTimeFormat,
} from './common.js';

const RUNS_URL = 'api/runs?limit=50';
const REJECTIONS_LIMIT = 100;
const POLL_INTERVAL_MS = 2000;
const MAX_RETRY_INTERVAL_MS = 30000;
const ACTIVE = new Set(['QUEUED', 'RUNNING']);

// Paths are relative so the page keeps working if the application gets a context root.
const runUrl = (id) => `api/runs/${encodeURIComponent(id)}`;
const rejectionsUrl = (id) => `${runUrl(id)}/rejections?limit=${REJECTIONS_LIMIT}`;

// ---------------------------------------------------------------------------------------
// Formatting

const timeFormat = new Intl.DateTimeFormat(undefined, { timeStyle: 'medium' });
const unitFormats = Object.fromEntries(['hour', 'minute', 'second'].map((unit) =>
  [unit, new Intl.NumberFormat(undefined, { style: 'unit', unit, unitDisplay: 'short' })]));

const STATUS_LABELS = {
  QUEUED: 'Queued',
  RUNNING: 'Running',
  COMPLETED: 'Completed',
  INCOMPLETE: 'Incomplete (nothing removed)',
  FAILED: 'Failed',
  AWAITING_APPROVAL: 'Awaiting approval',
  REJECTED: 'Rejected',
};
const STAGE_LABELS = {
  reading: 'Reading the directory',
  deciding: 'Applying the policy',
  planning: 'Planning changes',
  delivering: 'Delivering contacts',
  done: 'Done',
};
const TRIGGER_LABELS = {
  startup: 'At startup',
  manual: 'Manual',
  schedule: 'Scheduled',
  scheduled: 'Scheduled',
  'leaver-window': "Policy's leaver window",
};

function formatDuration(ms) {
  const seconds = Math.max(0, Math.round(ms / 1000));
  if (seconds < 1) return `< ${unitFormats.second.format(1)}`;
  const h = Math.floor(seconds / 3600);
  const m = Math.floor((seconds % 3600) / 60);
  const s = seconds % 60;
  if (h > 0) return `${unitFormats.hour.format(h)} ${unitFormats.minute.format(m)}`;
  if (m > 0) return `${unitFormats.minute.format(m)} ${unitFormats.second.format(s)}`;
  return unitFormats.second.format(s);
}

/** The run's duration, or for an active run the time it has taken so far. */
function runDuration(run) {
  const started = parseDate(run.startedAt);
  if (!started) return '—';
  const finished = parseDate(run.finishedAt);
  if (finished) return formatDuration(finished - started);
  return isActive(run) ? `${formatDuration(Date.now() - started)} so far` : '—';
}

const statusLabel = (status) => STATUS_LABELS[status] ?? humanise(String(status ?? 'Unknown').toLowerCase());
const stageLabel = (stage) => (stage ? STAGE_LABELS[stage] ?? humanise(String(stage)) : '—');
const triggerLabel = (trigger) => (trigger ? TRIGGER_LABELS[trigger] ?? humanise(String(trigger)) : '—');
const yesNo = (flag) => (flag ? 'Yes' : 'No');
const isActive = (run) => ACTIVE.has(run.status);
// Run ids are numbers today; keyed as strings so the page doesn't depend on that.
const keyOf = (id) => String(id);

function progressOf(run) {
  const value = Number(run.progress);
  if (!Number.isFinite(value)) return 0;
  return Math.min(100, Math.max(0, Math.round(value)));
}

function sourceReadText(run) {
  if (run.sourceComplete === true) return 'Complete: every entry was read.';
  if (isActive(run)) return 'Not finished yet.';
  if (run.sourceComplete === false) {
    return 'Incomplete: the read stopped early, so this run removed no contacts.';
  }
  return 'Not known.';
}

// ---------------------------------------------------------------------------------------
// Elements

const el = {
  alert: byId('alert'),
  alertMessage: byId('alert-message'),
  alertDismiss: byId('alert-dismiss'),
  startForm: byId('start-form'),
  startButton: byId('start-sync'),
  dryRun: byId('dry-run'),
  refresh: byId('refresh'),
  startBlocked: byId('start-blocked'),
  status: byId('status'),
  updated: byId('updated'),
  runsEmpty: byId('runs-empty'),
  runsWrap: byId('runs-wrap'),
  runsBody: byId('runs-body'),
  detail: byId('run-detail'),
  detailHeading: byId('detail-heading'),
  detailClose: byId('detail-close'),
  detailDryRun: byId('detail-dry-run'),
  detailError: byId('detail-error'),
  detailErrorText: byId('detail-error-text'),
  detailStatus: byId('detail-status'),
  detailTrigger: byId('detail-trigger'),
  detailStarted: byId('detail-started'),
  detailFinished: byId('detail-finished'),
  detailDuration: byId('detail-duration'),
  detailStage: byId('detail-stage'),
  detailSource: byId('detail-source'),
  rejectionsHeading: byId('rejections-heading'),
  rejectionsNote: byId('rejections-note'),
  rejectionsEmpty: byId('rejections-empty'),
  rejectionsWrap: byId('rejections-wrap'),
  rejectionsCaption: byId('rejections-caption'),
  rejectionsBody: byId('rejections-body'),
};

const COUNT_KEYS = ['read', 'rejected', 'inScope', 'excluded', 'added', 'updated', 'removed'];
const detailCounts = Object.fromEntries(COUNT_KEYS.map((key) => [key, byId(`detail-count-${key}`)]));

// ---------------------------------------------------------------------------------------
// State

const state = {
  runs: [],
  loaded: false,
  starting: false,
  selectedId: null,
  selectedRun: null,
  rejectionsKey: null,
  refreshing: null,
  pollTimer: null,
  failures: 0,
};

const anyActive = () => state.runs.some(isActive);

// ---------------------------------------------------------------------------------------
// Alert and status

const alerts = alertRegion({ region: el.alert, message: el.alertMessage, dismiss: el.alertDismiss });
const showAlert = (message, source) => alerts.show(message, source);
/** Clears the alert if it was raised by source (or by anything, when source is omitted). */
const clearAlert = (source) => alerts.clear(source);

function announce(message) {
  setText(el.status, message);
}

/** What the status region says: one sentence per meaningful change, not per poll. */
function describeActivity() {
  const active = state.runs.filter(isActive);
  if (active.length === 0) {
    return state.runs.length === 0 ? 'No sync has run yet.' : 'No run is in progress.';
  }
  const run = active[active.length - 1];
  const kind = run.dryRun ? 'Dry run' : 'Run';
  if (run.status === 'QUEUED') return `${kind} ${run.id} is queued.`;
  return `${kind} ${run.id} is running: ${stageLabel(run.stage).toLowerCase()}.`;
}

function describeFinished(previous, runs) {
  const messages = [];
  for (const run of runs) {
    const before = previous.get(run.id);
    if (before && ACTIVE.has(before) && !isActive(run)) {
      const kind = run.dryRun ? 'Dry run' : 'Run';
      messages.push(run.status === 'FAILED' ? `${kind} ${run.id} failed.` : `${kind} ${run.id} ${statusLabel(run.status).toLowerCase()}.`);
    }
  }
  return messages.join(' ');
}

// ---------------------------------------------------------------------------------------
// Runs table

const rows = new Map(); // keyOf(run id) -> { tr, cells }

function createRow(run) {
  const tr = document.createElement('tr');
  tr.dataset.runId = keyOf(run.id);

  const head = create('th', 'run-id');
  head.scope = 'row';
  const button = create('button', 'row-button', String(run.id));
  button.type = 'button';
  button.dataset.runId = keyOf(run.id);
  button.setAttribute('aria-label', `Show run ${run.id}`);
  button.setAttribute('aria-controls', 'run-detail');
  head.append(button);

  const started = create('td');
  const time = document.createElement('time');
  started.append(time);

  const trigger = create('td');
  const dryRun = create('td');

  const status = create('td');
  const badge = create('span', 'badge');
  const statusNote = create('span', 'cell-note');
  status.append(badge, statusNote);

  const progressCell = create('td', 'progress-cell');
  const stage = create('span', 'stage');
  const bar = create('span', 'bar');
  const progress = document.createElement('progress');
  progress.max = 100;
  progress.setAttribute('aria-label', `Run ${run.id} progress`);
  const percent = create('span', 'percent');
  bar.append(progress, percent);
  progressCell.append(stage, bar);

  const counts = Object.fromEntries(COUNT_KEYS.map((key) => [key, create('td', 'num')]));
  const duration = create('td', 'num');

  tr.append(head, started, trigger, dryRun, status, progressCell,
    ...COUNT_KEYS.map((key) => counts[key]), duration);
  return { tr, cells: { button, time, trigger, dryRun, badge, statusNote, stage, progress, percent, counts, duration } };
}

function updateRow(row, run) {
  const c = row.cells;
  const started = parseDate(run.startedAt);
  setText(c.time, started ? shortDateTimeFormat.format(started) : 'Not started');
  if (started) {
    c.time.dateTime = run.startedAt;
    c.time.title = dateTimeFormat.format(started);
  } else {
    c.time.removeAttribute('datetime');
    c.time.removeAttribute('title');
  }
  setText(c.trigger, triggerLabel(run.trigger));
  setText(c.dryRun, yesNo(run.dryRun));

  const status = String(run.status ?? 'UNKNOWN');
  setText(c.badge, statusLabel(status));
  c.badge.className = `badge badge--${status.toLowerCase()}`;
  const partial = !isActive(run) && run.sourceComplete === false;
  setText(c.statusNote, partial ? 'Incomplete read' : '');
  c.statusNote.hidden = !partial;

  const percent = progressOf(run);
  setText(c.stage, stageLabel(run.stage));
  // Without a value attribute a <progress> is indeterminate, so 0% must be set explicitly too.
  if (!c.progress.hasAttribute('value') || c.progress.value !== percent) c.progress.value = percent;
  setText(c.percent, `${percent}%`);

  const counts = run.counts ?? {};
  for (const key of COUNT_KEYS) setText(c.counts[key], formatNumber(counts[key]));
  setText(c.duration, runDuration(run));

  const selected = keyOf(run.id) === state.selectedId;
  row.tr.classList.toggle('is-selected', selected);
  if (selected) c.button.setAttribute('aria-current', 'true');
  else c.button.removeAttribute('aria-current');
}

/**
 * Brings the table in line with state.runs, reusing rows by run id. Rows are updated in place
 * and only moved when the order changes, so a keyboard user's focus survives each poll.
 */
function renderRuns() {
  const empty = state.loaded && state.runs.length === 0;
  el.runsEmpty.hidden = !empty;
  el.runsWrap.hidden = state.runs.length === 0;

  const wanted = new Set(state.runs.map((run) => keyOf(run.id)));
  for (const [id, row] of rows) {
    if (!wanted.has(id)) {
      row.tr.remove();
      rows.delete(id);
    }
  }
  state.runs.forEach((run, index) => {
    let row = rows.get(keyOf(run.id));
    if (!row) {
      row = createRow(run);
      rows.set(keyOf(run.id), row);
    }
    updateRow(row, run);
    const current = el.runsBody.children[index];
    if (current !== row.tr) el.runsBody.insertBefore(row.tr, current ?? null);
  });
}

function renderStartControls() {
  const active = anyActive();
  el.startButton.disabled = state.starting || active;
  el.startBlocked.hidden = !active;
  el.startButton.setAttribute('aria-busy', String(state.starting));
}

// ---------------------------------------------------------------------------------------
// Detail panel

function renderDetail(run) {
  state.selectedRun = run;
  const kind = run.dryRun ? 'Dry run' : 'Run';
  setText(el.detailHeading, `${kind} ${run.id}`);
  el.detailDryRun.hidden = !run.dryRun;

  const error = typeof run.error === 'string' && run.error.trim() !== '' ? run.error.trim() : '';
  el.detailError.hidden = error === '';
  setText(el.detailErrorText, error);

  setText(el.detailStatus, statusLabel(run.status));
  el.detailStatus.className = `badge badge--${String(run.status ?? 'unknown').toLowerCase()}`;
  setText(el.detailTrigger, triggerLabel(run.trigger));
  setText(el.detailStarted, parseDate(run.startedAt) ? formatDateTime(run.startedAt) : 'Not started');
  setText(el.detailFinished, parseDate(run.finishedAt) ? formatDateTime(run.finishedAt)
    : isActive(run) ? 'Not finished yet' : '—');
  setText(el.detailDuration, runDuration(run));
  setText(el.detailStage, `${stageLabel(run.stage)} (${progressOf(run)}%)`);
  setText(el.detailSource, sourceReadText(run));

  const counts = run.counts ?? {};
  for (const key of COUNT_KEYS) setText(detailCounts[key], formatNumber(counts[key]));

  setText(el.rejectionsHeading, typeof counts.rejected === 'number'
    ? `Rejected entries (${formatNumber(counts.rejected)})` : 'Rejected entries');
  setText(el.rejectionsCaption, `Rejected entries of run ${run.id}`);

  el.detail.hidden = false;

  // Fetch the rejections again only when there may be new ones.
  const key = `${run.id}:${counts.rejected ?? ''}:${run.status}`;
  if (key !== state.rejectionsKey) {
    state.rejectionsKey = key;
    loadRejections(run);
  }
}

async function loadRejections(run) {
  const id = keyOf(run.id);
  const firstLoad = el.rejectionsBody.dataset.runId !== id;
  if (firstLoad) {
    el.rejectionsBody.replaceChildren();
    el.rejectionsBody.dataset.runId = id;
    el.rejectionsWrap.hidden = true;
    el.rejectionsEmpty.hidden = true;
    el.rejectionsNote.hidden = false;
    setText(el.rejectionsNote, 'Loading rejected entries…');
  }
  let rejections;
  try {
    rejections = await api(rejectionsUrl(run.id));
  } catch (error) {
    if (state.selectedId !== id) return;
    state.rejectionsKey = null; // so the next refresh tries again
    el.rejectionsNote.hidden = false;
    setText(el.rejectionsNote, 'The rejected entries could not be loaded.');
    showAlert(error.message, 'rejections');
    return;
  }
  if (state.selectedId !== id) return; // another run was selected meanwhile
  clearAlert('rejections');
  renderRejections(Array.isArray(rejections) ? rejections : [], state.selectedRun ?? run);
}

function renderRejections(rejections, run) {
  const items = rejections.map((rejection) => {
    const tr = document.createElement('tr');
    const entry = create('td', 'entry');
    entry.append(create('code', '', String(rejection?.entry ?? '')));
    const employee = create('td', rejection?.employeeId ? '' : 'muted',
      rejection?.employeeId ? String(rejection.employeeId) : 'Unknown');
    const reason = create('td', 'reason', String(rejection?.reason ?? ''));
    tr.append(entry, employee, reason);
    return tr;
  });
  el.rejectionsBody.replaceChildren(...items);

  const total = typeof run.counts?.rejected === 'number' ? run.counts.rejected : items.length;
  const none = items.length === 0 && total === 0;
  el.rejectionsWrap.hidden = items.length === 0;
  el.rejectionsEmpty.hidden = !none;
  if (none) {
    setText(el.rejectionsEmpty, isActive(run)
      ? 'No entries have been rejected in this run so far.'
      : 'No entries were rejected in this run.');
  }

  let note = '';
  if (items.length === 0 && total > 0) {
    note = `${formatNumber(total)} entries were rejected, but their details are not available.`;
  } else if (total > items.length) {
    note = `Showing ${formatNumber(items.length)} of ${formatNumber(total)} rejected entries.`;
  }
  el.rejectionsNote.hidden = note === '';
  setText(el.rejectionsNote, note);
}

async function selectRun(runId, { focus = true } = {}) {
  const id = keyOf(runId);
  const changed = state.selectedId !== id;
  state.selectedId = id;
  if (changed) state.rejectionsKey = null;
  history.replaceState(null, '', `#run-${encodeURIComponent(id)}`);
  for (const [rowId, row] of rows) {
    row.tr.classList.toggle('is-selected', rowId === id);
    if (rowId === id) row.cells.button.setAttribute('aria-current', 'true');
    else row.cells.button.removeAttribute('aria-current');
  }

  let run = state.runs.find((r) => keyOf(r.id) === id);
  if (!run) {
    // Older than the listed runs (e.g. from a bookmarked link): ask for it on its own.
    try {
      run = await api(runUrl(id));
    } catch (error) {
      if (state.selectedId === id) {
        closeDetail({ restoreFocus: false });
        showAlert(error.message, 'detail');
      }
      return;
    }
    if (state.selectedId !== id) return;
  }
  clearAlert('detail');
  renderDetail(run);
  if (focus) {
    el.detailHeading.focus({ preventScroll: true });
    const reduceMotion = window.matchMedia('(prefers-reduced-motion: reduce)').matches;
    el.detail.scrollIntoView({ block: 'start', behavior: reduceMotion ? 'auto' : 'smooth' });
  }
}

function closeDetail({ restoreFocus = true } = {}) {
  const id = state.selectedId;
  state.selectedId = null;
  state.selectedRun = null;
  state.rejectionsKey = null;
  el.detail.hidden = true;
  delete el.rejectionsBody.dataset.runId;
  history.replaceState(null, '', window.location.pathname + window.location.search);
  for (const row of rows.values()) {
    row.tr.classList.remove('is-selected');
    row.cells.button.removeAttribute('aria-current');
  }
  if (restoreFocus && id !== null) rows.get(id)?.cells.button.focus();
}

// ---------------------------------------------------------------------------------------
// Loading and polling

function schedulePoll(delay) {
  clearTimeout(state.pollTimer);
  state.pollTimer = setTimeout(() => {
    state.pollTimer = null;
    refresh();
  }, delay);
}

function stopPolling() {
  clearTimeout(state.pollTimer);
  state.pollTimer = null;
}

/** Reloads the runs list; concurrent callers share one request. Polls again while a run is active. */
function refresh() {
  if (!state.refreshing) {
    state.refreshing = loadRuns().finally(() => {
      state.refreshing = null;
    });
  }
  return state.refreshing;
}

async function loadRuns() {
  stopPolling();
  const wasActive = anyActive();
  let runs;
  try {
    runs = await api(RUNS_URL);
    if (!Array.isArray(runs)) throw new ApiError('The server sent a list of runs this page could not read.', 200);
  } catch (error) {
    state.failures += 1;
    showAlert(`The list of runs could not be updated. ${error.message}`, 'runs');
    if (!state.loaded) announce('The runs could not be loaded.');
    // Keep trying while a run was in progress, backing off; when idle, wait for the user.
    if (wasActive) schedulePoll(Math.min(POLL_INTERVAL_MS * 2 ** state.failures, MAX_RETRY_INTERVAL_MS));
    return;
  }

  state.failures = 0;
  clearAlert('runs');
  const previous = new Map(state.runs.map((run) => [run.id, run.status]));
  state.runs = runs.filter((run) => run && run.id !== undefined && run.id !== null);
  state.loaded = true;

  renderRuns();
  renderStartControls();
  const finished = describeFinished(previous, state.runs);
  announce(finished ? `${finished} ${describeActivity()}` : describeActivity());
  setText(el.updated, `Updated ${timeFormat.format(new Date())}`);

  if (state.selectedId !== null) {
    const selected = state.runs.find((run) => keyOf(run.id) === state.selectedId);
    if (selected) renderDetail(selected);
  }

  if (anyActive()) schedulePoll(POLL_INTERVAL_MS);
}

async function startSync(event) {
  event.preventDefault();
  if (state.starting || anyActive()) return;
  const dryRun = el.dryRun.checked;
  state.starting = true;
  renderStartControls();
  clearAlert('start');
  try {
    const run = await api('api/runs', { method: 'POST', body: { dryRun } });
    if (run && run.id !== undefined) {
      announce(`${dryRun ? 'Dry run' : 'Run'} ${run.id} has been started.`);
    }
  } catch (error) {
    showAlert(error.message, 'start');
  } finally {
    state.starting = false;
  }
  // Also after a 409: the run that is already in progress should now show up. A list request
  // already in flight may predate the new run, so let it finish and ask again.
  if (state.refreshing) await state.refreshing;
  await refresh();
  renderStartControls();
}

function runIdFromHash() {
  const match = /^#run-(.+)$/.exec(window.location.hash);
  if (!match) return null;
  try {
    return decodeURIComponent(match[1]);
  } catch {
    return null;
  }
}

// ---------------------------------------------------------------------------------------
// Wiring

el.startForm.addEventListener('submit', startSync);
el.refresh.addEventListener('click', () => {
  refresh();
});
el.detailClose.addEventListener('click', () => closeDetail());
el.runsBody.addEventListener('click', (event) => {
  const button = event.target.closest('button[data-run-id]');
  if (button) selectRun(button.dataset.runId);
});
el.detail.addEventListener('keydown', (event) => {
  if (event.key === 'Escape') closeDetail();
});
window.addEventListener('hashchange', () => {
  const id = runIdFromHash();
  if (id !== null && id !== state.selectedId) selectRun(id);
});

await refresh();
const linked = runIdFromHash();
if (linked !== null) selectRun(linked, { focus: false });
