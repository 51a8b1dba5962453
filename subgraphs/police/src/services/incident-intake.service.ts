import { randomUUID } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/core';
import { hasRole, inJurisdiction, type Caller } from '@jiefen/auth';
import { chinaDate, type AgencySettings } from '@jiefen/calendar';
import { DISPUTE_CATEGORIES, type DisputeCategory } from '@jiefen/codes';
import { check, DomainError, FieldErrors, nextNumber } from '@jiefen/subgraph-kit';
import {
  INCIDENT_CATEGORIES,
  INCIDENT_CHANNELS,
  incidentDigest,
  isReportedIncident,
  NON_POLICE_CATEGORY_NAMES,
  PARTY_ROLES,
  type IncidentFacts,
  type IncidentParty,
  type NonPoliceCategory,
} from '../domain/incident-intake.rules.js';
import { POLICE_INCIDENT_INITIAL } from '../domain/police-incident.workflow.js';
import { PoliceIncident } from '../entities/police-incident.entity.js';
import { reportIncident } from './dispute-report.service.js';

// 接警登记, the police's front door: an officer registers a call (110, walk-in, 非警务警情), or a
// station's own system imports its incidents in a batch. Either way the incident starts in the
// workflow's initial state, where 治安调解 and 公调 can act, with no hub dispute yet (`disputeId`
// null). An incident that is a dispute is reported to the hub in the same transaction
// (dispute-report.service.ts); the hub's answer sets its dispute id and 统一编号.

export interface IncidentPersonInput {
  name: string;
  idNumber?: string | null;
  phone?: string | null;
}

export interface IncidentPartyInput extends IncidentPersonInput {
  role: string;
}

export interface IncidentInput {
  channel: string;
  category: string;
  nonPolice: boolean;
  /** A key of NON_POLICE_CATEGORY_NAMES; required exactly when `nonPolice`. */
  nonPoliceCategory?: string | null;
  /** 纠纷类别 (Chinese name) for the hub; only for an incident that is reported (isReportedIncident). */
  disputeCategory?: string | null;
  summary: string;
  reporter: IncidentPersonInput;
  parties?: IncidentPartyInput[] | null;
  place: string;
  regionCode: string;
  station: string;
  occurredAt?: Date | null;
  /** 接警时间; now when an officer registers without it. */
  reportedAt?: Date | null;
}

export interface ImportedIncidentInput extends IncidentInput {
  /** 警情编号 in the station's own system. */
  externalNumber: string;
}

/** Clocks of two systems differ: a time up to this far ahead of ours is not "in the future". */
const CLOCK_SKEW_MS = 5 * 60_000;
export const IMPORT_BATCH_MAX = 500;

function requireOfficer(caller: Caller, ...roles: ('STAFF' | 'SUPERVISOR' | 'ADMIN')[]): void {
  if (caller.agency !== 'POLICE' || !hasRole(caller, ...roles)) throw DomainError.forbidden('只有公安机关工作人员可以登记警情');
}

function validDate(at: Date | null | undefined): at is Date {
  return at instanceof Date && !Number.isNaN(at.getTime());
}

/** Checks one incident's input, collecting every invalid field under `prefix`; the facts when all are valid. */
function factsOf(errors: FieldErrors, prefix: string, input: IncidentInput, caller: Caller, now: Date): IncidentFacts | undefined {
  const before = errors.invalid.length;
  const f = (name: string) => `${prefix}${name}`;
  const channel = errors.field(() => check.oneOf(f('channel'), '接警方式', input.channel, INCIDENT_CHANNELS));
  const category = errors.field(() => check.oneOf(f('category'), '警情类别', input.category, INCIDENT_CATEGORIES));
  let nonPoliceCategory: string | null = null;
  if (input.nonPolice) {
    if (!input.nonPoliceCategory) errors.add(f('nonPoliceCategory'), '非警务警情须写明类别');
    else {
      const key = errors.field(() => check.oneOf(f('nonPoliceCategory'), '非警务警情类别', input.nonPoliceCategory!, Object.keys(NON_POLICE_CATEGORY_NAMES)));
      nonPoliceCategory = key ? NON_POLICE_CATEGORY_NAMES[key as NonPoliceCategory] : null;
    }
  } else if (input.nonPoliceCategory) errors.add(f('nonPoliceCategory'), '警务警情不填写非警务警情类别');
  let disputeCategory: DisputeCategory | null = null;
  if (input.disputeCategory) {
    disputeCategory = errors.field(() => check.oneOf(f('disputeCategory'), '纠纷类别', input.disputeCategory!, DISPUTE_CATEGORIES)) ?? null;
    if (disputeCategory && !isReportedIncident({ nonPolice: input.nonPolice, nonPoliceCategory }))
      errors.add(f('disputeCategory'), '纠纷类别只用于报送综治中心的非警务纠纷警情(民间、劳资、消费、物业纠纷)');
  }
  const summary = errors.field(() => check.text(f('summary'), '简要警情', input.summary, { min: 4, max: 2000 }));
  const reporterName = errors.field(() => check.text(f('reporter.name'), '报警人姓名', input.reporter.name, { max: 50 }));
  const reporterIdNumber = input.reporter.idNumber ? errors.field(() => check.idNumber(f('reporter.idNumber'), input.reporter.idNumber!).value) : null;
  const reporterPhone = input.reporter.phone ? errors.field(() => check.phone(f('reporter.phone'), input.reporter.phone!)) : undefined;
  if (!input.reporter.phone) errors.add(f('reporter.phone'), '报警人联系电话不能为空');
  const parties: IncidentParty[] = [];
  if ((input.parties ?? []).length > 20) errors.add(f('parties'), '当事人不能超过 20 名');
  (input.parties ?? []).slice(0, 20).forEach((p, i) => {
    const g = (name: string) => f(`parties[${i}].${name}`);
    parties.push({
      role: errors.field(() => check.oneOf(g('role'), '当事人身份', p.role, PARTY_ROLES)) ?? 'APPLICANT',
      name: errors.field(() => check.text(g('name'), '当事人姓名', p.name, { max: 50 })) ?? '',
      idNumber: p.idNumber ? (errors.field(() => check.idNumber(g('idNumber'), p.idNumber!).value) ?? null) : null,
      phone: p.phone ? (errors.field(() => check.phone(g('phone'), p.phone!)) ?? null) : null,
    });
  });
  const place = errors.field(() => check.text(f('place'), '发案地点', input.place, { min: 2, max: 200 }));
  const regionCode = errors.field(() => check.regionCode(f('regionCode'), input.regionCode, [9, 12]));
  if (regionCode && !inJurisdiction(caller, regionCode)) errors.add(f('regionCode'), `发案地区划(${regionCode})不在本人辖区(${caller.jurisdiction})内`);
  const station = errors.field(() => check.text(f('station'), '接处警单位', input.station, { min: 4, max: 100 }));
  const reportedAt = input.reportedAt ?? now;
  if (!validDate(reportedAt)) errors.add(f('reportedAt'), '接警时间无效');
  else if (reportedAt.getTime() > now.getTime() + CLOCK_SKEW_MS) errors.add(f('reportedAt'), '接警时间不能晚于当前时间');
  const occurredAt = input.occurredAt ?? null;
  if (occurredAt !== null) {
    if (!validDate(occurredAt)) errors.add(f('occurredAt'), '发案时间无效');
    else if (validDate(reportedAt) && occurredAt.getTime() > reportedAt.getTime()) errors.add(f('occurredAt'), '发案时间不能晚于接警时间');
  }
  if (errors.invalid.length > before) return undefined;
  return {
    channel: channel!,
    category: category!,
    nonPolice: input.nonPolice,
    nonPoliceCategory,
    disputeCategory,
    summary: summary!,
    reporterName: reporterName!,
    reporterIdNumber: reporterIdNumber ?? null,
    reporterPhone: reporterPhone!,
    parties,
    place: place!,
    regionCode: regionCode!,
    occurredAt,
    reportedAt,
    station: station!,
  };
}

/**
 * Numbers incidents: 警情编号 = J + county code + the Beijing date of receipt + a 5-digit sequence
 * per county and day, taken from the day's counter (row lock: concurrent registrations queue and get
 * consecutive numbers); a day's first counter continues from the numbers already there.
 */
function numberer(tx: EntityManager) {
  return async (facts: IncidentFacts): Promise<string> => {
    const prefix = `J${facts.regionCode.slice(0, 6)}${chinaDate(facts.reportedAt).replace(/-/g, '')}`;
    const n = await nextNumber(tx, `police-incident:${prefix}`, async () => {
      const [last] = await tx
        .getConnection()
        .execute<{ n: number | null }[]>(
          `select max(substring(incident_number from ${prefix.length + 1})::int) as n from police_incident where incident_number like ? and incident_number ~ '^J[0-9]+$'`,
          [`${prefix}%`],
          'all',
          tx.getTransactionContext(),
        );
      return Number(last?.n ?? 0);
    });
    return `${prefix}${String(n).padStart(5, '0')}`;
  };
}

function incidentOf(facts: IncidentFacts, number: string, caller: Caller, external?: { externalNumber: string; digest: string }) {
  return {
    id: randomUUID(),
    disputeId: null,
    incidentNumber: number,
    station: facts.station,
    stationCode: caller.organization,
    category: facts.category,
    channel: facts.channel,
    nonPolice: facts.nonPolice,
    nonPoliceCategory: facts.nonPoliceCategory,
    disputeCategory: facts.disputeCategory,
    summary: facts.summary,
    reporterName: facts.reporterName,
    reporterIdNumber: facts.reporterIdNumber,
    reporterPhone: facts.reporterPhone,
    parties: facts.parties,
    place: facts.place,
    regionCode: facts.regionCode,
    occurredAt: facts.occurredAt,
    reportedAt: facts.reportedAt,
    officerSubject: caller.subject,
    officerName: caller.name,
    status: POLICE_INCIDENT_INITIAL,
    externalNumber: external?.externalNumber ?? null,
    importDigest: external?.digest ?? null,
  };
}

/** The item index of an `input[i].…` field, to list a batch's errors item by item. */
const itemOf = (field: string) => Number(/^input\[(\d+)\]/.exec(field)?.[1] ?? -1);

/** A unique index refused a row another request wrote meanwhile: the caller may simply retry. */
function raced(error: unknown): never {
  if ((error as { name?: string }).name === 'UniqueConstraintViolationException') {
    throw new DomainError('CONFLICT', '警情编号与同时提交的登记冲突,请重试');
  }
  throw error;
}

/**
 * 接警登记 by an officer: every invalid field is reported at once (`VALIDATION_FAILED` with
 * `fields`) and nothing is written; a valid incident is received (治安调解 or 公调 may follow).
 */
export async function registerIncident(em: EntityManager, caller: Caller, input: IncidentInput, settings: AgencySettings): Promise<PoliceIncident> {
  requireOfficer(caller, 'STAFF', 'SUPERVISOR');
  const errors = new FieldErrors();
  const facts = factsOf(errors, '', input, caller, settings.now());
  errors.done();
  return em
    .transactional(async (tx) => {
      const number = await numberer(tx)(facts!);
      const incident = tx.create(PoliceIncident, incidentOf(facts!, number, caller));
      await reportIncident(tx, caller, incident);
      return incident;
    })
    .catch(raced);
}

export interface ImportedIncident {
  incident: PoliceIncident;
  /** False when the station had imported the same number with the same content before. */
  created: boolean;
}

/**
 * A station's batch import, all or nothing and idempotent by the station's 警情编号:
 * - every item is checked and every invalid field of every item reported at once (`input[i].field`);
 * - a number already imported by the station with the same content returns the existing incident
 *   (`created: false`) and changes nothing — a retried batch is harmless;
 * - the same number with different content is refused as an invalid `input[i].externalNumber`
 *   (an import never overwrites what the officers may already be acting on), as is a number twice
 *   in one batch;
 * - when anything is refused, nothing of the batch is written.
 */
export async function importIncidents(
  em: EntityManager,
  caller: Caller,
  items: ImportedIncidentInput[],
  settings: AgencySettings,
): Promise<ImportedIncident[]> {
  requireOfficer(caller, 'STAFF', 'ADMIN');
  if (items.length === 0 || items.length > IMPORT_BATCH_MAX) throw DomainError.validation('input', `每批导入 1 到 ${IMPORT_BATCH_MAX} 条警情`);
  const errors = new FieldErrors();
  const now = settings.now();
  const seen = new Map<string, number>();
  const checked = items.map((item, i) => {
    const externalNumber = errors.field(() => {
      const value = check.text(`input[${i}].externalNumber`, '警情编号', item.externalNumber ?? '', { max: 40 });
      if (!/^[A-Za-z0-9_-]+$/.test(value)) throw DomainError.validation(`input[${i}].externalNumber`, '警情编号只能包含字母、数字、下划线和连字符');
      return value;
    });
    if (externalNumber !== undefined) {
      const first = seen.get(externalNumber);
      if (first !== undefined) errors.add(`input[${i}].externalNumber`, `警情编号与第 ${first + 1} 条重复`);
      else seen.set(externalNumber, i);
    }
    // The station's system knows when it received the call: an import without it would take ours.
    if (!item.reportedAt) errors.add(`input[${i}].reportedAt`, '导入的警情须有接警时间');
    const facts = factsOf(errors, `input[${i}].`, item, caller, now);
    return facts && externalNumber ? { facts, externalNumber, digest: incidentDigest(facts) } : undefined;
  });
  return em
    .transactional(async (tx) => {
      // Conflicts with earlier imports are reported together with the field errors (all at once).
      const numbers = checked.flatMap((v) => (v ? [v.externalNumber] : []));
      const existing = numbers.length ? await tx.find(PoliceIncident, { stationCode: caller.organization, externalNumber: { $in: numbers } }) : [];
      const byNumber = new Map(existing.map((x) => [x.externalNumber!, x]));
      checked.forEach((v, i) => {
        const before = v && byNumber.get(v.externalNumber);
        if (v && before && before.importDigest !== v.digest) {
          errors.add(`input[${i}].externalNumber`, `警情编号 ${v.externalNumber} 已导入(${before.incidentNumber}),内容与本次不同,不予覆盖`);
        }
      });
      errors.invalid.sort((a, b) => itemOf(a.field) - itemOf(b.field));
      errors.done();
      const valid = checked as { facts: IncidentFacts; externalNumber: string; digest: string }[];
      const number = numberer(tx);
      const results: ImportedIncident[] = [];
      for (const v of valid) {
        const before = byNumber.get(v.externalNumber);
        if (before) results.push({ incident: before, created: false });
        else results.push({ incident: tx.create(PoliceIncident, incidentOf(v.facts, await number(v.facts), caller, v)), created: true });
      }
      // Only what this batch created is reported: an incident imported before was reported then.
      for (const r of results) if (r.created) await reportIncident(tx, caller, r.incident);
      return results;
    })
    .catch(raced);
}
