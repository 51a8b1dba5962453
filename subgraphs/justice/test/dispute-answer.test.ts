import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoPeople } from '@jiefen/demo-data';
import type { TypedDockingEvent } from '@jiefen/docking';
import { startStack, type Stack } from '@jiefen/testing';
import { MediationCase } from '../src/entities/mediation-case.entity.js';
import { applyDockingEvent } from '../src/services/docking-inbound.service.js';
import { createJusticeSubgraph, justiceSubgraph } from '../src/subgraph.js';

// The hub's answer to a report (一案一号) arrives while a mediator works on the same case: the
// mediator's save must not be refused CONFLICT because the answer stored the dispute reference.
const [applicant, respondent] = demoPeople(20, '321281', 91).filter((p) => p.birthDate < '2000');

describe("the hub's answer and a mediator's concurrent save", () => {
  let stack: Stack;
  beforeAll(async () => {
    stack = await startStack({ subgraphs: [createJusticeSubgraph()], gateway: false, seed: true });
  });
  afterAll(() => stack?.stop());

  it("stores the dispute's id and 统一编号 without bumping the case's version", async () => {
    const { body } = await stack.querySubgraph<{ registerMediationApplication: { id: string } }>(
      'justice',
      'mutation($input: MediationApplicationInput!) { registerMediationApplication(input: $input) { id } }',
      {
        input: {
          category: 'NEIGHBOURHOOD',
          summary: '相邻两户因排水沟渠堵塞互相指责',
          regionCode: '321281123200',
          parties: [
            { role: 'APPLICANT', name: applicant!.name, idNumber: applicant!.idNumber },
            { role: 'RESPONDENT', name: respondent!.name, idNumber: respondent!.idNumber },
          ],
        },
      },
      'mediator',
    );
    const caseId = body.data!.registerMediationApplication.id;
    const orm = stack.subgraphs.justice!.orm;

    // The mediator's request has loaded the case (version n) …
    const mediator = orm.em.fork();
    const loaded = await mediator.findOneOrFail(MediationCase, { id: caseId });
    const version = loaded.version;

    // … when the hub's answer is applied by the inbox.
    const disputeId = randomUUID();
    const answer = {
      id: randomUUID(),
      type: 'DisputeReportAnswered',
      dockingId: caseId,
      sequence: 1,
      from: 'GOVERNANCE',
      to: 'JUSTICE',
      occurredAt: new Date().toISOString(),
      payload: {
        recordType: 'MediationCase',
        recordId: caseId,
        disputeId,
        disputeNumber: '321281123-2026-000999',
        decision: 'REGISTERED',
        reason: '新登记',
        answeredAt: new Date().toISOString(),
      },
    } as TypedDockingEvent;
    await orm.em.fork().transactional((tx) => applyDockingEvent(tx, answer, justiceSubgraph.settings));

    const stored = await orm.em.fork().findOneOrFail(MediationCase, { id: caseId });
    expect(stored).toMatchObject({ disputeId, disputeNumber: '321281123-2026-000999', version });
    // The mediator's save goes through (no OptimisticLockError) and keeps the answer.
    loaded.summary = '相邻两户因排水沟渠堵塞互相指责,已约定调解时间';
    await mediator.flush();
    expect(await orm.em.fork().findOneOrFail(MediationCase, { id: caseId })).toMatchObject({
      disputeId,
      disputeNumber: '321281123-2026-000999',
      version: version + 1,
    });
  });
});
