// JSON API helper: same-origin cookie session, CSRF header on writes,
// Accept-Language from the current UI language, RFC 9457 problem details on errors.

import { currentLang, t } from './i18n.js';

const CSRF_COOKIE = 'XSRF-TOKEN';
const CSRF_HEADER = 'X-XSRF-TOKEN';
const SAFE_METHODS = ['GET', 'HEAD', 'OPTIONS', 'TRACE'];

export class ApiError extends Error {
  constructor(status, problem, retryAfter = null) {
    super((problem && (problem.detail || problem.title)) || `HTTP ${status}`);
    this.name = 'ApiError';
    this.status = status;
    this.problem = problem;
    this.retryAfter = retryAfter;
  }
}

function readCookie(name) {
  for (const part of document.cookie.split(';')) {
    const idx = part.indexOf('=');
    if (idx < 0) continue;
    if (part.slice(0, idx).trim() === name) {
      const value = part.slice(idx + 1).trim();
      try {
        return decodeURIComponent(value);
      } catch {
        return value;
      }
    }
  }
  return null;
}

function baseHeaders() {
  return {
    Accept: 'application/json, application/problem+json',
    'Accept-Language': currentLang(),
  };
}

/** The CSRF token: the cookie, read fresh; if absent, ask the server for one first. */
async function csrfToken() {
  const fromCookie = readCookie(CSRF_COOKIE);
  if (fromCookie) return fromCookie;
  let returned = null;
  try {
    const res = await fetch('/api/auth/csrf', {
      method: 'GET',
      credentials: 'same-origin',
      headers: baseHeaders(),
    });
    if (res.ok) {
      const body = await res.json();
      returned = body && typeof body.token === 'string' ? body.token : null;
    }
  } catch {
    // fall through: the write itself will report the failure
  }
  return readCookie(CSRF_COOKIE) || returned;
}

function syntheticProblem(status) {
  if (status === 0) {
    return { type: 'about:blank', title: t('error.generic'), status: 0, detail: t('error.network') };
  }
  if (status === 429) {
    return { type: 'about:blank', title: t('error.generic'), status, detail: t('error.tooMany') };
  }
  return { type: 'about:blank', title: t('error.generic'), status, detail: t('error.status', { status }) };
}

/**
 * Calls the API. Resolves to the parsed JSON body (null for an empty body / 204);
 * rejects with ApiError {status, problem} for network errors and non-2xx answers.
 */
export async function api(method, path, body) {
  const verb = String(method || 'GET').toUpperCase();
  const headers = baseHeaders();
  const init = { method: verb, credentials: 'same-origin', headers };
  if (body instanceof FormData) {
    init.body = body; // multipart: the browser sets the Content-Type with its boundary
  } else if (body !== undefined && body !== null) {
    headers['Content-Type'] = 'application/json';
    init.body = JSON.stringify(body);
  }
  if (!SAFE_METHODS.includes(verb)) {
    const token = await csrfToken();
    if (token) headers[CSRF_HEADER] = token;
  }

  let res;
  try {
    res = await fetch(path, init);
  } catch {
    throw new ApiError(0, syntheticProblem(0));
  }

  let data = null;
  if (res.status !== 204 && res.status !== 205) {
    const text = await res.text();
    if (text) {
      try {
        data = JSON.parse(text);
      } catch {
        data = null;
      }
    }
  }

  if (!res.ok) {
    const problem = data && typeof data === 'object' && !Array.isArray(data)
      ? data
      : syntheticProblem(res.status);
    if (problem.status === undefined) problem.status = res.status;
    throw new ApiError(res.status, problem, res.headers.get('Retry-After'));
  }
  return data;
}

/**
 * Sends multipart form data with XMLHttpRequest (fetch cannot report upload progress), reporting
 * whole percents to onPercent. Resolves and rejects as api() does.
 */
export async function sendForm(method, path, form, onPercent = () => {}) {
  const token = await csrfToken();
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open(method, path);
    xhr.withCredentials = true;
    for (const [name, value] of Object.entries(baseHeaders())) xhr.setRequestHeader(name, value);
    if (token) xhr.setRequestHeader(CSRF_HEADER, token);
    xhr.upload.addEventListener('progress', (event) => {
      if (event.lengthComputable) onPercent(Math.min(99, Math.floor((event.loaded / event.total) * 100)));
    });
    xhr.addEventListener('load', () => {
      let body = null;
      try {
        body = xhr.responseText ? JSON.parse(xhr.responseText) : null;
      } catch {
        body = null;
      }
      if (xhr.status >= 200 && xhr.status < 300) {
        onPercent(100);
        resolve(body);
      } else {
        const problem = body && typeof body === 'object' && !Array.isArray(body) ? body : syntheticProblem(xhr.status);
        if (problem.status === undefined) problem.status = xhr.status;
        reject(new ApiError(xhr.status, problem, xhr.getResponseHeader('Retry-After')));
      }
    });
    xhr.addEventListener('error', () => reject(new ApiError(0, syntheticProblem(0))));
    xhr.send(form);
  });
}

let mePromise = null;

/** The signed-in user (GET /api/me), or null when anonymous (401). Cached per page load. */
export function me({ refresh = false } = {}) {
  if (!mePromise || refresh) {
    mePromise = api('GET', '/api/me').catch((err) => {
      if (err instanceof ApiError && err.status === 401) return null;
      mePromise = null; // allow a retry after transient failures
      throw err;
    });
  }
  return mePromise;
}
