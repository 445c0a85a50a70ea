// The demo cases, built by issuing real domain commands with times relative to now (counted back in working time
// on the organisation's calendar), so at any hour the board shows cases in every state: just detected, in a
// three-department chain, awaiting approval, at risk, breached, with an intermediate answer, closed, a repeat
// message and a rejected abusive one. Each organisation gets only what its preset allows.
import { type Actor, type CaseCommandInput, computeClocks, type Profile } from '@otklik/domain';
import { eq, max } from 'drizzle-orm';
import { executeCaseCommand, SYSTEM_ACTOR } from '../cases/commands';
import { loadOrganisationRules, type OrganisationRules } from '../cases/domain-context';
import { caseEvents, cases } from '../db/schema';
import type { ServerDeps } from '../deps';
import { DEMO_ABUSIVE_POST, DEMO_MESSAGES, DEMO_REPEAT_POST, type DemoMessage, type DemoPost } from './messages';
import { DEMO_ORGANISATIONS, type DemoDepartmentKey, demoPeople } from './roster';
import type { SeededOrganisation } from './seed';

const EXECUTOR_OF: Record<DemoDepartmentKey, string> = {
  housing: 'zhkh',
  roads: 'roads',
  education: 'edu',
  health: 'health',
  social: 'social',
  culture: 'culture',
  administration: 'adm',
};

type Scenario =
  | 'detected'
  | 'triage-at-risk'
  | 'triaged'
  | 'assigned'
  | 'chain'
  | 'chain-at-risk'
  | 'draft-review'
  | 'revision'
  | 'approved'
  | 'publish-at-risk'
  | 'breached'
  | 'intermediate'
  | 'closed'
  | 'returned'
  | 'significant'
  | 'explained';

/** How many cases of each scenario the main organisation gets; a small one gets the second list. */
const MAIN_PLAN: [Scenario, number][] = [
  ['detected', 5],
  ['triage-at-risk', 2],
  ['triaged', 3],
  ['assigned', 10],
  ['chain', 3],
  ['chain-at-risk', 1],
  ['draft-review', 6],
  ['revision', 3],
  ['approved', 2],
  ['publish-at-risk', 1],
  ['breached', 5],
  ['intermediate', 4],
  ['closed', 11],
  ['returned', 2],
  ['significant', 2],
];
const SMALL_PLAN: [Scenario, number][] = [
  ['detected', 1],
  ['triage-at-risk', 1],
  ['assigned', 1],
  ['chain', 1],
  ['draft-review', 1],
  ['breached', 1],
  ['intermediate', 1],
  ['closed', 2],
];

/** The small plan within the preset's rules: without chains (idrinsky-2021, slavgorod-2020) a revision takes the
 *  chain's place; without intermediate answers (idrinsky-2021 has no `final` step) an explanation or an approval
 *  takes the intermediate one's. */
export function planFor(share: 'main' | 'small', profile: Profile): [Scenario, number][] {
  if (share === 'main') return MAIN_PLAN;
  return SMALL_PLAN.map(([scenario, n]): [Scenario, number] => {
    if (scenario === 'chain' && profile.chain.modes.length === 0) return ['revision', n];
    if (scenario === 'intermediate' && !profile.steps.final) {
      return [profile.endings.includes('explained') ? 'explained' : 'approved', n];
    }
    return [scenario, n];
  });
}

interface OrgPlayer {
  org: SeededOrganisation;
  rules: OrganisationRules;
  actors: Record<string, Actor>;
  now: number;
}

function actorsOf(org: SeededOrganisation, index: number): Record<string, Actor> {
  const out: Record<string, Actor> = {};
  for (const p of demoPeople(index)) {
    const departmentIds = [
      ...(p.department ? [org.departments[p.department]] : []),
      ...(p.supervises ?? []).map((d) => org.departments[d]),
    ];
    out[p.key] = { personId: org.people[p.key]!, roles: p.roles, departmentIds };
  }
  return out;
}

/** One case played forward from its detection time; every step is a real command decided by the domain. */
type RegisterInput = Extract<CaseCommandInput, { type: 'register' }>;

class DemoCase {
  caseId = '';
  constructor(
    private readonly deps: ServerDeps,
    private readonly p: OrgPlayer,
    readonly detectedAt: number,
  ) {}

  /** `workingMinutes` after detection, on the organisation's calendar. */
  at(workingMinutes: number): number {
    return Math.min(this.p.rules.calendar.addWorkingMinutes(this.detectedAt, workingMinutes).at, this.p.now);
  }

  async do(actorKey: string, command: CaseCommandInput, at: number): Promise<void> {
    const actor = actorKey === 'system' ? SYSTEM_ACTOR : this.p.actors[actorKey]!;
    const result = await executeCaseCommand(this.deps, {
      organisationId: this.p.org.id,
      actor,
      caseId: this.caseId || undefined,
      command,
      now: at,
    });
    this.caseId = result.caseId;
  }

  /** The operator registers a public message without attachments when it is detected. */
  registerPublic(message: DemoPost) {
    const { network, link, author, text } = message;
    const command: RegisterInput = {
      type: 'register',
      caseId: 'new',
      network,
      link,
      author: { name: author },
      text,
      attachments: [],
      visibility: 'public',
    };
    return this.do('operator', command, this.detectedAt);
  }
}

function departmentsFor(m: DemoMessage, n: number): DemoDepartmentKey[] {
  const order: DemoDepartmentKey[] = [m.department, 'roads', 'housing', 'administration', 'social'];
  return [...new Set(order)].slice(0, n);
}

async function playSteps(deps: ServerDeps, p: OrgPlayer, scenario: Scenario, m: DemoMessage, serial: number) {
  const { profile, calendar } = p.rules;
  // Working minutes since detection; the spread keeps cases of one scenario from sharing a deadline.
  const ages: Record<Scenario, number> = {
    detected: 5 + (serial % 4) * 4,
    'triage-at-risk': 25,
    triaged: 28,
    assigned: 60 + (serial % 5) * 25,
    chain: 100 + (serial % 3) * 15,
    'chain-at-risk': 128,
    'draft-review': 225 + (serial % 3) * 10,
    revision: 250,
    approved: 262,
    'publish-at-risk': 440,
    breached: 600 + (serial % 4) * 240,
    intermediate: 1100 + (serial % 3) * 400,
    closed: 500 + (serial % 6) * 300,
    returned: 40,
    significant: 90,
    explained: 70,
  };
  const c = new DemoCase(deps, p, calendar.addWorkingMinutes(p.now, -ages[scenario]).at);
  const operator = serial % 3 === 0 ? 'curator2' : 'operator';
  const [first] = departmentsFor(m, 1);
  const single = (dept: DemoDepartmentKey) => ({
    type: 'route' as const,
    mode: 'single' as const,
    assignments: [{ departmentId: p.org.departments[dept], executorId: p.org.people[EXECUTOR_OF[dept]]! }],
  });
  const executor = EXECUTOR_OF[first!];
  const publisher = profile.publisher === 'executor' ? executor : 'curator';
  // krasnoufimsk p.8.3: two independent choices, the category and the high-importance flag; fast-track only where
  // the profile has it, and then the answer carries evidence (p.20).
  const category = profile.categories.includes('fast-track') && serial % 5 === 2 ? 'fast-track' : 'ordinary';
  const high = serial % 7 === 3;
  const evidence =
    category === 'fast-track'
      ? {
          outcome: 'solved' as const,
          attachments: [{ kind: 'photo' as const, url: `https://example.org/done/${serial}.jpg` }],
        }
      : undefined;

  // Half the messages come from the monitoring system (with an external id), half are registered by hand.
  const fromMonitoring = serial % 2 === 0;
  await c.do(
    fromMonitoring ? 'system' : operator,
    {
      type: 'register',
      caseId: 'new',
      network: m.network,
      link: `https://${m.network === 'ok' ? 'ok.ru/group/5' : m.network === 'telegram' ? 't.me/c/17' : 'vk.com/wall-170'}_${1000 + serial}`,
      author: { name: m.author },
      text: m.text,
      attachments: serial % 4 === 1 ? [{ kind: 'photo', url: `https://example.org/photo/${serial}.jpg` }] : [],
      visibility: serial % 9 === 4 ? 'private' : 'public',
      postedAt: c.detectedAt - (10 + (serial % 5) * 7) * 60_000,
      ...(fromMonitoring ? { externalId: `demo-${p.org.slug}-${serial}` } : {}),
    },
    c.detectedAt,
  );
  if (scenario === 'detected' || scenario === 'triage-at-risk') return c.caseId;
  await c.do(
    operator,
    { type: 'triage', topic: m.topic, location: m.location, category, high, processable: true },
    c.at(Math.min(12, ages[scenario] - 2)),
  );
  if (scenario === 'triaged') return c.caseId;
  if (scenario === 'explained') {
    // idrinsky-2021 3.7: a question outside the administration's powers gets an explanation instead of an answer,
    // prepared by the responsible structure and sent by the operator within 12 working hours of posting.
    await c.do('curator', single(first!), c.at(20));
    await c.do(
      executor,
      {
        type: 'submit-draft',
        kind: 'explanation',
        explanationReason: 'outside-competence',
        text: 'Здравствуйте! Этот вопрос не входит в полномочия администрации района. Мы передали ваше сообщение организации, которая за него отвечает, и попросили ответить вам напрямую.',
        attachments: [],
      },
      c.at(50),
    );
    await c.do('curator', { type: 'publish', where: { kind: 'same-thread' } }, c.at(60));
    return c.caseId;
  }

  if (scenario === 'chain' || scenario === 'chain-at-risk') {
    const depts = departmentsFor(m, 3);
    const mode = profile.chain.modes.includes('parallel') ? 'parallel' : 'sequential';
    await c.do(
      'curator',
      {
        type: 'route',
        mode,
        assignments: depts.map((d) => ({
          departmentId: p.org.departments[d],
          executorId: p.org.people[EXECUTOR_OF[d]]!,
        })),
      },
      c.at(20),
    );
    if (scenario === 'chain' && ages.chain > 70) {
      await c.do(
        EXECUTOR_OF[depts[0]!],
        {
          type: 'submit-contribution',
          departmentId: p.org.departments[depts[0]!],
          text: 'Со своей стороны: выезд специалиста запланирован, работы включены в план на эту неделю.',
          attachments: [],
        },
        c.at(60),
      );
      // konyshevsky p.16, NAO p.22.2: the part goes to the curator, who forwards the message and the part to the next
      // executor (one chain in three waits for the curator's forward on the board).
      if (mode === 'sequential' && profile.chain.forwarded && serial % 3 !== 0) {
        await c.do('curator', { type: 'forward' }, c.at(66));
      }
    }
    return c.caseId;
  }

  if (scenario === 'returned') {
    const wrong: DemoDepartmentKey = first === 'culture' ? 'education' : 'culture';
    await c.do('curator', single(wrong), c.at(18));
    await c.do(
      EXECUTOR_OF[wrong],
      { type: 'return', departmentId: p.org.departments[wrong], reason: 'Вопрос не в компетенции нашего отдела' },
      c.at(30),
    );
    return c.caseId;
  }

  await c.do('curator', single(first!), c.at(20));
  if (scenario === 'significant') {
    await c.do('operator', { type: 'flag-socially-significant', note: 'Много комментариев и репостов' }, c.at(40));
    return c.caseId;
  }
  if (scenario === 'assigned') return c.caseId;

  if (scenario === 'breached') return c.caseId;

  const draftAt =
    scenario === 'publish-at-risk' ? 400 : scenario === 'intermediate' ? 120 : scenario === 'closed' ? 200 : 215;
  const kind = scenario === 'intermediate' ? 'intermediate' : 'answer';
  await c.do(
    executor,
    {
      type: 'submit-draft',
      kind,
      text:
        kind === 'intermediate'
          ? 'Здравствуйте! Ваше обращение передано в работу, специалисты выедут на место. Срок устранения — до конца следующей недели, мы сообщим о результате.'
          : `Здравствуйте! По вашему сообщению (${m.location}): работы выполнены, спасибо, что сообщили. Если проблема повторится, напишите нам.`,
      attachments: [],
      ...(kind === 'answer' && evidence ? { evidence } : {}),
    },
    c.at(draftAt),
  );
  if (scenario === 'draft-review') return c.caseId;
  if (scenario === 'revision') {
    await c.do('curator', { type: 'request-revision', reason: 'Укажите конкретный срок и приложите фото' }, c.at(235));
    return c.caseId;
  }
  await c.do('curator', { type: 'approve' }, c.at(draftAt + (scenario === 'publish-at-risk' ? 15 : 20)));
  if (scenario === 'approved' || scenario === 'publish-at-risk') return c.caseId;
  const where = { kind: 'same-thread' as const };
  if (scenario === 'intermediate') {
    await c.do(publisher, { type: 'publish-intermediate', where }, c.at(150));
    return c.caseId;
  }
  await c.do(publisher, { type: 'publish', where }, c.at(240));
  return c.caseId;
}

/** Records what the scheduler would have recorded by now: clocks that became at risk or ran out. */
async function catchUpClocks(deps: ServerDeps, p: OrgPlayer, caseId: string) {
  const [row] = await deps.db.select({ state: cases.state }).from(cases).where(eq(cases.id, caseId));
  const state = row!.state;
  const { profile, calendar } = p.rules;
  // The timeline stays in order: a record never predates the case's last event.
  const [last] = await deps.db
    .select({ at: max(caseEvents.occurredAt) })
    .from(caseEvents)
    .where(eq(caseEvents.caseId, caseId));
  let floor = last?.at?.getTime() ?? 0;
  for (const clock of computeClocks(state, profile, calendar, p.now).active) {
    const record = state.clocks.find((r) => r.id === clock.id);
    const command =
      clock.status === 'breached' && record?.breachedAt === null
        ? ({ type: 'record-clock-breached', clockId: clock.id } as const)
        : clock.status === 'at-risk' && record?.atRiskAt === null
          ? ({ type: 'record-clock-at-risk', clockId: clock.id } as const)
          : null;
    if (!command) continue;
    const due = command.type === 'record-clock-breached' ? clock.breachAt + 60_000 : clock.atRiskAt;
    const at = Math.min(Math.max(due, floor), p.now);
    await executeCaseCommand(deps, { organisationId: p.org.id, actor: SYSTEM_ACTOR, caseId, command, now: at });
    floor = at;
  }
}

async function play(deps: ServerDeps, p: OrgPlayer, scenario: Scenario, m: DemoMessage, serial: number) {
  const caseId = await playSteps(deps, p, scenario, m, serial);
  await catchUpClocks(deps, p, caseId);
  return caseId;
}

export async function seedDemoCases(
  deps: ServerDeps,
  orgs: SeededOrganisation[],
  options: { log: (line: string) => void },
): Promise<void> {
  const now = deps.now();
  let next = 0;
  for (const org of orgs) {
    const index = DEMO_ORGANISATIONS.findIndex((o) => o.slug === org.slug);
    const p: OrgPlayer = {
      org,
      rules: await loadOrganisationRules(deps.db, org.id),
      actors: actorsOf(org, index),
      now,
    };
    const plan = planFor(org.share, p.rules.profile);
    const closedIds: string[] = [];
    let made = 0;
    for (const [scenario, n] of plan) {
      for (let i = 0; i < n; i++) {
        const m = DEMO_MESSAGES[next++ % DEMO_MESSAGES.length]!;
        const caseId = await play(deps, p, scenario, m, next);
        if (scenario === 'closed') closedIds.push(caseId);
        made++;
      }
    }
    if (org.share === 'main') {
      // A repeat message linked to an answered case, and an abusive one rejected at triage.
      const repeat = new DemoCase(deps, p, p.rules.calendar.addWorkingMinutes(now, -45).at);
      await repeat.registerPublic(DEMO_REPEAT_POST);
      await repeat.do(
        'operator',
        { type: 'triage', topic: 'Дороги', location: 'ул. Садовая', category: 'ordinary', processable: true },
        repeat.at(10),
      );
      await repeat.do('operator', { type: 'link-repeat', earlierCaseIds: closedIds.slice(0, 1) }, repeat.at(15));
      const abusive = new DemoCase(deps, p, p.rules.calendar.addWorkingMinutes(now, -70).at);
      await abusive.registerPublic(DEMO_ABUSIVE_POST);
      await abusive.do(
        'operator',
        { type: 'triage', processable: false, ground: 'obscene', note: 'Нецензурная брань, оскорбления' },
        abusive.at(8),
      );
      made += 2;
    }
    options.log(`Демо: ${org.slug} — ${made} обращений`);
  }
}
