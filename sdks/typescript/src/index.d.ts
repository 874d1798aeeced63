// Types of the hand-written layer; the models and operations are in generated.d.ts.
import type { GeneratedOperations, Hold, Decimal, RequestOptions } from './generated.js';

export * from './generated.js';

export interface ClientConfig {
  /** The product's origin, e.g. https://docrouter.example.com */
  baseUrl: string;
  /** An org API key (`<tag>_sk_...`) or, for operator calls, the operator token. */
  apiKey: string;
  /** Retries after the first attempt (default 3). */
  maxRetries?: number;
  /** First backoff in ms, doubled per retry (default 500). */
  initialBackoffMs?: number;
  fetch?: typeof fetch;
}

/** A hold inside withHold: set `actual` to the real cost, or the held credits are charged. */
export interface ActiveHold extends Hold {
  actual?: Decimal | number;
}

export interface BillforgeClient extends GeneratedOperations {}
export class BillforgeClient {
  constructor(config: ClientConfig);
  /** Holds `credits`, runs `work`, commits `hold.actual`; releases the hold and rethrows when `work` throws. */
  withHold<T>(credits: Decimal | number, work: (hold: ActiveHold) => Promise<T> | T,
    options?: { ttlSeconds?: number; idempotencyKey?: string }): Promise<T>;
}

export declare const operations: Readonly<Record<string, {
  method: string; path: string; pathParams: string[]; query: string[]; headers: string[]; body: boolean;
}>>;

export class BillforgeError extends Error {
  readonly status: number;
  /** Stable error code (`insufficient_credits`, `not_found`, ...); `network_error` when no answer came. */
  readonly code: string;
  readonly field?: string;
  readonly problem: Record<string, unknown>;
}
export class CreditsDeniedError extends BillforgeError {}
export class RateLimitedError extends BillforgeError {}
export class InvalidRequestError extends BillforgeError {}
export class AuthenticationError extends BillforgeError {}
export class NotFoundError extends BillforgeError {}
export class ConflictError extends BillforgeError {}

export function parseRetryAfter(value: string | null, now?: number): number | null;

export class WebhookSignatureError extends Error {}
/** Verifies a Billforge org webhook (raw body as received) and returns the parsed event. */
export function verifyWebhook(rawBody: string | Uint8Array, signatureHeader: string, secrets: string | string[],
  options?: { toleranceSeconds?: number; now?: number }): {
  id: string; type: string; orgId: string; createdAt: string; data: Record<string, unknown>;
};
