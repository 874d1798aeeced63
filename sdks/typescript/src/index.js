// Hand-written layer over the generated operations (src/generated.js): transport, auth, retries,
// idempotency keys, typed errors, holds and webhook verification. No dependencies: fetch and
// node:crypto (Node 18+; in a browser only the client part works, webhooks are verified server-side).
import { operations } from './generated.js';

export { operations };

// Node 18 has no global crypto; browsers and Node 19+ do.
const randomUUID = globalThis.crypto?.randomUUID
  ? () => globalThis.crypto.randomUUID()
  : (await import('node:crypto')).randomUUID;

const RETRY_ALWAYS = new Set([429, 503]);
const RETRY_IF_IDEMPOTENT = new Set([502, 504]);
const MAX_WAIT_MS = 60_000;

/** An API error from its problem details; branch on `code` (stable). */
export class BillforgeError extends Error {
  constructor(status, problem = {}, cause) {
    super(problem.detail || problem.code || `HTTP ${status}`, cause ? { cause } : undefined);
    this.name = new.target.name;
    this.status = status;
    this.code = problem.code || (status ? `http_${status}` : 'network_error');
    this.field = problem.field;
    this.problem = problem;
  }
}
/** 402: not enough credits, a hard cap reached, or the account blocked. */
export class CreditsDeniedError extends BillforgeError {}
/** 429 after the retries ran out. */
export class RateLimitedError extends BillforgeError {}
/** 400: bad input; `field` names it. */
export class InvalidRequestError extends BillforgeError {}
/** 401/403. */
export class AuthenticationError extends BillforgeError {}
/** 404. */
export class NotFoundError extends BillforgeError {}
/** 409, e.g. idempotency_conflict, reservation_closed. */
export class ConflictError extends BillforgeError {}

const ERRORS_BY_CODE = {
  insufficient_credits: CreditsDeniedError, cap_reached: CreditsDeniedError, account_blocked: CreditsDeniedError,
  rate_limited: RateLimitedError, throttled: RateLimitedError, too_many_holds: RateLimitedError,
  invalid_request: InvalidRequestError,
  unauthorized: AuthenticationError, forbidden: AuthenticationError, role_required: AuthenticationError,
  not_found: NotFoundError,
};

function errorFor(status, problem) {
  const Type = ERRORS_BY_CODE[problem.code] || (status === 409 ? ConflictError : BillforgeError);
  return new Type(status, problem);
}

/** Seconds or an HTTP date; null when absent or unreadable. */
export function parseRetryAfter(value, now = Date.now()) {
  if (!value || value.length > 64) return null;
  if (/^\d{1,6}$/.test(value.trim())) return Number(value.trim()) * 1000;
  const at = Date.parse(value);
  return Number.isNaN(at) ? null : Math.max(0, at - now);
}

export class BillforgeClient {
  /**
   * @param {{baseUrl: string, apiKey: string, maxRetries?: number, initialBackoffMs?: number, fetch?: typeof fetch}} config
   */
  constructor({ baseUrl, apiKey, maxRetries = 3, initialBackoffMs = 500, fetch: fetchImpl = globalThis.fetch }) {
    if (!baseUrl) throw new TypeError('baseUrl is required');
    if (!apiKey) throw new TypeError('apiKey is required');
    this.baseUrl = baseUrl.replace(/\/+$/, '');
    this.apiKey = apiKey;
    this.maxRetries = Math.max(0, maxRetries);
    this.initialBackoffMs = initialBackoffMs;
    this.fetch = fetchImpl;
  }

  /**
   * Holds `credits`, runs `work(hold)` and commits `hold.actual` (the held credits when unset);
   * when `work` throws, releases the hold and rethrows.
   */
  async withHold(credits, work, { ttlSeconds, idempotencyKey } = {}) {
    const held = await this.createHold({ credits: String(credits), ttlSeconds, idempotencyKey });
    const hold = { ...held, actual: undefined };
    let result;
    try {
      result = await work(hold);
    } catch (failure) {
      try {
        await this.releaseHold(held.id);
      } catch (releaseFailure) {
        if (failure && typeof failure === 'object') failure.releaseError = releaseFailure;
      }
      throw failure;
    }
    await this.commitHold(held.id, { credits: String(hold.actual ?? held.credits) });
    return result;
  }

  async _invoke(op, args) {
    const rest = [...args];
    const pathValues = op.pathParams.map(() => rest.shift());
    let body = op.body ? rest.shift() : undefined;
    const query = op.query.length ? rest.shift() || {} : {};
    const options = rest.shift() || {};

    let path = op.path;
    op.pathParams.forEach((name, i) => {
      if (pathValues[i] === undefined || pathValues[i] === null) throw new TypeError(`${name} is required`);
      path = path.replace(`{${name}}`, encodeURIComponent(String(pathValues[i])));
    });
    const search = new URLSearchParams();
    for (const name of op.query) {
      if (query[name] !== undefined && query[name] !== null) search.set(name, query[name] instanceof Date ? query[name].toISOString() : String(query[name]));
    }
    const url = this.baseUrl + path + (search.toString() ? `?${search}` : '');

    body = withIdempotencyKeys(path, body);
    const idempotent = op.method !== 'POST' || Boolean(options.idempotencyKey) || hasIdempotencyKey(path);
    const headers = { Authorization: `Bearer ${this.apiKey}`, Accept: 'application/json, application/problem+json' };
    if (options.idempotencyKey) headers['Idempotency-Key'] = options.idempotencyKey;
    if (body !== undefined) headers['Content-Type'] = 'application/json';
    const init = { method: op.method, headers, body: body === undefined ? undefined : JSON.stringify(body), signal: options.signal };

    for (let attempt = 0; ; attempt++) {
      let response;
      try {
        response = await this.fetch(url, init);
      } catch (cause) {
        if (options.signal?.aborted || !idempotent || attempt >= this.maxRetries) {
          throw new BillforgeError(0, { code: 'network_error', detail: String(cause?.message || cause) }, cause);
        }
        await sleep(this._backoff(attempt, null), options.signal);
        continue;
      }
      const status = response.status;
      const retriable = RETRY_ALWAYS.has(status) || (idempotent && RETRY_IF_IDEMPOTENT.has(status));
      if (retriable && attempt < this.maxRetries) {
        await response.arrayBuffer().catch(() => {});
        await sleep(this._backoff(attempt, response.headers.get('retry-after')), options.signal);
        continue;
      }
      const text = await response.text();
      const isJson = (response.headers.get('content-type') || '').startsWith('application/json');
      // a usage batch whose every event was refused under `enforce` is a 402 with the normal body
      if (status >= 400 && !(status === 402 && path === '/api/v1/usage' && isJson)) {
        let problem = {};
        try { problem = JSON.parse(text); } catch { /* a proxy's HTML page: keep the status */ }
        throw errorFor(status, problem);
      }
      return text ? JSON.parse(text) : undefined;
    }
  }

  _backoff(attempt, retryAfter) {
    const cap = this.initialBackoffMs * 2 ** Math.min(attempt, 16);
    let wait = cap / 2 + Math.random() * (cap / 2);
    const server = parseRetryAfter(retryAfter);
    if (server !== null && server > wait) wait = server;
    return Math.min(wait, MAX_WAIT_MS);
  }
}

for (const [name, op] of Object.entries(operations)) {
  Object.defineProperty(BillforgeClient.prototype, name, {
    value: function (...args) { return this._invoke(op, args); },
    writable: true,
    configurable: true,
  });
}

function hasIdempotencyKey(path) {
  return path === '/api/v1/usage' || path === '/api/v1/reservations';
}

/** Usage events and holds without a key get a random one, the same on every retry. */
function withIdempotencyKeys(path, body) {
  if (path === '/api/v1/usage' && body && Array.isArray(body.events)) {
    return { ...body, events: body.events.map((e) => (e && e.idempotencyKey ? e : { ...e, idempotencyKey: randomUUID() })) };
  }
  if (path === '/api/v1/reservations' && body && !body.idempotencyKey) {
    return { ...body, idempotencyKey: randomUUID() };
  }
  return body;
}

function sleep(ms, signal) {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason);
    const timer = setTimeout(resolve, ms);
    signal?.addEventListener('abort', () => { clearTimeout(timer); reject(signal.reason); }, { once: true });
  });
}

export { verifyWebhook, WebhookSignatureError } from './webhooks.js';
