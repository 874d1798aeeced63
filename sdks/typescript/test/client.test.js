// The hand-written layer against a scripted local server, and webhook verification against the shared vector.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import { readFileSync } from 'node:fs';
import {
  BillforgeClient, CreditsDeniedError, InvalidRequestError, BillforgeError, parseRetryAfter, verifyWebhook, WebhookSignatureError,
} from '../src/index.js';

async function scripted(script) {
  const seen = [];
  const server = createServer((req, res) => {
    let body = '';
    req.on('data', (c) => { body += c; });
    req.on('end', () => {
      seen.push({ at: Date.now(), body, url: req.url, auth: req.headers.authorization });
      const next = script.shift() || { status: 500, body: '{}' };
      const headers = { 'Content-Type': next.status >= 400 ? 'application/problem+json' : 'application/json' };
      if (next.retryAfter) headers['Retry-After'] = next.retryAfter;
      res.writeHead(next.status, headers).end(next.body);
    });
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const client = new BillforgeClient({ baseUrl: `http://127.0.0.1:${server.address().port}/`, apiKey: 'doc_router_sk_test', initialBackoffMs: 10 });
  return { client, seen, close: () => new Promise((resolve) => server.close(resolve)) };
}

test('a rate-limited call is retried no sooner than Retry-After', async () => {
  const { client, seen, close } = await scripted([
    { status: 429, retryAfter: '1', body: '{"status":429,"code":"rate_limited"}' },
    { status: 200, body: '{"creditName":"SPU","available":"95.76"}' },
  ]);
  try {
    const balance = await client.getBalance();
    assert.equal(balance.available, '95.76');
    assert.equal(seen.length, 2);
    assert.ok(seen[1].at - seen[0].at >= 950, `waited ${seen[1].at - seen[0].at} ms`);
    assert.equal(seen[0].auth, 'Bearer doc_router_sk_test');
  } finally { await close(); }
});

test('a usage event without a key gets one that stays the same across retries', async () => {
  const { client, seen, close } = await scripted([
    { status: 503, retryAfter: '0', body: '{"status":503,"code":"ledger_unavailable"}' },
    { status: 502, body: '' },
    { status: 200, body: '{"results":[{"status":"recorded","credits":"3"}]}' },
  ]);
  try {
    await client.recordUsage({ events: [{ meter: 'page', quantity: 3 }] });
    assert.equal(seen.length, 3);
    const key = JSON.parse(seen[0].body).events[0].idempotencyKey;
    assert.match(key, /^[0-9a-f-]{36}$/);
    for (const s of seen) assert.equal(JSON.parse(s.body).events[0].idempotencyKey, key);
  } finally { await close(); }
});

test('a call that is not idempotent is not repeated after a bad gateway', async () => {
  const { client, seen, close } = await scripted([{ status: 502, body: '<html>bad gateway</html>' }]);
  try {
    await assert.rejects(client.createOrg({ name: 'Acme' }), (e) => e instanceof BillforgeError && e.status === 502);
    assert.equal(seen.length, 1);
  } finally { await close(); }
});

test('problem details become typed errors with their code and field', async () => {
  const { client, close } = await scripted([
    { status: 402, body: '{"status":402,"code":"insufficient_credits","detail":"not enough credits for 40"}' },
    { status: 400, body: '{"status":400,"code":"invalid_request","field":"credits","detail":"credits must be greater than 0"}' },
  ]);
  try {
    await assert.rejects(client.createHold({ credits: '40' }),
      (e) => e instanceof CreditsDeniedError && e.code === 'insufficient_credits' && e.message === 'not enough credits for 40');
    await assert.rejects(client.checkEntitlement({ credits: '0' }), (e) => e instanceof InvalidRequestError && e.field === 'credits');
  } finally { await close(); }
});

test('Retry-After is read as seconds or an HTTP date', () => {
  assert.equal(parseRetryAfter('7'), 7000);
  assert.equal(parseRetryAfter('Wed, 21 Oct 2015 07:28:00 GMT'), 0);
  assert.equal(parseRetryAfter('soon'), null);
});

const vector = JSON.parse(readFileSync(new URL('../../webhook-test-vector.json', import.meta.url), 'utf8'));

test('a platform-signed webhook verifies with the current or the previous secret', () => {
  for (const secret of [vector.secret, vector.previousSecret]) {
    const event = verifyWebhook(vector.body, vector.signature, secret, { now: vector.timestamp * 1000 + 30_000 });
    assert.equal(event.type, 'alert.threshold');
  }
});

test('a changed body, a wrong secret or an old signature is refused', () => {
  const now = vector.timestamp * 1000;
  assert.throws(() => verifyWebhook(vector.body.replace('90', '10'), vector.signature, vector.secret, { now }), WebhookSignatureError);
  assert.throws(() => verifyWebhook(vector.body, vector.signature, 'whsec_other', { now }), WebhookSignatureError);
  assert.throws(() => verifyWebhook(vector.body, vector.signature, vector.secret, { now: now + 360_000 }), WebhookSignatureError);
});
