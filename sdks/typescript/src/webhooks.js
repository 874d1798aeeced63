// Billforge's signed org webhooks: `Billforge-Signature: t=<unix seconds>,v1=<hex>[,v1=<hex>]`, each v1
// an HMAC-SHA256 of `${t}.${rawBody}` with one of the org's secrets (two during a rotation).
import { createHmac, timingSafeEqual } from 'node:crypto';

export class WebhookSignatureError extends Error {}

/**
 * Verifies the raw body (string or bytes, exactly as received) and returns the parsed event.
 * @param {string|Uint8Array} rawBody
 * @param {string} signatureHeader the Billforge-Signature header
 * @param {string|string[]} secrets the org's webhook secret(s)
 */
export function verifyWebhook(rawBody, signatureHeader, secrets, { toleranceSeconds = 300, now = Date.now() } = {}) {
  if (typeof signatureHeader !== 'string' || signatureHeader.length > 4096) {
    throw new WebhookSignatureError('missing or oversized Billforge-Signature header');
  }
  const body = typeof rawBody === 'string' ? rawBody : Buffer.from(rawBody).toString('utf8');
  let timestamp = null;
  const signatures = [];
  for (const part of signatureHeader.split(',')) {
    const [key, value] = part.trim().split(/=(.*)/s);
    if (key === 't' && /^\d{1,12}$/.test(value)) timestamp = Number(value);
    else if (key === 'v1' && value) signatures.push(value);
  }
  if (timestamp === null || signatures.length === 0) throw new WebhookSignatureError('Billforge-Signature needs t= and v1=');
  if (Math.abs(now / 1000 - timestamp) > toleranceSeconds) throw new WebhookSignatureError('signature timestamp outside the tolerance');
  for (const secret of [].concat(secrets)) {
    const expected = Buffer.from(createHmac('sha256', secret).update(`${timestamp}.${body}`, 'utf8').digest('hex'));
    for (const signature of signatures) {
      const given = Buffer.from(signature);
      if (given.length === expected.length && timingSafeEqual(given, expected)) return JSON.parse(body);
    }
  }
  throw new WebhookSignatureError('no signature matches');
}
