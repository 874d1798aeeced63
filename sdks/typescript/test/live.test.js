// Against a running Billforge product (SdkIT in tenant-docrouter starts DocRouter and sets the env).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { BillforgeClient, CreditsDeniedError, NotFoundError, AuthenticationError } from '../src/index.js';

const baseUrl = process.env.BILLFORGE_BASE_URL;
const operatorToken = process.env.BILLFORGE_OPERATOR_TOKEN;
if (!baseUrl || !operatorToken) {
  throw new Error('set BILLFORGE_BASE_URL and BILLFORGE_OPERATOR_TOKEN (a running DocRouter with an operator token)');
}

async function newOrg() {
  const operator = new BillforgeClient({ baseUrl, apiKey: operatorToken });
  const org = await operator.createOrg({ name: 'Node SDK', timeZone: 'Europe/Berlin' });
  const key = await operator.createApiKey(org.id, { name: 'node' });
  assert.match(key.key, new RegExp(`^${process.env.BILLFORGE_KEY_PREFIX}`));
  return new BillforgeClient({ baseUrl, apiKey: key.key });
}

test('usage is charged once per key and the balance follows', async () => {
  const client = await newOrg();
  assert.equal((await client.getBalance()).available, '100');
  const first = await client.recordUsage({ events: [{ idempotencyKey: 'job-1', meter: 'page', quantity: 3 }, { meter: 'llm_token', quantity: 1234 }] });
  assert.deepEqual(first.results.map((r) => r.status), ['recorded', 'recorded']);
  assert.ok(first.results[1].idempotencyKey, 'a generated key is echoed');
  const again = await client.recordUsage({ events: [{ idempotencyKey: 'job-1', meter: 'page', quantity: 3 }] });
  assert.equal(again.results[0].status, 'duplicate');
  assert.equal(again.balance.available, '95.76');
});

test('withHold commits the actual cost, and releases when the work fails', async () => {
  const client = await newOrg();
  const answer = await client.withHold('40', async (hold) => { hold.actual = '25'; return 'done'; });
  assert.equal(answer, 'done');
  assert.equal((await client.getBalance()).available, '75');
  await assert.rejects(client.withHold(30, async () => { throw new Error('extraction failed'); }), /extraction failed/);
  const balance = await client.getBalance();
  assert.equal(balance.available, '75');
  assert.equal(balance.held, '0');
});

test('errors arrive typed with their stable code', async () => {
  const client = await newOrg();
  await assert.rejects(client.createHold({ credits: '100000' }), (e) => e instanceof CreditsDeniedError && e.status === 402);
  await assert.rejects(client.commitHold('res_missing', { credits: '1' }), (e) => e instanceof NotFoundError && e.code === 'not_found');
  const stranger = new BillforgeClient({ baseUrl, apiKey: 'doc_router_sk_not_a_key', maxRetries: 0 });
  await assert.rejects(stranger.getBalance(), (e) => e instanceof AuthenticationError && e.code === 'unauthorized');
});

test('the usage summary, ledger and entitlement check are typed calls', async () => {
  const client = await newOrg();
  await client.recordUsage({ events: [{ meter: 'page', quantity: 2, properties: { operation: 'extract' } }] });
  const check = await client.checkEntitlement({ meter: 'page', quantity: 10 });
  assert.equal(check.allowed, true);
  const ledger = await client.listLedgerEntries({ limit: 5 });
  assert.ok(ledger.entries.length >= 2);
  const now = Date.now();
  const query = { from: new Date(now - 86_400_000), to: new Date(now + 3_600_000).toISOString(), granularity: 'hour', groupBy: 'operation' };
  let summary = await client.usageSummary(query);
  for (let i = 0; i < 50 && summary.total !== '2'; i++) { // rollups follow the ledger commit
    await new Promise((resolve) => setTimeout(resolve, 100));
    summary = await client.usageSummary(query);
  }
  assert.equal(summary.total, '2');
  assert.equal(summary.buckets[0].credits.extract, '2');
});
