// Benchmark (not a test): channels against the fake networks on 127.0.0.1, embedded PGlite.
// 1. Collection lag: a comment posted to the fake VK (and a message to the fake Telegram) until its case exists,
//    with the collector loop long-polling as `otklik serve` runs it; median and p90 over sequential messages.
// 2. Publication: from the publisher's request to the reply in the fake VK thread and the case recorded as
//    published (the outbox worker kicked by the request), median and p90; then a burst of requests at once.
// Run: pnpm bench  (root) → tsx bench/channels.bench.ts
import { randomBytes } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { and, eq } from 'drizzle-orm';
import { startChannelRuntime } from '../../apps/server/src/channels/runtime';
import { openDatabase } from '../../apps/server/src/db/connect';
import { migrateDatabase } from '../../apps/server/src/db/migrate';
import { cases } from '../../apps/server/src/db/schema';
import { createDeps, type ServerDeps } from '../../apps/server/src/deps';
import { type Caller, createOrgFixture, type OrgFixture, signIn } from '../../apps/server/src/test/fixtures';
import { startFakeTelegram } from '../channels/fakes/telegram';
import { startFakeVk } from '../channels/fakes/vk';
import { emit, say } from './output';

const MESSAGES = Number(process.env.BENCH_CHANNEL_MESSAGES ?? 30);
const BURST = Number(process.env.BENCH_CHANNEL_BURST ?? 20);

const pct = (values: number[], p: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))] ?? NaN;
};
const fmt = (ms: number) => `${ms.toFixed(1)} ms`;

async function until(ok: () => Promise<boolean>, ms = 30_000) {
  const end = Date.now() + ms;
  while (!(await ok())) {
    if (Date.now() > end) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 2));
  }
}

async function caseOf(deps: ServerDeps, org: OrgFixture, externalId: string) {
  const [row] = await deps.db
    .select({ id: cases.id, version: cases.version, status: cases.status })
    .from(cases)
    .where(and(eq(cases.organisationId, org.organisationId), eq(cases.externalId, externalId)));
  return row ?? null;
}

async function approve(as: { curator: Caller; executor: Caller }, org: OrgFixture, caseId: string, text: string) {
  let v = (await as.curator.cases.detail({ caseId })).case.version;
  const run = async (who: Caller, command: Parameters<Caller['cases']['command']>[0]['command']) => {
    v = (await who.cases.command({ caseId, expectedVersion: v, command })).version;
  };
  await run(as.curator, {
    type: 'triage',
    topic: 'дороги',
    location: 'центр',
    category: 'ordinary',
    processable: true,
  });
  await run(as.curator, {
    type: 'route',
    mode: 'single',
    assignments: [{ departmentId: org.departments.roads, executorId: org.people.roadsExecutor.id }],
  });
  await run(as.executor, { type: 'submit-draft', kind: 'answer', text, attachments: [] });
  await run(as.curator, { type: 'approve' });
  return v;
}

async function main() {
  const database = await openDatabase({ kind: 'pglite-memory' });
  await migrateDatabase(database);
  const deps = createDeps({ database, secretKey: randomBytes(32) });
  const org = await createOrgFixture(deps, { profileId: 'nao-2020' });
  const admin = await signIn(deps, org.people.admin.login);
  const curator = await signIn(deps, org.people.curator.login);
  const executor = await signIn(deps, org.people.roadsExecutor.login);
  const vk = await startFakeVk();
  const tg = await startFakeTelegram();
  for (const input of [
    { network: 'vk', url: 'https://vk.com/bench', token: vk.token, apiBaseUrl: vk.apiBaseUrl },
    { network: 'telegram', url: 'https://t.me/bench', token: tg.token, apiBaseUrl: tg.url },
  ]) {
    const account = await admin.channels.create(input);
    await admin.channels.check({ id: account.id });
  }
  const runtime = startChannelRuntime(deps, { waitSeconds: 25, scanMs: 500 });
  await new Promise((r) => setTimeout(r, 1_000)); // both loops are in their long poll

  const lag = { vk: [] as number[], telegram: [] as number[] };
  for (let i = 0; i < MESSAGES; i++) {
    let t0 = performance.now();
    const id = vk.comment({ postId: 1, fromId: 100 + i, text: `Комментарий ${i}` });
    await until(async () => (await caseOf(deps, org, `wall-${vk.groupId}_c${id}`)) !== null);
    lag.vk.push(performance.now() - t0);
    t0 = performance.now();
    const m = tg.userMessage({ text: `Сообщение ${i}`, fromId: 5000 + i, private: true });
    await until(async () => (await caseOf(deps, org, `tg${m.chatId}_${m.messageId}`)) !== null);
    lag.telegram.push(performance.now() - t0);
    await new Promise((r) => setTimeout(r, 20)); // the loop is back in its long poll
  }

  // Publication, one at a time: request → reply in the VK thread and the case closed.
  const publish: number[] = [];
  const toApprove: { caseId: string; commentId: number; version: number }[] = [];
  for (let i = 0; i < MESSAGES + BURST; i++) {
    const commentId = vk.comment({ postId: 2, fromId: 300 + i, text: `Вопрос ${i}` });
    await until(async () => (await caseOf(deps, org, `wall-${vk.groupId}_c${commentId}`)) !== null);
    const kase = await caseOf(deps, org, `wall-${vk.groupId}_c${commentId}`);
    const version = await approve({ curator, executor }, org, kase!.id, `Ответ ${i}`);
    toApprove.push({ caseId: kase!.id, commentId, version });
  }
  for (const item of toApprove.slice(0, MESSAGES)) {
    const t0 = performance.now();
    await curator.channels.requestPublication({ caseId: item.caseId, expectedVersion: item.version });
    await until(async () => (await caseOf(deps, org, `wall-${vk.groupId}_c${item.commentId}`))?.status === 'closed');
    publish.push(performance.now() - t0);
    if (vk.repliesTo(item.commentId).length !== 1) throw new Error('posted twice or not at all');
  }
  // A burst: every remaining request at once, until the last is recorded.
  const burst = toApprove.slice(MESSAGES);
  const t0 = performance.now();
  await Promise.all(
    burst.map((b) => curator.channels.requestPublication({ caseId: b.caseId, expectedVersion: b.version })),
  );
  for (const b of burst) {
    await until(
      async () => (await caseOf(deps, org, `wall-${vk.groupId}_c${b.commentId}`))?.status === 'closed',
      120_000,
    );
  }
  const burstMs = performance.now() - t0;
  const doubles = burst.filter((b) => vk.repliesTo(b.commentId).length !== 1).length;

  await runtime.stop();
  await vk.close();
  await tg.close();
  await database.close();

  emit({
    messages: MESSAGES,
    collectionLagMs: {
      vk: { median: pct(lag.vk, 50), p90: pct(lag.vk, 90) },
      telegram: { median: pct(lag.telegram, 50), p90: pct(lag.telegram, 90) },
    },
    publicationMs: { median: pct(publish, 50), p90: pct(publish, 90) },
    burst: { requests: BURST, totalMs: burstMs, postedTwice: doubles },
  });
  say(
    [
      `channels bench (fake networks on 127.0.0.1, PGlite in memory, ${MESSAGES} sequential messages each)`,
      `  collection lag VK (long poll):        median ${fmt(pct(lag.vk, 50))}, p90 ${fmt(pct(lag.vk, 90))}`,
      `  collection lag Telegram (getUpdates): median ${fmt(pct(lag.telegram, 50))}, p90 ${fmt(pct(lag.telegram, 90))}`,
      `  publication request → recorded (VK):  median ${fmt(pct(publish, 50))}, p90 ${fmt(pct(publish, 90))}`,
      `  burst of ${BURST} requests at once:          all recorded in ${fmt(burstMs)} (${fmt(burstMs / BURST)} each), posted twice: ${doubles}`,
    ].join('\n'),
  );
}

main().catch((error: unknown) => {
  process.stderr.write(`${String(error)}\n`);
  process.exit(1);
});
