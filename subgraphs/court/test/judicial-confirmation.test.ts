import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoDisputes, demoId, demoPeople } from '@jiefen/demo-data';
import { callerOf, startStack, type Stack } from '@jiefen/testing';
import { receiveJudicialConfirmationApplication, type JudicialConfirmationApplication } from '../src/services/judicial-confirmation.service.js';
import { createCourtSubgraph } from '../src/subgraph.js';

const [a, b] = demoPeople(300).slice(200, 202) as [ReturnType<typeof demoPeople>[number], ReturnType<typeof demoPeople>[number]];
const FIELDS = 'id status caseNumber acceptDueAt ruleDueAt rulingExtended extensionApprovedBy refusalReasons nextDeadlineAt overdue';
const ACCEPT = `mutation($id: ID!) { acceptJudicialConfirmation(id: $id) { ${FIELDS} } }`;
const REFUSE = `mutation($id: ID!, $note: String) { refuseJudicialConfirmation(id: $id, note: $note) { ${FIELDS} refusalNote } }`;
const EXTEND = `mutation($id: ID!) { extendRuling(id: $id, approvedBy: "李院长", reason: "案情复杂,需要核实协议履行能力") { ${FIELDS} } }`;
const RULE = `mutation($id: ID!, $ok: Boolean!) { ruleOnJudicialConfirmation(id: $id, confirmed: $ok, note: "调解协议系双方自愿达成,内容合法") { ${FIELDS} ruledAt } }`;
const ENFORCE = `mutation($id: ID!, $who: String!) { applyForEnforcement(confirmationId: $id, applicantName: $who, unperformedTerms: "被申请人未按期支付第二期款项") { caseNumber status applicantName } }`;
const BY_ID = `query($id: ID!) { judicialConfirmation(id: $id) { ${FIELDS} applicants { position name idNumber phone } enforcement { caseNumber applicantName } } }`;
const DAY = 86_400_000;
const court = createCourtSubgraph();

describe('司法确认 (judicial confirmation)', () => {
  let stack: Stack;
  let seq = 0;
  const dispute = demoDisputes().find((d) => d.agencies.justice && !d.agencies.court)!;
  const count = async (table: string) =>
    Number((await stack.subgraphs.court!.orm.em.getConnection().execute<{ n: string }[]>(`select count(*) as n from ${table}`))[0]!.n);

  /** An application arriving from the justice side, as the future docking event handler will pass it. */
  const apply = (overrides: Partial<JudicialConfirmationApplication> = {}, now = new Date()) => {
    seq += 1;
    return receiveJudicialConfirmationApplication(
      stack.subgraphs.court!.orm.em.fork(),
      {
        applicationId: `test-application-${seq}`,
        disputeId: dispute.id,
        agreementId: demoId('test-agreement', seq),
        mediationOrganization: '戴南镇人民调解委员会',
        agreementSummary: '乙方于三个月内分三期向甲方支付货款人民币36000元',
        matters: ['DEBT'],
        agreementEffectiveAt: new Date(now.getTime() - 5 * DAY),
        applicants: [
          { name: a.name, idNumber: a.idNumber, phone: a.phone },
          { name: b.name, idNumber: b.idNumber, phone: b.phone },
        ],
        jointApplication: true,
        regionCode: dispute.regionCode,
        ...overrides,
      },
      court.settings,
    );
  };

  beforeAll(async () => {
    stack = await startStack({ subgraphs: [court], gateway: false, seed: true });
  });
  afterAll(() => stack?.stop());

  it('applied → accepted (调确字, 3 days) → confirmed → not performed → enforcement (执)', async () => {
    const received = await apply();
    expect(received.status).toBe('APPLIED');
    expect((received.acceptDueAt.getTime() - received.appliedAt.getTime()) / DAY).toBe(3);
    const again = await apply({ applicationId: received.applicationId });
    expect(again.id).toBe(received.id);
    const accepted = await stack.querySubgraph<{
      acceptJudicialConfirmation: { status: string; caseNumber: string; ruleDueAt: string; nextDeadlineAt: string };
    }>('court', ACCEPT, { id: received.id }, 'court-staff');
    const acc = accepted.body.data!.acceptJudicialConfirmation;
    expect(acc.status).toBe('ACCEPTED');
    expect(acc.caseNumber).toMatch(/^\(2026\)苏1281民特调确字\d+号$/);
    expect(acc.nextDeadlineAt).toBe(acc.ruleDueAt);
    const ruled = await stack.querySubgraph<{ ruleOnJudicialConfirmation: { status: string; nextDeadlineAt: string | null } }>(
      'court',
      RULE,
      { id: received.id, ok: true },
      'court-staff',
    );
    expect(ruled.body.data!.ruleOnJudicialConfirmation).toMatchObject({ status: 'CONFIRMED', nextDeadlineAt: null });
    const stranger = await stack.querySubgraph('court', ENFORCE, { id: received.id, who: '王某某' }, 'court-staff');
    expect(stranger.body.errors![0]!.extensions).toMatchObject({ code: 'VALIDATION_FAILED', field: 'applicantName' });
    const enforced = await stack.querySubgraph<{ applyForEnforcement: { caseNumber: string; status: string; applicantName: string } }>(
      'court',
      ENFORCE,
      { id: received.id, who: a.name },
      'court-staff',
    );
    expect(enforced.body.data!.applyForEnforcement).toMatchObject({ status: 'APPLIED', applicantName: a.name });
    expect(enforced.body.data!.applyForEnforcement.caseNumber).toMatch(/^\(2026\)苏1281执\d+号$/);
    const view = await stack.querySubgraph<{
      judicialConfirmation: { status: string; enforcement: { applicantName: string }; applicants: { name: string; idNumber: string }[] };
    }>('court', BY_ID, { id: received.id }, 'court-staff');
    expect(view.body.data!.judicialConfirmation.status).toBe('ENFORCEMENT_APPLIED');
    expect(view.body.data!.judicialConfirmation.applicants.map((x) => x.idNumber)).toEqual([a.idNumber, b.idNumber]);
    const leader = await stack.querySubgraph<{
      judicialConfirmation: { enforcement: { applicantName: string }; applicants: { name: string; idNumber: string; phone: string }[] };
    }>('court', BY_ID, { id: received.id }, 'leader');
    expect(leader.body.data!.judicialConfirmation.applicants[0]!.idNumber).toMatch(/^\d{4}\*{10}[\dX]{4}$/);
    expect(leader.body.data!.judicialConfirmation.enforcement.applicantName).not.toBe(a.name);
    const twice = await stack.querySubgraph('court', ENFORCE, { id: received.id, who: a.name }, 'court-staff');
    expect(twice.body.errors![0]!.extensions!.code).toBe('ILLEGAL_TRANSITION');
  });

  it.each([
    ['a marriage-validity matter', { matters: ['SUPPORT', 'MARRIAGE_VALIDITY'] }, ['EXCLUDED_MATTER_MARRIAGE_VALIDITY'], /婚姻效力/],
    ['a status matter', { matters: ['PERSONAL_STATUS'] }, ['EXCLUDED_MATTER_PERSONAL_STATUS'], /身份关系/],
    ['an adoption matter', { matters: ['ADOPTION'] }, ['EXCLUDED_MATTER_ADOPTION'], /收养/],
    ['an application later than 30 days', { agreementEffectiveAt: new Date(Date.now() - 31 * DAY) }, ['LATE_APPLICATION'], /30 日/],
  ])('refuses %s: acceptance is refused with the reason and writes nothing, the refusal records it', async (_label, overrides, reasons, message) => {
    const received = await apply(overrides as Partial<JudicialConfirmationApplication>);
    const numbers = await count('court_number');
    const refused = await stack.querySubgraph('court', ACCEPT, { id: received.id }, 'court-staff');
    expect(refused.body.errors![0]!.extensions).toMatchObject({ code: 'NOT_ELIGIBLE', reasons });
    expect(refused.body.errors![0]!.message).toMatch(message);
    const unchanged = await stack.querySubgraph<{ judicialConfirmation: { status: string; caseNumber: string | null } }>(
      'court',
      BY_ID,
      { id: received.id },
      'court-staff',
    );
    expect(unchanged.body.data!.judicialConfirmation).toMatchObject({ status: 'APPLIED', caseNumber: null });
    expect(await count('court_number')).toBe(numbers);
    const done = await stack.querySubgraph<{ refuseJudicialConfirmation: { status: string; refusalReasons: string[]; nextDeadlineAt: string | null } }>(
      'court',
      REFUSE,
      { id: received.id, note: null },
      'court-staff',
    );
    expect(done.body.data!.refuseJudicialConfirmation).toMatchObject({ status: 'REFUSED', refusalReasons: reasons, nextDeadlineAt: null });
  });

  it('refuses an in-time ordinary application only with a stated reason', async () => {
    const received = await apply();
    const bare = await stack.querySubgraph('court', REFUSE, { id: received.id, note: null }, 'court-staff');
    expect(bare.body.errors![0]!.extensions).toMatchObject({ code: 'VALIDATION_FAILED', field: 'note' });
    const noted = await stack.querySubgraph<{ refuseJudicialConfirmation: { status: string; refusalReasons: string[]; refusalNote: string } }>(
      'court',
      REFUSE,
      { id: received.id, note: '申请人未提交调解协议原件' },
      'court-staff',
    );
    expect(noted.body.data!.refuseJudicialConfirmation).toMatchObject({ status: 'REFUSED', refusalReasons: [], refusalNote: '申请人未提交调解协议原件' });
  });

  it('shows an overdue ruling among the confirmations due, extends it once with approval, and sorts by deadline', async () => {
    const received = await apply();
    await stack.querySubgraph('court', ACCEPT, { id: received.id }, 'court-staff');
    const q = 'query($asOf: DateTimeISO) { confirmationsDue(first: 100, asOf: $asOf) { edges { node { id status nextDeadlineAt overdue } } } }';
    const asOf = new Date(Date.now() + 16 * DAY).toISOString();
    type Due = { confirmationsDue: { edges: { node: { id: string; status: string; nextDeadlineAt: string; overdue: boolean } }[] } };
    const due = (await stack.querySubgraph<Due>('court', q, { asOf }, 'court-staff')).body.data!.confirmationsDue.edges.map((e) => e.node);
    expect(due.find((n) => n.id === received.id)).toMatchObject({ status: 'ACCEPTED', overdue: true });
    expect([...due.map((n) => n.nextDeadlineAt)].sort()).toEqual(due.map((n) => n.nextDeadlineAt));
    expect(new Set(due.map((n) => n.status))).toEqual(new Set(['APPLIED', 'ACCEPTED']));
    const extended = await stack.querySubgraph<{ extendRuling: { rulingExtended: boolean; extensionApprovedBy: string; ruleDueAt: string } }>(
      'court',
      EXTEND,
      { id: received.id },
      'court-staff',
    );
    expect(extended.body.data!.extendRuling).toMatchObject({ rulingExtended: true, extensionApprovedBy: '李院长' });
    const after = (await stack.querySubgraph<Due>('court', q, { asOf }, 'court-staff')).body.data!.confirmationsDue.edges.map((e) => e.node);
    expect(after.find((n) => n.id === received.id)!.overdue).toBe(false);
    const again = await stack.querySubgraph('court', EXTEND, { id: received.id }, 'court-staff');
    expect(again.body.errors![0]!.extensions!.code).toBe('ALREADY_EXTENDED');
    const rejected = await stack.querySubgraph<{ ruleOnJudicialConfirmation: { status: string } }>(
      'court',
      RULE,
      { id: received.id, ok: false },
      'court-staff',
    );
    expect(rejected.body.data!.ruleOnJudicialConfirmation.status).toBe('REJECTED');
    const performed = await stack.querySubgraph(
      'court',
      'mutation($id: ID!) { recordAgreementPerformed(id: $id) { status } }',
      { id: received.id },
      'court-staff',
    );
    expect(performed.body.errors![0]!.extensions!.code).toBe('ILLEGAL_TRANSITION');
  });

  it('validates the application at the entry point and writes nothing', async () => {
    const before = await count('judicial_confirmation');
    await expect(apply({ matters: ['DIVORCE'] })).rejects.toMatchObject({ code: 'VALIDATION_FAILED', details: { field: 'matters' } });
    await expect(apply({ applicants: [{ name: a.name, idNumber: '123' }] })).rejects.toMatchObject({
      code: 'VALIDATION_FAILED',
      details: { field: 'applicants.0.idNumber' },
    });
    await expect(apply({ agreementEffectiveAt: new Date(Date.now() + DAY) })).rejects.toMatchObject({
      code: 'VALIDATION_FAILED',
      details: { field: 'agreementEffectiveAt' },
    });
    await expect(apply({ courtCaseId: demoId('court-case', 9999) })).rejects.toMatchObject({ code: 'COURT_CASE_NOT_FOUND' });
    expect(await count('judicial_confirmation')).toBe(before);
  });

  it('lets only the court act, in its jurisdiction; others see nothing, leaders masked; Dispute.judicialConfirmations', async () => {
    const received = await apply();
    for (const who of ['police-officer', 'procurator', 'mediator', 'leader']) {
      const { body } = await stack.querySubgraph('court', ACCEPT, { id: received.id }, who);
      expect(body.errors![0]!.extensions!.code, who).toBe('FORBIDDEN');
    }
    const elsewhere = await stack.querySubgraph('court', ACCEPT, { id: received.id }, callerOf('court-staff', { jurisdiction: '321282' }));
    expect(elsewhere.body.errors![0]!.extensions!.code).toBe('FORBIDDEN');
    const q = 'query($r: [_Any!]!) { _entities(representations: $r) { ... on Dispute { judicialConfirmations { id } } ... on JudicialConfirmation { id } } }';
    const r = [
      { __typename: 'Dispute', id: dispute.id },
      { __typename: 'JudicialConfirmation', id: received.id },
    ];
    const police = await stack.querySubgraph<{ _entities: unknown[] }>('court', q, { r }, 'police-officer');
    expect(police.body.data!._entities).toEqual([{ judicialConfirmations: [] }, null]);
    const court = await stack.querySubgraph<{ _entities: [{ judicialConfirmations: { id: string }[] }, { id: string }] }>('court', q, { r }, 'court-staff');
    expect(court.body.data!._entities[0].judicialConfirmations.map((j) => j.id)).toContain(received.id);
    expect(court.body.data!._entities[1].id).toBe(received.id);
  });
});
