import type { EntityManager } from '@mikro-orm/core';
import { randomUUID } from 'node:crypto';
import { inJurisdiction, type Caller } from '@jiefen/auth';
import { check, DomainError, checkAll, checkEach } from '@jiefen/subgraph-kit';
import { disputeDueAt, type HubClocks } from '../domain/clocks.js';
import type { HubSettings } from '../domain/config.js';
import {
  CHANNELS,
  DISPUTE_CATEGORIES,
  formatDisputeNumber,
  numberScope,
  PARTY_ROLES,
  partiesProblem,
  registrationYear,
} from '../domain/dispute-registration.js';
import { DisputeActivity } from '../entities/dispute-activity.entity.js';
import { DisputeParty } from '../entities/dispute-party.entity.js';
import { Dispute } from '../entities/dispute.entity.js';
import { Region } from '../entities/region.entity.js';
import type { DocumentInput, PartyInput, RegisterDisputeInput } from '../domain/commands.js';
import { validateDocument, type ValidDocument, writeDocument } from './dispute-document.service.js';
import { warnAtRegistration } from './early-warning.service.js';
import { requireHubStaff } from './hub-rules.js';

export interface ValidRegistration {
  category: string;
  channel: string;
  summary: string;
  claims: string | null;
  regionCode: string;
  peopleInvolved: number;
  parties: ValidParty[];
  documents: ValidDocument[];
}

type ValidParty = { role: string; name: string; idNumber: string | null; phone: string | null; address: string | null; birthDate: string | null };

export function validateParties(input: PartyInput[]): ValidParty[] {
  if (input.length > 50) throw DomainError.validation('parties', '当事人不能超过 50 人');
  const parties = checkEach(input, (p, i) => {
    const field = (name: string) => `parties[${i}].${name}`;
    const v = checkAll({
      id: () => (p.idNumber ? check.idNumber(field('idNumber'), p.idNumber) : null),
      birthDate: () => (p.birthDate && !p.idNumber ? check.date(field('birthDate'), '出生日期', p.birthDate, { notFuture: true }) : null),
      role: () => check.oneOf(field('role'), '当事人身份', p.role, PARTY_ROLES),
      name: () => check.text(field('name'), '当事人姓名', p.name, { max: 50 }),
      phone: () => (p.phone ? check.phone(field('phone'), p.phone) : null),
      address: () => check.optionalText(field('address'), '住址', p.address, 200),
    });
    return {
      role: v.role,
      name: v.name,
      idNumber: v.id?.value ?? null,
      phone: v.phone,
      address: v.address,
      birthDate: v.id ? v.id.info.birthDate : v.birthDate,
    };
  });
  const problem = partiesProblem(parties);
  if (problem) throw DomainError.validation(`parties[${problem.index}]`, problem.message);
  return parties;
}

export function validateDocuments(documents: DocumentInput[] | null | undefined): ValidDocument[] {
  const list = documents ?? [];
  if (list.length > 50) throw DomainError.validation('documents', '一次最多登记 50 份材料');
  return checkEach(list, (d, i) => validateDocument(d, `documents[${i}]`));
}

/** A region inside the caller's jurisdiction that exists in the region table. */
export async function requireRegion(em: EntityManager, caller: Caller, field: string, regionCode: string): Promise<void> {
  if (!inJurisdiction(caller, regionCode)) throw DomainError.validation(field, '发生地不在本人辖区内');
  if (!(await em.findOne(Region, { code: regionCode }))) throw DomainError.validation(field, '区划代码不存在');
}

/** Validates every field first; then numbers and writes the dispute and its parties in one transaction. */
export async function registerDispute(
  em: EntityManager,
  caller: Caller,
  input: RegisterDisputeInput,
  personKeyOf: (idNumber: string) => string,
  settings: HubSettings,
): Promise<Dispute> {
  if (caller.agency !== 'GOVERNANCE') throw DomainError.forbidden('只有综治中心受理登记岗可以登记纠纷');
  requireHubStaff(caller);
  // Every invalid field at once, so the clerk corrects the form in one pass.
  const registration: ValidRegistration = checkAll({
    category: () => check.oneOf('category', '纠纷类别', input.category, DISPUTE_CATEGORIES),
    channel: () => check.oneOf('channel', '受理渠道', input.channel, CHANNELS),
    summary: () => check.text('summary', '纠纷概要', input.summary, { min: 5, max: 2000 }),
    claims: () => check.optionalText('claims', '当事人诉求', input.claims, 2000),
    regionCode: () => check.regionCode('regionCode', input.regionCode, [9, 12]),
    peopleInvolved: () => check.int('peopleInvolved', '涉及人数', input.peopleInvolved, { min: 1, max: 100_000 }),
    parties: () => validateParties(input.parties),
    documents: () => validateDocuments(input.documents),
  });
  await requireRegion(em, caller, 'regionCode', registration.regionCode);
  return em.transactional((tx) => writeRegistration(tx, caller, registration, personKeyOf, settings.clocks, settings.now()));
}

/**
 * Inside a transaction: the next unified number of the town and year (row lock on the counter:
 * concurrent registrations queue, a rolled-back one gives its number back), the dispute, its
 * parties and documents, the first timeline entry and the early-warning rules.
 */
export async function writeRegistration(
  tx: EntityManager,
  caller: Caller,
  r: ValidRegistration,
  personKeyOf: (idNumber: string) => string,
  clocks: HubClocks,
  registeredAt: Date,
): Promise<Dispute> {
  const year = registrationYear(registeredAt);
  const rows = await tx.getConnection().execute<{ last: number }[]>(
    `insert into dispute_number_counter (scope, year, last) values (?, ?, 1)
     on conflict (scope, year) do update set last = dispute_number_counter.last + 1 returning last`,
    [numberScope(r.regionCode), year],
    'all',
    tx.getTransactionContext(),
  );
  const dispute = tx.create(Dispute, {
    id: randomUUID(),
    number: formatDisputeNumber(r.regionCode, year, rows[0]!.last),
    category: r.category,
    channel: r.channel,
    summary: r.summary,
    claims: r.claims,
    regionCode: r.regionCode,
    peopleInvolved: r.peopleInvolved,
    registeredAt,
    stateSince: registeredAt,
    dueAt: disputeDueAt('REGISTERED', 'VILLAGE', registeredAt, clocks),
    timelineLength: 1,
    firstContactSubject: caller.subject,
    firstContactName: caller.name,
    firstContactOrganization: caller.organization,
  });
  const personKeys = r.parties.flatMap((p) => (p.idNumber ? [personKeyOf(p.idNumber)] : []));
  r.parties.forEach((p, position) =>
    tx.create(DisputeParty, { ...p, id: randomUUID(), disputeId: dispute.id, position, personKey: p.idNumber ? personKeyOf(p.idNumber) : null }),
  );
  for (const d of r.documents) writeDocument(tx, dispute.id, d, caller, registeredAt);
  tx.create(DisputeActivity, {
    id: randomUUID(),
    disputeId: dispute.id,
    sequence: 1,
    type: 'REGISTER',
    toStatus: 'REGISTERED',
    at: registeredAt,
    actorSubject: caller.subject,
    actorName: caller.name,
    summary: `统一受理登记(${r.channel}),编号 ${dispute.number}`,
  });
  await warnAtRegistration(tx, dispute, personKeys, registeredAt);
  await tx.flush();
  return dispute;
}
