import { randomUUID } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Agency } from '@jiefen/auth';
import { BATCH_TYP, canonicalJson, signDelivery, SIGNATURE_HEADER, type DockingEvent, type DockingRequestedPayload } from '@jiefen/docking';
import { callerOf, startStack, type Stack, until } from '@jiefen/testing';
import { justiceSubgraph } from '../src/subgraph.js';

// The receiving side of 公调 (and the other kinds): a signed DockingRequested lands in the
// organization's inbox; acceptance, rejection and the outcome go back to the sender and the hub.
const COMMITTEE = '54321281MJ12345677'; // 戴南镇人民调解委员会
const DAY = 86_400_000;

type Gql = { data?: Record<string, any> | null; errors?: { message: string; extensions?: Record<string, unknown> }[] }; // eslint-disable-line @typescript-eslint/no-explicit-any -- test responses are read by path
type OutboxRow = { recipient: string; type: string; sequence: number; to_agency: string; payload: Record<string, any> }; // eslint-disable-line @typescript-eslint/no-explicit-any -- payloads are read by path

const request = (change: Partial<DockingRequestedPayload> = {}): DockingRequestedPayload => ({
  kind: 'POLICE',
  mode: 'TRANSFER',
  disputeId: null,
  regionCode: '321281123200',
  category: '民间纠纷',
  summary: '报警人称与邻居因排水沟渠堵塞发生争执(移交理由:不属于治安案件,双方同意人民调解)',
  sentAt: new Date().toISOString(),
  source: {
    agency: 'POLICE',
    recordType: 'PoliceIncident',
    recordId: randomUUID(),
    number: 'J3212810000123',
    organizationCode: '11321281014090020U',
    organizationName: '兴化市公安局戴南派出所',
    officerName: '王建国',
  },
  target: { organizationCode: COMMITTEE, organizationName: '戴南镇人民调解委员会' },
  parties: [
    { role: 'APPLICANT', name: '张小三', phone: '13812345678' },
    { role: 'RESPONDENT', name: '李四' },
  ],
  ...change,
});

describe('docking: requests into the mediation inbox, outcomes back to the sender', () => {
  let stack: Stack;
  // Stands in for the police's, the court's and the hub's inboxes: records what justice delivers.
  let sink: Server;
  const delivered: { recipient: string; event: DockingEvent }[] = [];
  const q = async (query: string, variables: Record<string, unknown> = {}, as: Parameters<Stack['querySubgraph']>[3] = 'mediator'): Promise<Gql> =>
    (await stack.querySubgraph('justice', query, variables, as)).body as Gql;
  const sql = <T>(query: string, params: unknown[] = []) => stack.subgraphs.justice!.orm.em.getConnection().execute<T[]>(query, params);
  const casesOf = (dockingId: string) => sql<{ id: string; status: string }>('select id, status from mediation_case where docking_id = ?', [dockingId]);
  const outbox = (dockingId: string) =>
    sql<OutboxRow>('select recipient, type, sequence, to_agency, payload from docking_outbox where docking_id = ? order by sequence, recipient', [dockingId]);
  const envelope = (payload: DockingRequestedPayload, from: Agency = 'POLICE', dockingId: string = randomUUID(), sequence = 1): DockingEvent =>
    ({
      id: randomUUID(),
      type: 'DockingRequested',
      dockingId,
      sequence,
      from,
      to: 'JUSTICE',
      occurredAt: new Date().toISOString(),
      payload,
    }) as unknown as DockingEvent;
  /** Posts an event to the justice bureau's inbox, signed with `signer`'s key (the sender's own, unless forging). */
  const post = async (event: DockingEvent, signer: Agency = event.from) => {
    const body = canonicalJson(event);
    const signature = await signDelivery(body, { from: event.from, recipient: 'JUSTICE', privateKey: stack.docking.keys.privateKeys[signer]! });
    const res = await fetch(stack.docking.settings.endpoints.JUSTICE, {
      method: 'POST',
      headers: { 'content-type': 'application/json', [SIGNATURE_HEADER]: signature },
      body,
    });
    return { status: res.status, body: (await res.json()) as { status?: string; error?: { code: string } } };
  };
  /** A police transfer, delivered: the new case's id. */
  const docked = async (payload = request()) => {
    const event = envelope(payload, payload.source.agency);
    expect((await post(event)).status).toBe(200);
    const [c] = await casesOf(event.dockingId);
    return { caseId: c!.id, dockingId: event.dockingId, event };
  };
  const accept = (caseId: string) =>
    q('mutation($c: ID!) { acceptMediationCase(caseId: $c) { status acceptedAt dueAt caseNumber mediatorName } }', { c: caseId });
  /** A session and an oral agreement (effective at once) on an accepted case. */
  const agreed = async (caseId: string, term: string) => {
    await q('mutation($input: MediationSessionInput!) { recordMediationSession(input: $input) { sequence } }', {
      input: {
        caseId,
        heldAt: new Date().toISOString(),
        place: '戴南镇人民调解委员会调解室',
        participants: ['张小三', '李四', '顾秀英'],
        focus: '沟渠疏通费用',
        opinions: '双方同意',
      },
    });
    const recorded = await q('mutation($input: MediationAgreementInput!) { recordMediationAgreement(input: $input) { id number effectiveDate } }', {
      input: {
        caseId,
        form: 'ORAL',
        facts: '双方房屋相邻,共用排水沟渠。',
        mattersInDispute: '沟渠疏通费用',
        responsibilities: '双方均有维护责任',
        terms: [term],
        performanceMethod: '现金支付',
        performanceDeadline: new Date(Date.now() + 10 * DAY).toISOString().slice(0, 10),
        amount: 300,
      },
    });
    expect(recorded.errors).toBeUndefined();
    return recorded.data!.recordMediationAgreement as { id: string; number: string; effectiveDate: string };
  };

  beforeAll(async () => {
    stack = await startStack({ subgraphs: [justiceSubgraph], gateway: false, seed: true });
    sink = createServer((req, res) => {
      let body = '';
      req.on('data', (chunk: Buffer) => (body += chunk.toString('utf8')));
      req.on('end', () => {
        // The delivery worker sends batches ({ "events": [...] }): each event is acknowledged as applied.
        const { events } = JSON.parse(body) as { events: DockingEvent[] };
        for (const event of events) delivered.push({ recipient: req.url!.split('/').at(-1)!, event });
        const results = events.map((event) => ({ eventId: event.id, status: 200, body: { status: 'applied', eventId: event.id } }));
        res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ results }));
      });
    });
    await new Promise<void>((resolve) => sink.listen(0, '127.0.0.1', resolve));
    const { port } = sink.address() as { port: number };
    for (const agency of ['POLICE', 'COURT', 'GOVERNANCE'] as const) stack.docking.settings.endpoints[agency] = `http://127.0.0.1:${port}/events/${agency}`;
  });
  afterAll(async () => {
    await stack?.stop();
    await new Promise((resolve) => sink?.close(resolve));
  });

  it("lands a signed police transfer as PENDING in 戴南镇 committee's inbox, with its parties", async () => {
    const { caseId, dockingId } = await docked();
    const inbox = await q(
      '{ mediationInbox(first: 100) { edges { node { id dockingId status source mode category sourceUnitName sourceNumber organizationName parties { role name phone } } } } }',
    );
    const node = (inbox.data!.mediationInbox.edges as { node: Record<string, unknown> }[]).map((e) => e.node).find((n) => n.dockingId === dockingId);
    expect(node).toEqual({
      id: caseId,
      dockingId,
      status: 'PENDING',
      source: 'POLICE',
      mode: 'TRANSFER',
      category: '其他',
      sourceUnitName: '兴化市公安局戴南派出所',
      sourceNumber: 'J3212810000123',
      organizationName: '戴南镇人民调解委员会',
      parties: [
        { role: 'APPLICANT', name: '张小三', phone: '13812345678' },
        { role: 'RESPONDENT', name: '李四', phone: null },
      ],
    });
    // Nothing goes back until the organization decides.
    expect(await outbox(dockingId)).toEqual([]);
    // The hub's Docking shows the organization's case (by the docking id).
    const ref = await q('query($r: [_Any!]!) { _entities(representations: $r) { ... on Docking { mediation { id status } } } }', {
      r: [{ __typename: 'Docking', id: dockingId }],
    });
    expect(ref.data!._entities).toEqual([{ mediation: { id: caseId, status: 'PENDING' } }]);
  });

  it('numbers hand-overs applied at once (a batch, several streams together) one after the other, without gaps or repeats', async () => {
    const events = Array.from({ length: 12 }, () => envelope(request()));
    const body = `{"events":[${events.map((e) => canonicalJson(e)).join(',')}]}`;
    const signature = await signDelivery(body, { from: 'POLICE', recipient: 'JUSTICE', privateKey: stack.docking.keys.privateKeys.POLICE!, typ: BATCH_TYP });
    const res = await fetch(stack.docking.settings.endpoints.JUSTICE, {
      method: 'POST',
      headers: { 'content-type': 'application/json', [SIGNATURE_HEADER]: signature },
      body,
    });
    expect(((await res.json()) as { results: { status: number }[] }).results.map((r) => r.status)).toEqual(events.map(() => 200));
    const numbers = await sql<{ case_number: string }>(
      `select case_number from mediation_case where docking_id in (${events.map(() => '?').join(', ')}) order by case_number`,
      events.map((e) => e.dockingId),
    );
    const year = new Date().getFullYear();
    expect(numbers.every((n) => new RegExp(`^兴司调〔(${year}|${year - 1}|${year + 1})〕\\d{4,}号$`).test(n.case_number))).toBe(true);
    const sequence = numbers.map((n) => Number(/〕(\d+)号/.exec(n.case_number)![1]));
    expect(sequence).toEqual(sequence.map((_, i) => sequence[0]! + i));
  });

  it('applies a redelivered event once, and a second request for the same docking creates no second case', async () => {
    const { dockingId, event } = await docked();
    const again = await post(event);
    expect(again).toMatchObject({ status: 200, body: { status: 'already-applied' } });
    const repeat = envelope(request(), 'POLICE', dockingId, 2);
    expect((await post(repeat)).body.status).toBe('applied');
    expect(await casesOf(dockingId)).toHaveLength(1);
  });

  it('feeds acceptance (sequence 1), a session (2) and an agreement concluding the case (3) back to the police and the hub', async () => {
    const { caseId, dockingId } = await docked();
    const accepted = await accept(caseId);
    expect(accepted.errors).toBeUndefined();
    const { caseNumber } = accepted.data!.acceptMediationCase as { caseNumber: string };
    const afterAccept = await outbox(dockingId);
    expect(afterAccept.map((r) => [r.recipient, r.type, r.sequence, r.to_agency])).toEqual([
      ['GOVERNANCE', 'DockingAccepted', 1, 'POLICE'],
      ['POLICE', 'DockingAccepted', 1, 'POLICE'],
    ]);
    // The committee sits in 戴南镇 (9 digits): the hub follows the dispute at the town tier.
    expect(afterAccept[0]!.payload).toMatchObject({
      caseId,
      caseNumber,
      organizationName: '戴南镇人民调解委员会',
      mediatorName: '顾秀英',
      organizationRegionCode: '321281123',
    });

    const session = await q('mutation($input: MediationSessionInput!) { recordMediationSession(input: $input) { sequence } }', {
      input: {
        caseId,
        heldAt: new Date().toISOString(),
        place: '戴南派出所驻所调解室',
        participants: ['张小三', '李四', '顾秀英'],
        focus: '沟渠疏通及费用',
        opinions: '双方同意各半承担',
      },
    });
    expect(session.errors).toBeUndefined();
    // The session goes to the sender and the hub (三三制 counts it there), without the parties' statements.
    const held = (await outbox(dockingId)).filter((r) => r.sequence === 2);
    expect(held.map((r) => [r.recipient, r.type])).toEqual([
      ['GOVERNANCE', 'MediationSessionRecorded'],
      ['POLICE', 'MediationSessionRecorded'],
    ]);
    expect(held[0]!.payload).toMatchObject({
      caseId,
      sequence: 1,
      mediatorName: '顾秀英',
      organizationName: '戴南镇人民调解委员会',
      summary: '第 1 次调解:沟渠疏通及费用',
    });
    expect(JSON.stringify(held[0]!.payload)).not.toContain('双方同意各半承担');
    const deadline = new Date(Date.now() + 10 * DAY).toISOString().slice(0, 10);
    const agreement = await q('mutation($input: MediationAgreementInput!) { recordMediationAgreement(input: $input) { number effectiveDate } }', {
      input: {
        caseId,
        form: 'ORAL',
        facts: '双方房屋相邻,共用排水沟渠。',
        mattersInDispute: '沟渠疏通及费用分担',
        responsibilities: '双方均有维护责任',
        terms: ['李四于七日内疏通沟渠', '张小三承担费用300元'],
        performanceMethod: '现场疏通,现金支付',
        performanceDeadline: deadline,
        amount: 300,
      },
    });
    expect(agreement.errors).toBeUndefined();
    const { number, effectiveDate } = agreement.data!.recordMediationAgreement as { number: string; effectiveDate: string };
    const concluded = (await outbox(dockingId)).filter((r) => r.sequence === 3);
    expect(concluded.map((r) => [r.recipient, r.type])).toEqual([
      ['GOVERNANCE', 'MediationConcluded'],
      ['POLICE', 'MediationConcluded'],
    ]);
    expect(concluded[0]!.payload).toMatchObject({ outcome: 'AGREEMENT', agreement: { number, effectiveDate, amount: 300, performBy: deadline } });
    expect(concluded[0]!.payload.summary).toContain('李四于七日内疏通沟渠');
    // The worker delivers all three, in order, to the police and to the hub.
    await until('the events delivered to the police and the hub', () =>
      ['POLICE', 'GOVERNANCE'].every((r) => delivered.filter((d) => d.recipient === r && d.event.dockingId === dockingId).length === 3),
    );
    expect(delivered.filter((d) => d.recipient === 'POLICE' && d.event.dockingId === dockingId).map((d) => [d.event.sequence, d.event.type])).toEqual([
      [1, 'DockingAccepted'],
      [2, 'MediationSessionRecorded'],
      [3, 'MediationConcluded'],
    ]);
    // Operators see the deliveries in the graph.
    await until(
      'delivery states recorded',
      async () =>
        (await outbox(dockingId)).length === 6 &&
        (await sql<{ n: string }>(`select count(*) as n from docking_outbox where docking_id = ? and state = 'DELIVERED'`, [dockingId]))[0]!.n === '6',
    );
    const ops = await q(
      'query($d: String) { justiceEventDeliveries(dockingId: $d, states: ["DELIVERED"]) { items { type recipient state } } }',
      { d: dockingId },
      callerOf('legal-aid', { roles: ['ADMIN'] }),
    );
    expect(ops.data!.justiceEventDeliveries.items).toHaveLength(6);
  });

  it('feeds a failed mediation back with the note and no agreement', async () => {
    const { caseId, dockingId } = await docked();
    await accept(caseId);
    const done = await q('mutation($input: ConcludeMediationInput!) { concludeMediation(input: $input) { status outcome } }', {
      input: { caseId, outcome: 'NO_AGREEMENT', note: '双方分歧较大,未能达成协议', partiesInformedOfLitigation: true },
    });
    expect(done.data!.concludeMediation).toEqual({ status: 'CONCLUDED', outcome: 'NO_AGREEMENT' });
    const [row] = (await outbox(dockingId)).filter((r) => r.sequence === 2 && r.recipient === 'POLICE');
    expect(row).toMatchObject({
      type: 'MediationConcluded',
      payload: { outcome: 'NO_AGREEMENT', summary: '调解不成:双方分歧较大,未能达成协议', agreement: null },
    });
  });

  it('feeds a rejection back with its reason', async () => {
    const { caseId, dockingId } = await docked();
    const rejected = await q('mutation($c: ID!) { rejectMediationCase(caseId: $c, reason: "纠纷已起诉至人民法院") { status } }', { c: caseId });
    expect(rejected.data!.rejectMediationCase.status).toBe('REJECTED');
    const rows = await outbox(dockingId);
    expect(rows.map((r) => [r.recipient, r.type, r.sequence])).toEqual([
      ['GOVERNANCE', 'DockingRejected', 1],
      ['POLICE', 'DockingRejected', 1],
    ]);
    expect(rows[1]!.payload.reason).toBe('纠纷已起诉至人民法院');
  });

  it("runs a court's 委派 on the 30-day clock and answers the court", async () => {
    const { caseId, dockingId } = await docked(
      request({
        kind: 'COURT',
        mode: 'ENTRUST',
        source: {
          agency: 'COURT',
          recordType: 'CourtCase',
          recordId: randomUUID(),
          number: '(2026)苏1281民诉前调123号',
          organizationCode: '113212810140900121',
          organizationName: '兴化市人民法院',
          officerName: '陈法官',
        },
      }),
    );
    const accepted = (await accept(caseId)).data!.acceptMediationCase as { acceptedAt: string; dueAt: string };
    expect(Date.parse(accepted.dueAt) - Date.parse(accepted.acceptedAt)).toBe(30 * DAY);
    const view = await q('query($id: ID!) { mediationCase(id: $id) { source mode } }', { id: caseId });
    expect(view.data!.mediationCase).toEqual({ source: 'COURT', mode: 'PRE_FILING_DELEGATION' });
    expect((await outbox(dockingId)).map((r) => [r.recipient, r.to_agency])).toEqual([
      ['COURT', 'COURT'],
      ['GOVERNANCE', 'COURT'],
    ]);
  });

  it("司法确认 of a court case's agreement: applied through the docking within 30 days, the court's ruling recorded", async () => {
    const court = {
      agency: 'COURT' as const,
      recordType: 'CourtCase',
      recordId: randomUUID(),
      number: '(2026)苏1281民诉前调124号',
      organizationCode: '113212810140900121',
      organizationName: '兴化市人民法院',
      officerName: '陈法官',
    };
    const { caseId, dockingId } = await docked(request({ kind: 'COURT', mode: 'ENTRUST', source: court }));
    await accept(caseId);
    const APPLY =
      'mutation($a: ID!, $key: String) { applyForJudicialConfirmation(agreementId: $a, idempotencyKey: $key) { judicialConfirmationAppliedAt judicialConfirmationRuling } }';
    const agreement = await agreed(caseId, '张小三于七日内支付费用300元');
    const requested = async () => (await outbox(dockingId)).filter((r) => r.type === 'JudicialConfirmationRequested');
    // Another agency may not apply; past the 30 days the application is refused; nothing is written.
    expect((await q(APPLY, { a: agreement.id }, 'police-officer')).errors![0]!.extensions!.code).toBe('FORBIDDEN');
    await sql(`update mediation_agreement set confirmation_deadline = '2026-01-01' where id = ?`, [agreement.id]);
    expect((await q(APPLY, { a: agreement.id })).errors![0]!.extensions).toMatchObject({ code: 'VALIDATION_FAILED', field: 'agreementId' });
    await sql(`update mediation_agreement set confirmation_deadline = null where id = ?`, [agreement.id]);
    expect(await requested()).toEqual([]);
    const key = randomUUID();
    const applied = await q(APPLY, { a: agreement.id, key });
    expect(applied.errors).toBeUndefined();
    expect(applied.data!.applyForJudicialConfirmation).toMatchObject({ judicialConfirmationRuling: null });
    // The mediator's answer was lost: a retry with the same key gets the first application, not a refusal or a second one.
    expect((await q(APPLY, { a: agreement.id, key })).data!.applyForJudicialConfirmation).toEqual(applied.data!.applyForJudicialConfirmation);
    const rows = await requested();
    expect(rows.map((r) => [r.recipient, r.to_agency, r.sequence])).toEqual([
      ['COURT', 'COURT', 4],
      ['GOVERNANCE', 'COURT', 4],
    ]);
    expect(rows[0]!.payload).toMatchObject({
      agreementId: agreement.id,
      agreementNumber: agreement.number,
      effectiveDate: agreement.effectiveDate,
      matters: '张小三于七日内支付费用300元',
      courtCaseId: null,
      regionCode: '321281123200',
      applicants: [
        { name: '张小三', role: 'APPLICANT' },
        { name: '李四', role: 'RESPONDENT' },
      ],
    });
    expect((await q(APPLY, { a: agreement.id })).errors![0]!.extensions!.code).toBe('ILLEGAL_TRANSITION');
    expect(await requested()).toHaveLength(2);
    // The court's ruling comes back on the same docking.
    const ruled = {
      applicationId: rows[0]!.payload.applicationId,
      confirmationId: randomUUID(),
      caseNumber: '(2026)苏1281民特12号',
      ruling: 'CONFIRMED',
      ruledAt: new Date().toISOString(),
      reason: '协议合法有效',
    };
    const event = { ...envelope(request(), 'COURT', dockingId, 2), type: 'JudicialConfirmationRuled', payload: ruled } as unknown as DockingEvent;
    expect((await post(event)).status).toBe(200);
    const seen = await q(
      'query($id: ID!) { mediationAgreement(id: $id) { judicialConfirmationRuling judicialConfirmationCaseNumber judicialConfirmationReason judicialConfirmationRuledAt } }',
      { id: agreement.id },
    );
    expect(seen.data!.mediationAgreement).toMatchObject({
      judicialConfirmationRuling: 'CONFIRMED',
      judicialConfirmationCaseNumber: '(2026)苏1281民特12号',
      judicialConfirmationReason: '协议合法有效',
    });
  });

  it('applies for judicial confirmation of a 公调 agreement on a docking of its own to the court where the committee sits', async () => {
    const { caseId, dockingId } = await docked();
    await accept(caseId);
    const { id } = await agreed(caseId, '李四于七日内疏通沟渠');
    const applied = await q('mutation($a: ID!) { applyForJudicialConfirmation(agreementId: $a) { id } }', { a: id });
    expect(applied.errors).toBeUndefined();
    // Nothing more on the police's docking: the application is not the police's business to receive.
    expect((await outbox(dockingId)).filter((r) => r.type === 'JudicialConfirmationRequested')).toEqual([]);
    const [{ application_id: applicationId }] = (await sql<{ application_id: string }>(
      'select confirmation_application_id as application_id from mediation_agreement where id = ?',
      [id],
    )) as [{ application_id: string }];
    const rows = await outbox(applicationId);
    expect(rows.map((r) => [r.recipient, r.type, r.to_agency, r.sequence])).toEqual([
      ['COURT', 'JudicialConfirmationRequested', 'COURT', 1],
      ['GOVERNANCE', 'JudicialConfirmationRequested', 'COURT', 1],
    ]);
    expect(rows[0]!.payload).toMatchObject({
      applicationId,
      agreementId: id,
      courtCaseId: null,
      disputeId: null,
      mediationOrganization: { code: '54321281MJ12345677', regionCode: expect.stringMatching(/^321281/) },
      origin: { agency: 'POLICE', dockingId },
    });
  });

  it('publishes nothing for a direct application', async () => {
    const applied = await q('mutation($input: MediationApplicationInput!) { registerMediationApplication(input: $input) { id } }', {
      input: {
        category: 'NEIGHBOURHOOD',
        summary: '相邻两户因排水沟渠堵塞互相指责',
        regionCode: '321281123200',
        parties: [
          { role: 'APPLICANT', name: '王五' },
          { role: 'RESPONDENT', name: '赵六' },
        ],
      },
    });
    const before = await sql<{ n: string }>('select count(*) as n from docking_outbox');
    expect((await accept(applied.data!.registerMediationApplication.id)).errors).toBeUndefined();
    expect(await sql<{ n: string }>('select count(*) as n from docking_outbox')).toEqual(before);
  });

  it('rolls the acceptance back when its event cannot be written', async () => {
    const { caseId, dockingId } = await docked();
    await sql(`create function reject_outbox() returns trigger language plpgsql as $$ begin raise exception 'outbox unavailable'; end $$`);
    await sql('create trigger reject_outbox before insert on docking_outbox for each row execute function reject_outbox()');
    try {
      expect((await accept(caseId)).errors).toBeDefined();
    } finally {
      await sql('drop trigger reject_outbox on docking_outbox');
      await sql('drop function reject_outbox()');
    }
    expect(await casesOf(dockingId)).toEqual([{ id: caseId, status: 'PENDING' }]);
    expect(await sql('select 1 from docking_outbox_sequence where docking_id = ?', [dockingId])).toEqual([]);
  });

  it.each([
    ['an unknown organization', () => request({ target: { organizationCode: '54321281MJ1234567X', organizationName: null } }), '调解组织不存在'],
    ["a dispute outside the organization's area", () => request({ regionCode: '321281124001' }), '纠纷发生地不在该调解组织的辖区内'],
    ['a malformed party ID number', () => request({ parties: [{ role: 'APPLICANT', name: '张小三', idNumber: '321281198001011231' }] }), '对接材料不完整'],
  ])('rejects %s automatically, telling the sender why, with no case', async (_label, payload, reason) => {
    const event = envelope(payload());
    expect((await post(event)).status).toBe(200);
    expect(await casesOf(event.dockingId)).toEqual([]);
    const rows = await outbox(event.dockingId);
    expect(rows.map((r) => [r.recipient, r.type, r.sequence])).toEqual([
      ['GOVERNANCE', 'DockingRejected', 1],
      ['POLICE', 'DockingRejected', 1],
    ]);
    expect(rows[0]!.payload.reason).toContain(reason);
  });

  it("refuses a forged event (signed with another agency's key) with 401 and writes nothing", async () => {
    const event = envelope(request());
    const refused = await post(event, 'COURT');
    expect(refused).toMatchObject({ status: 401, body: { error: { code: 'BAD_SIGNATURE' } } });
    expect(await casesOf(event.dockingId)).toEqual([]);
    expect(await sql('select 1 from docking_inbox where docking_id = ?', [event.dockingId])).toEqual([]);
  });
});
