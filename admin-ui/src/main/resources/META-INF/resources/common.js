// What every Roster page shares: talking to the API, plain-words errors, building elements,
// formatting, and the page's alert region.
//
// Server data reaches a page only through textContent or element properties, never through
// innerHTML: names, reasons and labels come from the directory or from people and must be
// treated as untrusted text. The server's Content-Security-Policy forbids inline scripts and
// styles, so all behaviour lives in scripts like this one and all looks in style.css.

const REQUEST_TIMEOUT_MS = 15000;

// ---------------------------------------------------------------------------------------
// Formatting

const numberFormat = new Intl.NumberFormat();
export const dateTimeFormat = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'medium' });
export const shortDateTimeFormat = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });

export function formatNumber(value) {
  return typeof value === 'number' && Number.isFinite(value) ? numberFormat.format(value) : '—';
}

export function parseDate(iso) {
  if (typeof iso !== 'string' || iso === '') return null;
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? null : date;
}

export function formatDateTime(iso) {
  const date = parseDate(iso);
  return date ? dateTimeFormat.format(date) : '—';
}

export const humanise = (text) => text.charAt(0).toUpperCase() + text.slice(1).replace(/[-_]+/g, ' ');

// ---------------------------------------------------------------------------------------
// Talking to the server

export class ApiError extends Error {
  /**
   * @param problem the server's problem document (RFC 9457) when it sent one, else null: pages read
   *                its fields (such as a refused policy's located problems) to show them in place
   */
  constructor(message, status, problem = null) {
    super(message);
    this.name = 'ApiError';
    this.status = status;
    this.problem = problem;
  }
}

function timeoutSignal() {
  if (typeof AbortSignal !== 'undefined' && typeof AbortSignal.timeout === 'function') {
    return AbortSignal.timeout(REQUEST_TIMEOUT_MS);
  }
  return undefined;
}

const CSRF_COOKIE = 'roster-csrf';
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * The token the server set in its (not HttpOnly) cookie; sent back in a header with every request
 * that changes something, so another site can't make a signed-in browser do so (double submit).
 */
export function csrfToken() {
  for (const part of document.cookie.split(';')) {
    const [name, ...rest] = part.trim().split('=');
    if (name === CSRF_COOKIE) {
      try {
        return decodeURIComponent(rest.join('='));
      } catch {
        return rest.join('=');
      }
    }
  }
  return null;
}

/**
 * Fetches JSON from the API; any failure becomes an ApiError with a sentence a person can act on.
 * A JSON body is sent as `body`; a text one (such as a policy's YAML) as `text` with its `type`.
 */
export async function api(url, { method = 'GET', body, text, type = 'text/plain' } = {}) {
  const headers = { Accept: 'application/json, application/problem+json' };
  let payload;
  if (text !== undefined) {
    headers['Content-Type'] = `${type}; charset=utf-8`;
    payload = text;
  } else if (body !== undefined) {
    headers['Content-Type'] = 'application/json';
    payload = JSON.stringify(body);
  }
  if (!SAFE_METHODS.has(method.toUpperCase())) {
    const token = csrfToken();
    if (token) headers['X-CSRF-Token'] = token;
  }
  let response;
  try {
    response = await fetch(url, {
      method,
      headers,
      body: payload,
      credentials: 'same-origin',
      cache: 'no-store',
      signal: timeoutSignal(),
    });
  } catch (error) {
    if (error && (error.name === 'TimeoutError' || error.name === 'AbortError')) {
      throw new ApiError('The Roster server did not answer in time. Try again in a moment.', 0);
    }
    throw new ApiError('Could not reach the Roster server. Check your network connection, then try again.', 0);
  }
  if (!response.ok) {
    const { message, problem } = await readProblem(response);
    throw new ApiError(message, response.status, problem);
  }
  if (response.status === 204) return null;
  const contentType = response.headers.get('Content-Type') ?? '';
  if (!contentType.includes('json')) {
    // Typically a sign-in page served in place of the API after a session has expired.
    throw new ApiError('The server did not answer with data. Your session may have ended: reload the page to sign in again.', response.status);
  }
  try {
    return await response.json();
  } catch {
    throw new ApiError('The server sent an answer this page could not read. Try again in a moment.', response.status);
  }
}

/** The plain-words message of an error response: the problem's detail, else its title, else one by status. */
export async function problemMessage(response) {
  return (await readProblem(response)).message;
}

async function readProblem(response) {
  const type = response.headers.get('Content-Type') ?? '';
  let problem = null;
  if (type.includes('json')) {
    try {
      problem = await response.json();
      // A detail that only repeats the title ("Forbidden") says less than the words chosen by status below.
      const detail = typeof problem?.detail === 'string' ? problem.detail.trim() : '';
      if (detail !== '' && detail !== String(problem?.title ?? '').trim()) return { message: sentence(detail), problem };
    } catch {
      // Fall through to a message chosen by status.
    }
  }
  const status = response.status;
  let message;
  if (status === 401) message = 'You are not signed in, or your session has ended. Reload the page to sign in again.';
  else if (status === 403) message = 'Your account is not allowed to do this.';
  else if (status === 404) message = 'The server could not find what this page asked for.';
  else if (status === 409) message = 'This conflicts with what the server is doing now. Refresh and try again.';
  else if (status === 429) message = 'The server is busy. Wait a moment, then try again.';
  else if (status >= 500) message = `The server ran into a problem (error ${status}). Try again in a moment.`;
  else message = `The request was not accepted (error ${status}).`;
  return { message, problem };
}

/** The server words some messages as clauses ("source hr: the setting url is required"); shown as sentences. */
export function sentence(text) {
  const trimmed = String(text ?? '').trim();
  if (trimmed === '') return '';
  // A leading name such as a DN (ou=people,…) or a setting keeps its case.
  const capitalised = /^[a-z][\w-]*[=:]/i.test(trimmed) && !/^[a-z]+ /i.test(trimmed)
    ? trimmed : trimmed.charAt(0).toUpperCase() + trimmed.slice(1);
  return /[.!?)]$/.test(capitalised) ? capitalised : `${capitalised}.`;
}

/** Disables a control while its request is in flight, so a second press does not repeat it. */
export async function whileBusy(button, work) {
  if (button.disabled) return undefined;
  button.disabled = true;
  button.setAttribute('aria-busy', 'true');
  try {
    return await work();
  } finally {
    button.disabled = false;
    button.removeAttribute('aria-busy');
  }
}

// ---------------------------------------------------------------------------------------
// Elements

export const byId = (id) => {
  const element = document.getElementById(id);
  if (!element) throw new Error(`${window.location.pathname} has no element #${id}`);
  return element;
};

/** Sets text only when it changed, so polling neither re-announces nor disturbs selection. */
export function setText(element, text) {
  if (element.textContent !== text) element.textContent = text;
}

export function create(tag, className, text) {
  const element = document.createElement(tag);
  if (className) element.className = className;
  if (text !== undefined) element.textContent = text;
  return element;
}

/**
 * The page's alert region (role="alert"): one message at a time, remembered with the source that
 * raised it, so that when that source next succeeds it clears its own message and no other.
 */
export function alertRegion({ region, message, dismiss }) {
  let shownBy = null;
  const clear = (source) => {
    if (source && shownBy !== source) return;
    shownBy = null;
    region.hidden = true;
    message.textContent = '';
  };
  const show = (text, source) => {
    shownBy = source;
    message.textContent = text;
    region.hidden = false;
  };
  dismiss.addEventListener('click', () => clear());
  return { show, clear };
}

// ---------------------------------------------------------------------------------------
// Signed-in user and navigation

export const ROLES = Object.freeze({
  admin: 'directory-admin',
  compliance: 'compliance-officer',
  auditor: 'auditor',
  employee: 'employee',
});

/** Roster's pages, in the navigation's order, with the roles that may use each. */
export const PAGES = Object.freeze([
  { id: 'runs', href: 'index.html', label: 'Runs', roles: [ROLES.admin, ROLES.compliance, ROLES.auditor] },
  { id: 'employees', href: 'employees.html', label: 'Employees', roles: [ROLES.admin, ROLES.compliance] },
  { id: 'sources', href: 'sources.html', label: 'Sources', roles: [ROLES.admin] },
  { id: 'policies', href: 'policies.html', label: 'Policies', roles: [ROLES.compliance, ROLES.auditor, ROLES.admin] },
  { id: 'audit', href: 'audit.html', label: 'Audit trail', roles: [ROLES.compliance, ROLES.auditor] },
  { id: 'me', href: 'me.html', label: 'My page', roles: [ROLES.employee] },
]);

/** The Employees page showing one employee (and, if given, why they and one colleague get each other or not). */
export const employeeHref = (id, why) => `employees.html?id=${encodeURIComponent(id)}`
  + `${why ? `&why=${encodeURIComponent(why)}` : ''}`;

const SESSION_URL = 'api/session';

/** Who is signed in: user, roles, how they signed in and where to sign out; null when unknown. */
export class Session {
  constructor(data) {
    this.user = typeof data?.user === 'string' ? data.user : '';
    this.roles = new Set(Array.isArray(data?.roles) ? data.roles.filter((r) => typeof r === 'string') : []);
    this.signIn = typeof data?.signIn === 'string' ? data.signIn : '';
    this.employeeId = typeof data?.employeeId === 'string' && data.employeeId !== '' ? data.employeeId : null;
    this.signOut = typeof data?.signOut === 'string' && data.signOut !== '' ? data.signOut : null;
  }

  has(role) {
    return this.roles.has(role);
  }

  hasAny(roles) {
    return roles.some((role) => this.roles.has(role));
  }

  mayUse(page) {
    if (page.id === 'me' && this.employeeId) return true;
    return this.hasAny(page.roles);
  }
}

function renderNavigation(current, session) {
  const list = document.getElementById('site-nav-list');
  if (list && session) {
    const items = PAGES.filter((page) => session.mayUse(page)).map((page) => {
      const li = document.createElement('li');
      const link = create('a', '', page.label);
      link.href = page.href;
      if (page.id === current) link.setAttribute('aria-current', 'page');
      li.append(link);
      return li;
    });
    list.replaceChildren(...items);
  }

  const user = document.getElementById('site-user');
  if (user && session && session.user) {
    const name = create('span', 'site-user__name', session.user);
    name.id = 'site-user-name';
    const parts = [create('span', 'visually-hidden', 'Signed in as '), name];
    if (session.signOut) {
      // A POST of the page's own (with the CSRF header); the server answers where to go next, the
      // identity provider's sign-out, which a form's redirect could not reach under form-action 'self'.
      const out = create('button', 'button button--quiet', 'Sign out');
      out.id = 'sign-out';
      out.type = 'button';
      out.addEventListener('click', () => whileBusy(out, async () => {
        let next = './';
        try {
          const answer = await api(session.signOut, { method: 'POST' });
          if (typeof answer?.next === 'string' && answer.next !== '') next = answer.next;
        } catch {
          // Roster's session may be gone already; the first page then asks to sign in again.
        }
        window.location.assign(next);
      }));
      parts.push(out);
    } else if (session.signIn === 'demo') {
      parts.push(create('span', 'site-user__hint', 'Demo users stay signed in until the browser is closed'));
    }
    user.replaceChildren(...parts);
    user.hidden = false;
  }

  const banner = document.getElementById('demo-banner');
  if (banner) banner.hidden = !(session && session.signIn === 'demo');
}

/**
 * Starts a page: asks who is signed in, shows the navigation their roles allow, their name, a
 * sign-out link and, on a server with demo users, the demo banner. Resolves to the Session when
 * they may use this page. When they may not, an employee is taken to their own page and anyone
 * else is told so in plain words (`say` is called with the message); it then resolves to null.
 *
 * Until the server knows /api/session (an older server), the page runs as before: the full
 * navigation stays, and the API itself refuses what the user may not do.
 */
export async function startPage(current, { say } = {}) {
  let session = null;
  try {
    session = new Session(await api(SESSION_URL));
  } catch (error) {
    if (error.status !== 404) {
      say?.(`Who is signed in could not be found out, so every page is listed. ${error.message}`);
    }
    return new Session({ roles: Object.values(ROLES) });
  }
  renderNavigation(current, session);
  const page = PAGES.find((p) => p.id === current);
  if (!page || session.mayUse(page)) return session;

  if (session.mayUse(PAGES.find((p) => p.id === 'me')) && current !== 'me') {
    window.location.replace('me.html');
    return null;
  }
  const allowed = PAGES.filter((p) => session.mayUse(p)).map((p) => p.label);
  say?.(`The ${page.label} page is not for your account (${session.user || 'signed in'}). `
    + (allowed.length > 0 ? `You can use: ${allowed.join(', ')}.` : 'Your account has no Roster pages.'));
  return null;
}

// ---------------------------------------------------------------------------------------
// Errors beside the field they are about

/**
 * Shows a message beside a form control: in its field's error line, tied to the control with
 * aria-describedby and aria-invalid so a screen reader reads it with the control.
 */
export function showFieldError(control, message) {
  const field = control.closest('.field, .check') ?? control.parentElement;
  const id = `${control.id}-error`;
  let line = document.getElementById(id);
  if (!line) {
    line = create('p', 'field-error');
    line.id = id;
    field.append(line);
  }
  line.textContent = message;
  line.hidden = false;
  control.setAttribute('aria-invalid', 'true');
  const described = (control.getAttribute('aria-describedby') ?? '').split(/\s+/).filter(Boolean);
  if (!described.includes(id)) control.setAttribute('aria-describedby', [...described, id].join(' '));
}

/** Clears every field error under root. */
export function clearFieldErrors(root) {
  for (const line of root.querySelectorAll('.field-error:not(.field-error--summary)')) {
    const control = document.getElementById(line.id.replace(/-error$/, ''));
    if (control) {
      control.removeAttribute('aria-invalid');
      const rest = (control.getAttribute('aria-describedby') ?? '').split(/\s+/).filter((t) => t && t !== line.id);
      if (rest.length > 0) control.setAttribute('aria-describedby', rest.join(' '));
      else control.removeAttribute('aria-describedby');
    }
    line.remove();
  }
}
