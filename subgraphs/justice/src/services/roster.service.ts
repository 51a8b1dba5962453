import type { EntityManager } from '@mikro-orm/core';
import { randomUUID } from 'node:crypto';
import { hasRole, inJurisdiction, type Caller } from '@jiefen/auth';
import { check, DomainError, requireUuid, checkAll, checkEach, FieldErrors } from '@jiefen/subgraph-kit';
import { chinaDate } from '@jiefen/calendar';
import { type JusticeSettings } from '../domain/clocks.js';
import { COMMITTEE_ROLES, compositionProblem, ORGANIZATION_TYPES, SEXES, STATIONED_AGENCIES, stationProblem, termEndOf } from '../domain/roster.js';
import { MediationOrganization } from '../entities/mediation-organization.entity.js';
import { Mediator, type TrainingRecord } from '../entities/mediator.entity.js';
import { inTransaction } from './common.js';

export interface TrainingInput {
  date: string;
  title: string;
  hours: number;
  organizer: string;
}

export interface MediatorInput {
  name: string;
  sex: string;
  committeeRole?: string | null;
  employment: string;
  invitedByCourt?: boolean | null;
  lawyer?: boolean | null;
  specialties?: string[] | null;
  trainings?: TrainingInput[] | null;
  termStart: string;
  phone?: string | null;
  idNumber?: string | null;
}

export interface OrganizationInput {
  code: string;
  name: string;
  type: string;
  regionCode: string;
  sector?: string | null;
  stationedAt?: string | null;
  stationedAgency?: string | null;
  address: string;
  phone?: string | null;
  establishedOn: string;
  members: MediatorInput[];
}

/** The county justice bureau keeps the roster: its staff (not a committee's mediator) register. */
function requireBureau(caller: Caller): void {
  if (caller.agency !== 'JUSTICE' || !hasRole(caller, 'STAFF', 'SUPERVISOR', 'ADMIN'))
    throw DomainError.forbidden('只有司法局工作人员可以维护调解组织和调解员名册');
}

function validMediator(m: MediatorInput, field: string) {
  const f = (name: string) => `${field}.${name}`;
  // Every invalid field of the mediator (and of each training record) at once.
  const v = checkAll({
    termStart: () => check.date(f('termStart'), '聘任起始日期', m.termStart),
    name: () => check.text(f('name'), '调解员姓名', m.name, { max: 50 }),
    sex: () => check.oneOf(f('sex'), '性别', m.sex, SEXES),
    committeeRole: () => (m.committeeRole ? check.oneOf(f('committeeRole'), '委员会职务', m.committeeRole, COMMITTEE_ROLES) : null),
    employment: () => check.oneOf(f('employment'), '专兼职', m.employment, ['FULL_TIME', 'PART_TIME'] as const),
    specialties: () => {
      if ((m.specialties ?? []).length > 10) throw DomainError.validation(f('specialties'), '专长不超过 10 项');
      return checkEach(m.specialties ?? [], (s, i) => check.text(`${f('specialties')}[${i}]`, '专长', s, { max: 30 }));
    },
    trainings: (): TrainingRecord[] => {
      if ((m.trainings ?? []).length > 50) throw DomainError.validation(f('trainings'), '培训记录不超过 50 条');
      return checkEach(m.trainings ?? [], (t, i) =>
        checkAll({
          date: () => check.date(`${f('trainings')}[${i}].date`, '培训日期', t.date),
          title: () => check.text(`${f('trainings')}[${i}].title`, '培训内容', t.title, { max: 100 }),
          hours: () => check.int(`${f('trainings')}[${i}].hours`, '学时', t.hours, { min: 1, max: 500 }),
          organizer: () => check.text(`${f('trainings')}[${i}].organizer`, '培训单位', t.organizer, { max: 100 }),
        }),
      );
    },
    phone: () => (m.phone ? check.phone(f('phone'), m.phone) : null),
    idNumber: () => (m.idNumber ? check.idNumber(f('idNumber'), m.idNumber).value : null),
  });
  return { ...v, invitedByCourt: !!m.invitedByCourt, lawyer: !!m.lawyer, termEnd: termEndOf(v.termStart) };
}

/** 机构名册: an organization with its members, checked against 人民调解法 Art 8–9. */
export async function registerOrganization(
  em: EntityManager,
  caller: Caller,
  input: OrganizationInput,
  settings: JusticeSettings,
): Promise<MediationOrganization> {
  requireBureau(caller);
  // Every invalid field of the 名册 entry at once (each member's too); the rules across fields
  // (sector, station, composition) are checked on the fields that are valid.
  const errors = new FieldErrors();
  const code = errors.field(() => check.creditCode('code', input.code));
  const name = errors.field(() => check.text('name', '组织名称', input.name, { min: 4, max: 100 }));
  const type = errors.field(() => check.oneOf('type', '组织类型', input.type, ORGANIZATION_TYPES));
  const regionCode = errors.field(() => check.regionCode('regionCode', input.regionCode));
  const sector = errors.field(() => check.optionalText('sector', '行业领域', input.sector, 30));
  if (type === 'SECTOR_COMMITTEE' && sector === null) errors.add('sector', '行业性专业性调委会须写明行业领域');
  const stationedAt = errors.field(() => check.optionalText('stationedAt', '派驻单位', input.stationedAt, 100));
  const stationedAgency = input.stationedAgency
    ? errors.field(() => check.oneOf('stationedAgency', '派驻单位类别', input.stationedAgency!, STATIONED_AGENCIES))
    : null;
  const station = type && stationedAt !== undefined && stationedAgency !== undefined ? stationProblem(type, stationedAt, stationedAgency) : null;
  if (station) errors.add('stationedAt', station);
  const address = errors.field(() => check.text('address', '地址', input.address, { max: 200 }));
  const phone = input.phone ? errors.field(() => check.phone('phone', input.phone!)) : null;
  const establishedOn = errors.field(() => check.date('establishedOn', '成立日期', input.establishedOn));
  if (establishedOn && establishedOn > chinaDate(settings.now())) errors.add('establishedOn', '成立日期不能晚于今天');
  const members = input.members.map((m, i) => errors.field(() => validMediator(m, `members[${i}]`)));
  const validMembers = members.filter((m) => m !== undefined);
  const composition = type && validMembers.length === members.length ? compositionProblem(type, validMembers) : null;
  if (composition) errors.add('members', composition);
  if (regionCode && !inJurisdiction(caller, regionCode)) errors.add('regionCode', '组织所在地不在本人辖区内');
  if (code && (await em.count(MediationOrganization, { code }))) errors.add('code', '该统一社会信用代码已在名册中');
  errors.done();
  // errors.done() returned: every field above was checked and set.
  return inTransaction(em, async (tx) => {
    const org = tx.create(MediationOrganization, {
      id: randomUUID(),
      code: code!,
      name: name!,
      type: type!,
      regionCode: regionCode!,
      sector: sector ?? null,
      stationedAt: stationedAt ?? null,
      stationedAgency: stationedAgency ?? null,
      address: address!,
      phone: phone ?? null,
      establishedOn: establishedOn!,
    });
    for (const m of validMembers) tx.create(Mediator, { ...m, id: randomUUID(), organizationId: org.id, regionCode: regionCode! });
    return org;
  });
}

/** Adds a mediator to an organization's roster (a new term starts). */
export async function registerMediator(
  em: EntityManager,
  caller: Caller,
  input: { organizationId: string; mediator: MediatorInput },
  settings: JusticeSettings,
): Promise<Mediator> {
  requireBureau(caller);
  const { m, organizationId } = checkAll({
    m: () => {
      const valid = validMediator(input.mediator, 'mediator');
      if (valid.termStart > chinaDate(settings.now())) throw DomainError.validation('mediator.termStart', '聘任起始日期不能晚于今天');
      return valid;
    },
    organizationId: () => requireUuid('organizationId', input.organizationId),
  });
  const org = await em.findOne(MediationOrganization, { id: organizationId });
  if (!org) throw DomainError.validation('organizationId', '名册中没有该调解组织');
  if (!inJurisdiction(caller, org.regionCode)) throw DomainError.forbidden('该调解组织不在本人辖区内');
  if (m.committeeRole) {
    const committee = await em.find(Mediator, { organizationId: org.id, committeeRole: { $ne: null } });
    const problem = compositionProblem(org.type as (typeof ORGANIZATION_TYPES)[number], [
      ...committee.map((c) => ({ sex: c.sex as 'MALE', committeeRole: c.committeeRole as 'MEMBER' })),
      m,
    ]);
    if (problem) throw DomainError.validation('mediator.committeeRole', problem);
  }
  return inTransaction(em, async (tx) => tx.create(Mediator, { ...m, id: randomUUID(), organizationId: org.id, regionCode: org.regionCode }));
}
