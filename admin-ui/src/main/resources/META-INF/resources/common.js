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
  constructor(message, status) {
    super(message);
    this.name = 'ApiError';
    this.status = status;
  }
}

function timeoutSignal() {
  if (typeof AbortSignal !== 'undefined' && typeof AbortSignal.timeout === 'function') {
    return AbortSignal.timeout(REQUEST_TIMEOUT_MS);
  }
  return undefined;
}

/** Fetches JSON from the API; any failure becomes an ApiError with a sentence a person can act on. */
export async function api(url, { method = 'GET', body } = {}) {
  const headers = { Accept: 'application/json, application/problem+json' };
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  if (method !== 'GET') {
    // the server refuses changes from a browser without the token it set in this cookie (CSRF)
    const token = document.cookie.split('; ').find((c) => c.startsWith('roster-csrf='));
    if (token) headers['X-CSRF-Token'] = token.slice('roster-csrf='.length);
  }
  let response;
  try {
    response = await fetch(url, {
      method,
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
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
  if (!response.ok) throw new ApiError(await problemMessage(response), response.status);
  if (response.status === 204) return null;
  const type = response.headers.get('Content-Type') ?? '';
  if (!type.includes('json')) {
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
  const type = response.headers.get('Content-Type') ?? '';
  if (type.includes('json')) {
    try {
      const problem = await response.json();
      const text = [problem?.detail, problem?.title].find((t) => typeof t === 'string' && t.trim() !== '');
      if (text) return text.trim();
    } catch {
      // Fall through to a message chosen by status.
    }
  }
  const status = response.status;
  if (status === 401) return 'You are not signed in, or your session has ended. Reload the page to sign in again.';
  if (status === 403) return 'Your account is not allowed to do this.';
  if (status === 404) return 'The server could not find what this page asked for.';
  if (status === 409) return 'This conflicts with what the server is doing now. Refresh and try again.';
  if (status === 429) return 'The server is busy. Wait a moment, then try again.';
  if (status >= 500) return `The server ran into a problem (error ${status}). Try again in a moment.`;
  return `The request was not accepted (error ${status}).`;
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
