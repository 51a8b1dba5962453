import type { EntityManager } from '@mikro-orm/core';
import { randomUUID } from 'node:crypto';
import { hasRole, inJurisdiction, type Caller } from '@jiefen/auth';
import { check, DomainError } from '@jiefen/subgraph-kit';
import { CHANNELS, DISPUTE_CATEGORIES, formatDisputeNumber, numberScope, PARTY_ROLES, partiesProblem, registrationYear } from '../domain/dispute-registration.js';
import { DisputeParty } from '../entities/dispute-party.entity.js';
import { Dispute } from '../entities/dispute.entity.js';
import { Region } from '../entities/region.entity.js';
import type { RegisterDisputeInput } from '../graphql/register-dispute.input.js';

/** Validates every field first; then numbers and writes the dispute and its parties in one transaction. */
export async function registerDispute(em: EntityManager, caller: Caller, input: RegisterDisputeInput, personKeyOf: (idNumber: string) => string): Promise<Dispute> {
  if (caller.agency !== 'GOVERNANCE' || !hasRole(caller, 'STAFF', 'SUPERVISOR')) {
    throw DomainError.forbidden('只有综治中心受理登记岗可以登记纠纷');
  }
  const category = check.oneOf('category', '纠纷类别', input.category, DISPUTE_CATEGORIES);
  const channel = check.oneOf('channel', '受理渠道', input.channel, CHANNELS);
  const summary = check.text('summary', '纠纷概要', input.summary, { min: 5, max: 2000 });
  const regionCode = check.regionCode('regionCode', input.regionCode, [9, 12]);
  const peopleInvolved = check.int('peopleInvolved', '涉及人数', input.peopleInvolved, { min: 1, max: 100_000 });
  if (input.parties.length > 50) throw DomainError.validation('parties', '当事人不能超过 50 人');
  const parties = input.parties.map((p, i) => {
    const field = (name: string) => `parties[${i}].${name}`;
    const id = p.idNumber ? check.idNumber(field('idNumber'), p.idNumber) : null;
    const birthDate = id ? id.info.birthDate : p.birthDate ? check.date(field('birthDate'), '出生日期', p.birthDate, { notFuture: true }) : null;
    return {
      role: check.oneOf(field('role'), '当事人身份', p.role, PARTY_ROLES),
      name: check.text(field('name'), '当事人姓名', p.name, { max: 50 }),
      idNumber: id?.value ?? null,
      phone: p.phone ? check.phone(field('phone'), p.phone) : null,
      address: check.optionalText(field('address'), '住址', p.address, 200),
      birthDate,
    };
  });
  const problem = partiesProblem(parties);
  if (problem) throw DomainError.validation(`parties[${problem.index}]`, problem.message);
  if (!inJurisdiction(caller, regionCode)) throw DomainError.validation('regionCode', '发生地不在本人辖区内');
  if (!(await em.findOne(Region, { code: regionCode }))) throw DomainError.validation('regionCode', '区划代码不存在');

  return em.transactional(async (tx) => {
    const registeredAt = new Date();
    const year = registrationYear(registeredAt);
    const rows = await tx.getConnection().execute<{ last: number }[]>(
      `insert into dispute_number_counter (scope, year, last) values (?, ?, 1)
       on conflict (scope, year) do update set last = dispute_number_counter.last + 1 returning last`,
      [numberScope(regionCode), year],
      'all',
      tx.getTransactionContext(),
    );
    const dispute = tx.create(Dispute, {
      id: randomUUID(),
      number: formatDisputeNumber(regionCode, year, rows[0]!.last),
      category,
      channel,
      summary,
      regionCode,
      peopleInvolved,
      registeredAt,
      firstContactSubject: caller.subject,
      firstContactName: caller.name,
      firstContactOrganization: caller.organization,
    });
    parties.forEach((p, position) =>
      tx.create(DisputeParty, { ...p, id: randomUUID(), disputeId: dispute.id, position, personKey: p.idNumber ? personKeyOf(p.idNumber) : null }),
    );
    await tx.flush();
    return dispute;
  });
}
