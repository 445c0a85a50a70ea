// How many statements an intake message costs the database before it is answered (issue 15: intake's server CPU
// per message is mostly its round trips). The HTTP route asks its API key first (one statement, which also says
// whether the organisation is archived), then the message is registered: the registration's context statement
// finds the case the message already became, if any, so no statement of its own asks "already a case?". Callers
// that did not ask the key (imports, connectors) keep that question, which also checks the organisation.
import { expect, it } from 'vitest';
import { describeEachDatabase } from '../test/databases';
import { setUpOrgFixture } from '../test/org-suite';
import { countStatements } from '../test/statement-counter';
import { apiKeyHolder, createApiKey } from './api-keys';
import { type IntakeMessage, intakeMessage } from './message';

const message = (externalId: string): IntakeMessage => ({
  network: 'vk',
  externalId,
  url: `https://vk.com/wall-1_${externalId}`,
  author: { name: 'Мария Сидорова' },
  text: 'Во дворе не вывозят мусор',
  visibility: 'public',
  attachments: [],
});

describeEachDatabase('statements per intake message', (getDb) => {
  const fx = setUpOrgFixture(getDb);

  it('the route: its key, then the context and the write; a repeat: its key, the context and the case it became', async () => {
    const { deps, org } = fx;
    const { key } = await createApiKey(deps.db, org.organisationId, 'Мониторинг');
    const deliver = (m: IntakeMessage) =>
      countStatements(async () => {
        const holder = await apiKeyHolder(deps.db, key, deps.now());
        return intakeMessage(deps, holder!.organisationId, m, { organisationActive: true });
      });

    // The first message of a process also reads the imported calendar years (kept in memory from then on).
    await deliver(message('s-0'));
    const first = await deliver(message('s-1'));
    expect(first.result.created).toBe(true);
    expect(first.recording.statements).toHaveLength(3);
    expect(first.recording.transactions).toBe(0);

    const repeat = await deliver(message('s-1'));
    expect(repeat.result).toEqual({ caseId: first.result.caseId, created: false });
    expect(repeat.recording.statements).toHaveLength(3);
    // Found by the context: nothing decided, nothing written.
    expect(repeat.recording.statements.some((s) => s.includes('insert into cases'))).toBe(false);
  });

  it('a caller without the key asks whether the organisation is active and the message already a case', async () => {
    const { deps, org } = fx;
    const first = await countStatements(() => intakeMessage(deps, org.organisationId, message('s-2')));
    expect(first.result.created).toBe(true);
    expect(first.recording.statements).toHaveLength(3);
    const repeat = await countStatements(() => intakeMessage(deps, org.organisationId, message('s-2')));
    expect(repeat.result).toEqual({ caseId: first.result.caseId, created: false });
    expect(repeat.recording.statements).toHaveLength(1);
  });
});
