import type { EntityManager } from '@mikro-orm/core';
import { randomUUID } from 'node:crypto';
import { hasRole, inJurisdiction, type Caller } from '@jiefen/auth';
import { check, DomainError, requireUuid } from '@jiefen/subgraph-kit';
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
  const termStart = check.date(f('termStart'), '聘任起始日期', m.termStart);
  if ((m.specialties ?? []).length > 10) throw DomainError.validation(f('specialties'), '专长不超过 10 项');
  if ((m.trainings ?? []).length > 50) throw DomainError.validation(f('trainings'), '培训记录不超过 50 条');
  const trainings: TrainingRecord[] = (m.trainings ?? []).map((t, i) => ({
    date: check.date(`${f('trainings')}[${i}].date`, '培训日期', t.date),
    title: check.text(`${f('trainings')}[${i}].title`, '培训内容', t.title, { max: 100 }),
    hours: check.int(`${f('trainings')}[${i}].hours`, '学时', t.hours, { min: 1, max: 500 }),
    organizer: check.text(`${f('trainings')}[${i}].organizer`, '培训单位', t.organizer, { max: 100 }),
  }));
  return {
    name: check.text(f('name'), '调解员姓名', m.name, { max: 50 }),
    sex: check.oneOf(f('sex'), '性别', m.sex, SEXES),
    committeeRole: m.committeeRole ? check.oneOf(f('committeeRole'), '委员会职务', m.committeeRole, COMMITTEE_ROLES) : null,
    employment: check.oneOf(f('employment'), '专兼职', m.employment, ['FULL_TIME', 'PART_TIME'] as const),
    invitedByCourt: !!m.invitedByCourt,
    lawyer: !!m.lawyer,
    specialties: (m.specialties ?? []).map((s, i) => check.text(`${f('specialties')}[${i}]`, '专长', s, { max: 30 })),
    trainings,
    termStart,
    termEnd: termEndOf(termStart),
    phone: m.phone ? check.phone(f('phone'), m.phone) : null,
    idNumber: m.idNumber ? check.idNumber(f('idNumber'), m.idNumber).value : null,
  };
}

/** 机构名册: an organization with its members, checked against 人民调解法 Art 8–9. */
export async function registerOrganization(
  em: EntityManager,
  caller: Caller,
  input: OrganizationInput,
  settings: JusticeSettings,
): Promise<MediationOrganization> {
  requireBureau(caller);
  const code = check.creditCode('code', input.code);
  const name = check.text('name', '组织名称', input.name, { min: 4, max: 100 });
  const type = check.oneOf('type', '组织类型', input.type, ORGANIZATION_TYPES);
  const regionCode = check.regionCode('regionCode', input.regionCode);
  const sector = check.optionalText('sector', '行业领域', input.sector, 30);
  if (type === 'SECTOR_COMMITTEE' && !sector) throw DomainError.validation('sector', '行业性专业性调委会须写明行业领域');
  const stationedAt = check.optionalText('stationedAt', '派驻单位', input.stationedAt, 100);
  const stationedAgency = input.stationedAgency ? check.oneOf('stationedAgency', '派驻单位类别', input.stationedAgency, STATIONED_AGENCIES) : null;
  const station = stationProblem(type, stationedAt, stationedAgency);
  if (station) throw DomainError.validation('stationedAt', station);
  const address = check.text('address', '地址', input.address, { max: 200 });
  const phone = input.phone ? check.phone('phone', input.phone) : null;
  const establishedOn = check.date('establishedOn', '成立日期', input.establishedOn);
  if (establishedOn > chinaDate(settings.now())) throw DomainError.validation('establishedOn', '成立日期不能晚于今天');
  const members = input.members.map((m, i) => validMediator(m, `members[${i}]`));
  const composition = compositionProblem(type, members);
  if (composition) throw DomainError.validation('members', composition);
  if (!inJurisdiction(caller, regionCode)) throw DomainError.validation('regionCode', '组织所在地不在本人辖区内');
  if (await em.count(MediationOrganization, { code })) throw DomainError.validation('code', '该统一社会信用代码已在名册中');
  return inTransaction(em, async (tx) => {
    const org = tx.create(MediationOrganization, {
      id: randomUUID(),
      code,
      name,
      type,
      regionCode,
      sector,
      stationedAt,
      stationedAgency,
      address,
      phone,
      establishedOn,
    });
    for (const m of members) tx.create(Mediator, { ...m, id: randomUUID(), organizationId: org.id, regionCode });
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
  const m = validMediator(input.mediator, 'mediator');
  if (m.termStart > chinaDate(settings.now())) throw DomainError.validation('mediator.termStart', '聘任起始日期不能晚于今天');
  const org = await em.findOne(MediationOrganization, { id: requireUuid('organizationId', input.organizationId) });
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
