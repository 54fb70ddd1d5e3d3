// Runs page: lists the latest sync runs, starts new ones and shows one run in detail.
//
// Every piece of server data reaches the page through textContent or element properties,
// never through innerHTML: entry DNs and rejection reasons come from the directory and
// must be treated as untrusted text. The server's Content-Security-Policy forbids inline
// scripts and styles, so all behaviour lives here (and in common.js) and all looks in style.css.

import {
  ApiError, PAGES, ROLES, alertRegion, api, byId, clearFieldErrors, create, dateTimeFormat, employeeHref,
  formatDateTime, formatNumber, humanise, parseDate, setText, shortDateTimeFormat, showFieldError, startPage, whileBusy,
} from './common.js';

const RUNS_URL = 'api/runs?limit=50';
const REJECTIONS_LIMIT = 100;
const POLL_INTERVAL_MS = 2000;
const MAX_RETRY_INTERVAL_MS = 30000;
const ACTIVE = new Set(['QUEUED', 'RUNNING']);

// Paths are relative so the page keeps working if the application gets a context root.
const runUrl = (id) => `api/runs/${encodeURIComponent(id)}`;
const rejectionsUrl = (id) => `${runUrl(id)}/rejections?limit=${REJECTIONS_LIMIT}`;
const EXCLUDED_LIMIT = 100;
const excludedUrl = (id, rule) => `${runUrl(id)}/excluded?limit=${EXCLUDED_LIMIT}${rule ? `&rule=${encodeURIComponent(rule)}` : ''}`;
const CHART_RUNS = 30;
const chartUrl = () => `api/runs/chart.svg?limit=${CHART_RUNS}&at=${Date.now()}`;
const qualityUrl = (id) => `${runUrl(id)}/quality`;
const qualityCsvUrl = (id) => `${runUrl(id)}/quality.csv`;
const QUALITY_HISTORY_URL = `api/runs/quality?limit=${CHART_RUNS}`;
const qualityChartUrl = () => `api/runs/quality-chart.svg?limit=${CHART_RUNS}&at=${Date.now()}`;
const QUALITY_KEYS = ['sharedNumber', 'invalidNumber', 'missingMobile', 'guessedRegion', 'rejected'];
const SCHEDULES_URL = 'api/schedules';
const scheduleUrl = (source) => `${SCHEDULES_URL}/${encodeURIComponent(source)}`;

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
  approval: byId('approval'),
  approvalText: byId('approval-text'),
  approvalReadonly: byId('approval-readonly'),
  approvalActions: byId('approval-actions'),
  approveRun: byId('approve-run'),
  rejectRun: byId('reject-run'),
  decidedBy: byId('decided-by'),
  excludedForm: byId('excluded-form'),
  excludedRule: byId('excluded-rule'),
  excludedRules: byId('excluded-rules'),
  excludedNote: byId('excluded-note'),
  excludedEmpty: byId('excluded-empty'),
  excludedWrap: byId('excluded-wrap'),
  excludedBody: byId('excluded-body'),
  excludedHeading: byId('excluded-heading'),
  historyChart: byId('history-chart'),
  historyBody: byId('history-body'),
  qualityHeading: byId('quality-heading'),
  qualityNote: byId('quality-note'),
  qualityReport: byId('quality-report'),
  qualityCsv: byId('quality-csv'),
  qualityCaption: byId('quality-caption'),
  qualityBody: byId('quality-body'),
  qualityTotal: byId('quality-total'),
  sharedEmpty: byId('shared-empty'),
  sharedList: byId('shared-list'),
  qualityChart: byId('quality-chart'),
  qualityHistoryBody: byId('quality-history-body'),
  schedulesHeading: byId('schedules-heading'),
  schedulesEmpty: byId('schedules-empty'),
  schedulesWrap: byId('schedules-wrap'),
  schedulesBody: byId('schedules-body'),
  scheduleForm: byId('schedule-form'),
  scheduleSource: byId('schedule-source'),
  scheduleKindInterval: byId('schedule-kind-interval'),
  scheduleKindCron: byId('schedule-kind-cron'),
  scheduleExpression: byId('schedule-expression'),
  scheduleExpressionHint: byId('schedule-expression-hint'),
  scheduleZoneField: byId('schedule-zone-field'),
  scheduleZone: byId('schedule-zone'),
  scheduleSave: byId('schedule-save'),
};

const COUNT_KEYS = ['read', 'rejected', 'inScope', 'excluded', 'added', 'updated', 'removed'];
const detailCounts = Object.fromEntries(COUNT_KEYS.map((key) => [key, byId(`detail-count-${key}`)]));

// ---------------------------------------------------------------------------------------
// State

const state = {
  admin: false,
  employeesPage: false,
  user: '',
  excludedKey: null,
  schedules: [],
  runs: [],
  loaded: false,
  starting: false,
  selectedId: null,
  selectedRun: null,
  rejectionsKey: null,
  qualityKey: null,
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
  el.startBlocked.hidden = !active || !state.admin;
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
  setText(el.detailTrigger, run.startedBy ? `${triggerLabel(run.trigger)}, started by ${run.startedBy}`
    : triggerLabel(run.trigger));
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

  renderApproval(run);
  el.detail.hidden = false;

  // Fetch the rejections again only when there may be new ones.
  const key = `${run.id}:${counts.rejected ?? ''}:${run.status}`;
  if (key !== state.rejectionsKey) {
    state.rejectionsKey = key;
    loadRejections(run);
  }
  const qualityKey = `${run.id}:${run.stage}:${run.status}`;
  if (qualityKey !== state.qualityKey) {
    state.qualityKey = qualityKey;
    loadQuality(run);
  }
  const excludedKey = `${run.id}:${counts.excluded ?? ''}:${run.status}:${el.excludedRule.value.trim()}`;
  if (excludedKey !== state.excludedKey) {
    state.excludedKey = excludedKey;
    loadExcluded(run);
  }
}

// ---------------------------------------------------------------------------------------
// Approving or rejecting a run that waits

function renderApproval(run) {
  const waiting = run.status === 'AWAITING_APPROVAL';
  el.approval.hidden = !waiting;
  if (waiting) {
    const removed = run.counts?.removed;
    let why;
    if (typeof removed === 'number' && typeof run.removalLimit === 'number') {
      why = `This run would remove ${formatNumber(removed)} contacts, more than the limit of `
        + `${formatNumber(run.removalLimit)} removals per run. `;
    } else {
      why = 'This run would remove more contacts than the safety limit allows. ';
    }
    setText(el.approvalText, `${why}Nothing has been delivered. A directory that suddenly loses many people is `
      + 'more often broken than empty: approve it to deliver the plan as it is, or reject it to deliver nothing.');
    // Four eyes: whoever started the run leaves the decision to another admin (the server holds to it too).
    const mine = state.admin && samePerson(run.startedBy, state.user);
    el.approvalActions.hidden = !state.admin || mine;
    el.approvalReadonly.hidden = state.admin && !mine;
    setText(el.approvalReadonly, mine
      ? `You started run ${run.id}; another directory admin approves or rejects its removals.`
      : 'A directory admin decides whether it goes ahead.');
    // The reason is already said in the approval box.
    el.detailError.hidden = true;
  }
  const decided = typeof run.decidedBy === 'string' && run.decidedBy !== '';
  el.decidedBy.hidden = !decided || waiting;
  if (decided) {
    setText(el.decidedBy, run.status === 'REJECTED'
      ? `Rejected by ${run.decidedBy}: nothing was delivered.`
      : `Approved by ${run.decidedBy}.`);
  }
}

/** Whether two names are one person: compared as the server compares them (NFKC, case folded). */
function samePerson(one, other) {
  const fold = (name) => String(name).trim().normalize('NFKC').toUpperCase().toLowerCase().normalize('NFKC');
  return Boolean(one) && Boolean(other) && fold(one) === fold(other);
}

async function decideRun(approve) {
  const run = state.selectedRun;
  if (!run) return;
  const button = approve ? el.approveRun : el.rejectRun;
  await whileBusy(button, async () => {
    try {
      await api(`${runUrl(run.id)}/${approve ? 'approve' : 'reject'}`, { method: 'POST' });
    } catch (error) {
      showAlert(`Run ${run.id} was not ${approve ? 'approved' : 'rejected'}. ${error.message}`, 'decide');
      return;
    }
    clearAlert('decide');
    announce(approve ? `Run ${run.id} is approved: it delivers its plan now.` : `Run ${run.id} is rejected: nothing is delivered.`);
    if (state.refreshing) await state.refreshing;
    await refresh();
    el.detailHeading.focus();
  });
}

// ---------------------------------------------------------------------------------------
// Employees the policy left out

async function loadExcluded(run) {
  const id = keyOf(run.id);
  const rule = el.excludedRule.value.trim();
  let excluded;
  try {
    excluded = await api(excludedUrl(run.id, rule));
  } catch (error) {
    if (state.selectedId !== id) return;
    state.excludedKey = null;
    el.excludedNote.hidden = false;
    setText(el.excludedNote, 'The excluded employees could not be loaded.');
    showAlert(error.message, 'excluded');
    return;
  }
  if (state.selectedId !== id) return;
  clearAlert('excluded');
  renderExcluded(Array.isArray(excluded) ? excluded : [], state.selectedRun ?? run, rule);
}

/** An employee id, linked to the Employees page for those who may use it. */
function employeeCell(id) {
  const text = String(id ?? '');
  if (!state.employeesPage || text === '') return text;
  const link = create('a', '', text);
  link.href = employeeHref(text);
  return link;
}

function renderExcluded(entries, run, rule) {
  const rows = entries.map((entry) => {
    const tr = document.createElement('tr');
    const who = create('th');
    who.append(employeeCell(entry.employeeId));
    who.scope = 'row';
    const ruleCell = create('td');
    ruleCell.append(create('code', '', String(entry.rule ?? '—')));
    const why = create('td', 'reason', String(entry.reason ?? ''));
    const receives = create('td', '', entry.receives ? 'Yes, but nobody receives theirs' : 'No');
    tr.append(who, ruleCell, why, receives);
    return tr;
  });
  el.excludedBody.replaceChildren(...rows);
  if (!rule) {
    // Offer the rules seen, so one can narrow the list down to one.
    const rules = [...new Set(entries.map((entry) => entry.rule).filter(Boolean))].sort();
    el.excludedRules.replaceChildren(...rules.map((name) => {
      const option = document.createElement('option');
      option.value = name;
      return option;
    }));
  }
  const total = typeof run.counts?.excluded === 'number' ? run.counts.excluded : rows.length;
  setText(el.excludedHeading, `Excluded by the policy (${formatNumber(total)})`);
  el.excludedWrap.hidden = rows.length === 0;
  el.excludedEmpty.hidden = rows.length !== 0;
  setText(el.excludedEmpty, rule ? `Nobody in this run was left out by the rule ${rule}.` : 'The policy left nobody out of this run.');
  let note = '';
  if (rows.length >= EXCLUDED_LIMIT) note = `Showing the first ${formatNumber(rows.length)}${rule ? ` left out by ${rule}` : ''}.`;
  else if (rule && rows.length > 0) note = `${formatNumber(rows.length)} left out by the rule ${rule}.`;
  el.excludedNote.hidden = note === '';
  setText(el.excludedNote, note);
}

// ---------------------------------------------------------------------------------------
// Data quality of one run

async function loadQuality(run) {
  const id = keyOf(run.id);
  let report;
  try {
    report = await api(qualityUrl(run.id));
  } catch (error) {
    if (state.selectedId !== id) return;
    el.qualityReport.hidden = true;
    el.qualityNote.hidden = false;
    if (error instanceof ApiError && error.status === 404) {
      // Not an error: the run has not read the directory yet, or found nothing to count.
      clearAlert('quality');
      setText(el.qualityNote, isActive(run) ? 'The report is counted once the run has read the directory.'
        : 'This run has no data-quality report.');
      return;
    }
    state.qualityKey = null; // so the next refresh tries again
    setText(el.qualityNote, 'The data-quality report could not be loaded.');
    showAlert(error.message, 'quality');
    return;
  }
  if (state.selectedId !== id) return;
  clearAlert('quality');
  renderQuality(report, run);
}

function qualityRow(label, source, count) {
  const tr = document.createElement('tr');
  const first = create('th', '', label);
  first.scope = 'row';
  tr.append(first, create('td', '', source),
    ...['employees', ...QUALITY_KEYS].map((key) => create('td', 'num', formatNumber(count?.[key]))));
  return tr;
}

function renderQuality(report, run) {
  const counts = Array.isArray(report.byDepartmentAndSource) ? report.byDepartmentAndSource : [];
  el.qualityBody.replaceChildren(...counts.map((count) =>
    qualityRow(count.department ? String(count.department) : 'No department', String(count.source ?? ''), count)));
  el.qualityTotal.replaceChildren(qualityRow('All departments', 'All sources', report.total));
  setText(el.qualityCaption, `Data quality of run ${run.id} by department and source`);
  el.qualityCsv.href = qualityCsvUrl(run.id);
  el.qualityCsv.setAttribute('download', `roster-run-${run.id}-data-quality.csv`);
  const shared = Array.isArray(report.sharedNumbers) ? report.sharedNumbers : [];
  el.sharedList.replaceChildren(...shared.map((number) => {
    const ids = Array.isArray(number.employeeIds) ? number.employeeIds.map(String) : [];
    const more = number.sharers > ids.length ? ` and ${formatNumber(number.sharers - ids.length)} more` : '';
    const li = create('li', '', `${ids.join(', ')}${more} `);
    li.append(create('span', 'muted', '('), create('code', '', String(number.rule ?? 'shared-numbers')),
      create('span', 'muted', ')'));
    return li;
  }));
  el.sharedEmpty.hidden = shared.length !== 0;
  const total = report.total ?? {};
  setText(el.qualityHeading, `Data quality (${formatNumber(total.sharedNumber)} sharing a number, `
    + `${formatNumber(total.invalidNumber)} invalid, ${formatNumber(total.missingMobile)} without a mobile)`);
  el.qualityNote.hidden = true;
  el.qualityReport.hidden = false;
}

// ---------------------------------------------------------------------------------------
// Data quality of the latest runs: the chart (drawn by the server) and its numbers as a table

async function loadQualityHistory({ reloadChart }) {
  let latest;
  try {
    latest = await api(QUALITY_HISTORY_URL);
  } catch (error) {
    showAlert(`The data-quality history could not be loaded. ${error.message}`, 'quality-history');
    return;
  }
  clearAlert('quality-history');
  const runs = (Array.isArray(latest) ? latest : []).slice().reverse();
  el.qualityHistoryBody.replaceChildren(...runs.map((run) => {
    const tr = document.createElement('tr');
    const id = create('th', '', String(run.runId));
    id.scope = 'row';
    tr.append(id, create('td', '', statusLabel(run.status)),
      ...QUALITY_KEYS.map((key) => create('td', 'num', formatNumber(run.total?.[key]))));
    return tr;
  }));
  if (reloadChart) el.qualityChart.src = qualityChartUrl();
}

// ---------------------------------------------------------------------------------------
// History chart (drawn by the server) and its numbers as a table

function renderHistory({ reloadChart }) {
  const latest = state.runs.slice(0, CHART_RUNS).slice().reverse();
  el.historyBody.replaceChildren(...latest.map((run) => {
    const tr = document.createElement('tr');
    const id = create('th', '', String(run.id));
    id.scope = 'row';
    const counts = run.counts ?? {};
    tr.append(id, create('td', '', statusLabel(run.status)),
      ...['read', 'inScope', 'added', 'updated', 'removed'].map((key) => create('td', 'num', formatNumber(counts[key]))),
      create('td', 'num', runDuration(run)));
    return tr;
  }));
  if (reloadChart) el.historyChart.src = chartUrl();
}

// ---------------------------------------------------------------------------------------
// Schedules

const SCHEDULE_KIND_HINTS = {
  interval: ['Interval', 'PT6H', 'An ISO-8601 duration: PT6H is every 6 hours, P1D every day.'],
  cron: ['Cron expression', '30 2 * * 1-5', 'Five fields: minute, hour, day of month, month, day of week. 30 2 * * 1-5 is 02:30 on weekdays.'],
};

function scheduleWhen(schedule) {
  if (schedule.kind === 'interval') return `Every ${schedule.expression}`;
  if (schedule.kind === 'cron') return `Cron ${schedule.expression} (${schedule.zone ?? 'UTC'})`;
  return String(schedule.expression ?? '—');
}

function renderSchedules() {
  const rows = state.schedules.map((schedule) => {
    const tr = document.createElement('tr');
    tr.dataset.source = String(schedule.source);
    const source = create('th', '', String(schedule.source));
    source.scope = 'row';
    const when = create('td');
    when.append(create('code', '', scheduleWhen(schedule)));
    const on = create('td');
    on.append(create('span', schedule.enabled ? 'badge badge--ok' : 'badge', schedule.enabled ? 'On' : 'Off'));
    const next = create('td', '', schedule.enabled ? formatDateTime(schedule.nextFireAt) : '—');
    const last = create('td', '', schedule.lastRunId ? `Run ${schedule.lastRunId}, ${formatDateTime(schedule.lastFiredAt)}` : 'None yet');
    const by = create('td', '', schedule.updatedBy ? `${schedule.updatedBy}, ${formatDateTime(schedule.updatedAt)}` : '—');
    const actions = create('td', 'actions');
    if (state.admin && schedule.enabled) {
      const off = create('button', 'button button--small', 'Switch off');
      off.type = 'button';
      off.dataset.disable = String(schedule.source);
      off.setAttribute('aria-label', `Switch off the schedule of ${schedule.source}`);
      actions.append(off);
    }
    tr.append(source, when, on, next, last, by, actions);
    return tr;
  });
  el.schedulesBody.replaceChildren(...rows);
  el.schedulesWrap.hidden = rows.length === 0;
  el.schedulesEmpty.hidden = rows.length !== 0;
}

async function loadSchedules() {
  try {
    const schedules = await api(SCHEDULES_URL);
    state.schedules = Array.isArray(schedules) ? schedules : [];
  } catch (error) {
    showAlert(`The schedules could not be loaded. ${error.message}`, 'schedules');
    return;
  }
  clearAlert('schedules');
  renderSchedules();
}

async function loadScheduleSources() {
  let sources;
  try {
    sources = await api('api/sources');
  } catch {
    sources = [];
  }
  const ids = new Set([...(Array.isArray(sources) ? sources.map((s) => s.id) : []), ...state.schedules.map((s) => s.source)]);
  el.scheduleSource.replaceChildren(...[...ids].sort().map((id) => {
    const option = document.createElement('option');
    option.value = id;
    const source = Array.isArray(sources) ? sources.find((s) => s.id === id) : null;
    option.textContent = source?.name && source.name !== id ? `${source.name} (${id})` : id;
    return option;
  }));
  el.scheduleForm.hidden = ids.size === 0;
}

function scheduleKind() {
  return el.scheduleKindCron.checked ? 'cron' : 'interval';
}

function renderScheduleKind() {
  const [label, placeholder, hint] = SCHEDULE_KIND_HINTS[scheduleKind()];
  setText(el.scheduleForm.querySelector('label[for="schedule-expression"]'), label);
  el.scheduleExpression.placeholder = placeholder;
  setText(el.scheduleExpressionHint, hint);
  el.scheduleZoneField.hidden = scheduleKind() !== 'cron';
}

async function saveSchedule(event) {
  event.preventDefault();
  clearFieldErrors(el.scheduleForm);
  const source = el.scheduleSource.value;
  const kind = scheduleKind();
  const expression = el.scheduleExpression.value.trim();
  if (expression === '') {
    showFieldError(el.scheduleExpression, kind === 'cron' ? 'Enter a cron expression, such as 30 2 * * 1-5.' : 'Enter an interval, such as PT6H.');
    el.scheduleExpression.focus();
    return;
  }
  const body = kind === 'cron' ? { cron: expression, zone: el.scheduleZone.value.trim() || undefined } : { interval: expression };
  await whileBusy(el.scheduleSave, async () => {
    let saved;
    try {
      saved = await api(scheduleUrl(source), { method: 'PUT', body });
    } catch (error) {
      const control = /time zone/i.test(error.message) ? el.scheduleZone : el.scheduleExpression;
      if (error.status === 400) {
        showFieldError(control, error.message);
        control.focus();
      } else {
        showAlert(`The schedule was not set. ${error.message}`, 'schedule');
      }
      return;
    }
    clearAlert('schedule');
    await loadSchedules();
    announce(`${source} is scheduled: ${scheduleWhen(saved)}; next run ${formatDateTime(saved.nextFireAt)}.`);
  });
}

async function disableSchedule(button) {
  const source = button.dataset.disable;
  await whileBusy(button, async () => {
    try {
      await api(scheduleUrl(source), { method: 'DELETE' });
    } catch (error) {
      showAlert(`The schedule of ${source} was not switched off. ${error.message}`, 'schedule');
      return;
    }
    clearAlert('schedule');
    await loadSchedules();
    announce(`The schedule of ${source} is switched off: runs start only when someone starts one.`);
    el.schedulesHeading.focus();
  });
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
    const employee = create('td', rejection?.employeeId ? '' : 'muted');
    employee.append(rejection?.employeeId ? employeeCell(rejection.employeeId) : 'Unknown');
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
  if (changed) {
    state.rejectionsKey = null;
    state.excludedKey = null;
    state.qualityKey = null;
    el.excludedRule.value = '';
    el.excludedBody.replaceChildren();
  }
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
  state.excludedKey = null;
  state.qualityKey = null;
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
    if (error.status === 403 && !state.loaded) {
      // Every role but the employee's may read runs: this is an employee, whose page is My page.
      window.location.replace('me.html');
      return;
    }
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
  const changedShape = state.runs.length !== previous.size || state.runs.some((run) => previous.get(run.id) !== run.status);
  renderHistory({ reloadChart: changedShape && state.chartShown });
  if (changedShape) loadQualityHistory({ reloadChart: state.chartShown });
  state.chartShown = true;
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

el.approveRun.addEventListener('click', () => decideRun(true));
el.rejectRun.addEventListener('click', () => decideRun(false));
el.excludedForm.addEventListener('submit', (event) => {
  event.preventDefault();
  state.excludedKey = null;
  if (state.selectedRun) renderDetail(state.selectedRun);
});
el.scheduleForm.addEventListener('submit', saveSchedule);
el.scheduleKindInterval.addEventListener('change', renderScheduleKind);
el.scheduleKindCron.addEventListener('change', renderScheduleKind);
el.schedulesBody.addEventListener('click', (event) => {
  const button = event.target.closest('button[data-disable]');
  if (button) disableSchedule(button);
});

const session = await startPage('runs', { say: (message) => showAlert(message, 'session') });
if (session) {
  state.admin = session.has(ROLES.admin);
  state.employeesPage = session.mayUse(PAGES.find((page) => page.id === 'employees'));
  state.user = session.user ?? '';
  el.startForm.hidden = !state.admin;
  await refresh();
  if (state.loaded) await loadSchedules();
  if (state.admin) await loadScheduleSources();
  const linked = runIdFromHash();
  if (linked !== null) selectRun(linked, { focus: false });
} else {
  for (const section of [el.startForm, el.runsWrap, el.runsEmpty, el.detail, byId('history'), byId('schedules')]) {
    section.hidden = true;
  }
  announce('This page is not for your account.');
}
