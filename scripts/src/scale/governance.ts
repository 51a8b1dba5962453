// The hub (综治中心): the region tree, disputes with parties and timelines, the docking ledger,
// early-warning alerts, screening reports and the access log.
import { personKey } from '@jiefen/auth';
import type { CopySet } from './copy.js';
import { openDockingTables, writeInbox } from './ledger.js';
import { DAY, HOUR, KIND, type DisputePlan, type DisputeState } from './plan.js';
import { scaleUuid } from './ids.js';
import type { World } from './world.js';

const HUB = { subject: 'hub-coordinator-002', name: '朱晓燕', organization: '11321281014090055E' };
const DUE_DAYS: Record<DisputeState, number | null> = {
  REGISTERED: 3,
  ROUTED: 7,
  IN_MEDIATION: 15,
  RESOLVED: 5,
  UNRESOLVED: 5,
  UNDER_REVIEW: 7,
  REVIEWED: 3,
  CLOSED: null,
  GUIDED_TO_LITIGATION: null,
};
const STEP_NAMES: Record<string, string> = {
  REGISTER: '统一受理登记',
  ROUTE: '研判分流',
  NOTIFY: '一次性告知',
  CONSENT: '当事人同意调解',
  REFUSE: '当事人拒绝调解',
  RECORD_ATTEMPT: '记录调解',
  RESOLVE: '化解成功',
  FAIL: '化解不成',
  REQUEST_REVIEW: '提请终结研判',
  APPROVE: '研判同意终结',
  CLOSE: '结案',
  GUIDE_TO_LITIGATION: '引导诉讼',
  DOCKING_ACCEPTED: '调解组织受理',
  DOCKING_CONCLUDED_AGREEMENT: '调解组织反馈:达成协议',
  DOCKING_CONCLUDED_NO_AGREEMENT: '调解组织反馈:调解不成',
};
const SUMMARIES: Record<string, string> = {
  婚姻家庭: '因子女抚养费给付发生争执',
  邻里: '相邻两户因排水沟渠堵塞互相指责',
  房屋宅基地: '两户因宅基地边界认定不一发生争议',
  合同: '买卖合同货款拖欠',
  生产经营: '合伙经营利润分配争议',
  损害赔偿: '饲养的犬只咬伤路人赔偿争议',
  山林土地: '承包田块界址不清引发争议',
  征地拆迁: '拆迁安置面积认定争议',
  环境污染: '小作坊废水排放影响鱼塘',
  劳动争议: '企业拖欠农民工工资',
  消费: '预付卡消费退费纠纷',
  医疗: '诊所输液后不良反应赔偿争议',
  道路交通事故: '电动自行车与小轿车碰撞赔偿',
  物业: '小区物业费收缴与服务质量争议',
};
export const summaryOf = (p: DisputePlan) => `${p.regionName}${SUMMARIES[p.category] ?? `${p.category}纠纷`}`;

const DISPUTE_COLUMNS = [
  'id',
  'number',
  'category',
  'channel',
  'summary',
  'claims',
  'region_code',
  'people_involved',
  'tier',
  'status',
  'risk_level',
  'registered_at',
  'first_contact_subject',
  'first_contact_name',
  'first_contact_organization',
  'state_since',
  'due_at',
  'responsible_unit_kind',
  'responsible_unit_name',
  'responsible_unit_code',
  'routing_reason',
  'routed_at',
  'method',
  'consent',
  'consent_at',
  'attempts_at_tier',
  'timeline_length',
  'outcome',
  'outcome_summary',
  'resolved_at',
  'review_opinion',
  'reviewer_name',
  'reviewed_at',
  'closing_opinion',
  'closed_at',
] as const;

export async function openGovernance(set: CopySet): Promise<void> {
  await set.open('region', ['code', 'name', 'level', 'parent_code', 'population']);
  await set.open('dispute', DISPUTE_COLUMNS);
  await set.open('dispute_party', ['id', 'dispute_id', 'role', 'name', 'id_number', 'phone', 'address', 'birth_date', 'person_key', 'position']);
  await set.open('dispute_activity', ['id', 'dispute_id', 'sequence', 'type', 'from_status', 'to_status', 'at', 'actor_subject', 'actor_name', 'summary']);
  await set.open('docking', [
    'id',
    'kind',
    'mode',
    'status',
    'from_agency',
    'to_agency',
    'from_organization_code',
    'from_organization_name',
    'to_organization_code',
    'to_organization_name',
    'dispute_id',
    'region_code',
    'sent_at',
    'accept_by',
    'conclude_by',
    'confirm_by',
    'concluded_at',
    'outcome',
    'outcome_summary',
    'due_at',
    'last_sequence',
  ]);
  await set.open('docking_event', ['id', 'docking_id', 'from_agency', 'sequence', 'type', 'at', 'summary']);
  await set.open('risk_alert', [
    'id',
    'dispute_id',
    'region_code',
    'level',
    'rule',
    'reason',
    'status',
    'raised_at',
    'raised_by_name',
    'handled_at',
    'handling_note',
  ]);
  await set.open('screening_report', [
    'id',
    'region_code',
    'period_key',
    'cadence',
    'zero_report',
    'finding_count',
    'submitted_at',
    'submitted_by_subject',
    'submitted_by_name',
  ]);
  await set.open('personal_data_access', [
    'accessed_at',
    'subject',
    'caller_name',
    'agency',
    'organization',
    'record_type',
    'record_id',
    'fields',
    'request_id',
  ]);
  await set.open('dispute_number_counter', ['scope', 'year', 'last']);
  await openDockingTables(set, false);
}

/** The region tree (populations are not known for the generated province). */
export function writeRegions(set: CopySet, world: World): void {
  for (const r of world.regions) set.get('region').row([r.code, r.name, r.level, r.parentCode, null]);
}

const chinaYear = (at: number) => new Date(at + 8 * HOUR).getUTCFullYear();
const CONCLUDED = { AGREEMENT: 'SETTLED', NO_AGREEMENT: 'NOT_SETTLED', TERMINATED: 'TERMINATED' } as const;

export class GovernanceWriter {
  private readonly numbers = new Map<string, number>();
  constructor(
    private readonly set: CopySet,
    private readonly seed: number,
    private readonly personKeySecret: string,
  ) {}

  write(p: DisputePlan): void {
    const key = `${p.regionCode.slice(0, 9)}|${chinaYear(p.registeredAt)}`;
    const sequence = (this.numbers.get(key) ?? 0) + 1;
    this.numbers.set(key, sequence);
    const number = `${p.regionCode.slice(0, 9)}-${chinaYear(p.registeredAt)}-${String(sequence).padStart(6, '0')}`;
    const at = (type: string) => p.steps.find((s) => s.type === type)?.at;
    const routed = at('ROUTE');
    const consent = at('CONSENT') ?? at('REFUSE');
    const resolved = at('RESOLVE') ?? at('DOCKING_CONCLUDED_AGREEMENT');
    const failed = at('FAIL') ?? at('DOCKING_CONCLUDED_NO_AGREEMENT');
    const reviewed = at('APPROVE');
    const closed = at('CLOSE') ?? at('GUIDE_TO_LITIGATION') ?? at('REFUSE');
    const unit = p.mediation?.organization ?? p.town.committee;
    const summary = summaryOf(p);
    const stateSince = [...p.steps].reverse().find((s) => s.from !== s.to)?.at ?? p.registeredAt;
    const dueDays = DUE_DAYS[p.state];
    this.set
      .get('dispute')
      .row([
        p.id,
        number,
        p.category,
        p.channel,
        summary,
        `请求依法调处:${summary}`,
        p.regionCode,
        p.peopleInvolved,
        'VILLAGE',
        p.state,
        p.riskLevel,
        new Date(p.registeredAt),
        HUB.subject,
        HUB.name,
        HUB.organization,
        new Date(stateSince),
        dueDays === null ? null : new Date(stateSince + dueDays * DAY),
        routed || p.docking ? 'MEDIATION_ORGANIZATION' : null,
        routed || p.docking ? unit.name : null,
        routed || p.docking ? unit.code : null,
        routed ? `${p.category}纠纷,事实较清楚,适宜人民调解` : null,
        routed ? new Date(routed) : null,
        routed || p.docking ? 'PEOPLES_MEDIATION' : null,
        consent ? (at('REFUSE') ? 'REFUSED' : 'CONSENTED') : null,
        consent ? new Date(consent) : null,
        p.steps.filter((s) => s.type === 'RECORD_ATTEMPT').length,
        p.steps.length,
        resolved ? 'RESOLVED' : failed ? 'UNRESOLVED' : null,
        resolved ? '双方达成调解协议' : failed ? '双方分歧较大,调解未成' : null,
        resolved ? new Date(resolved) : null,
        reviewed ? '化解过程完整,同意终结' : null,
        reviewed ? HUB.name : null,
        reviewed ? new Date(reviewed) : null,
        closed ? (resolved ? '纠纷已化解,结案归档' : '已告知诉讼途径') : null,
        closed ? new Date(closed) : null,
      ]);
    p.parties.forEach((person, i) =>
      this.set
        .get('dispute_party')
        .row([
          scaleUuid(this.seed, KIND.party, p.n, i),
          p.id,
          i === 0 ? 'APPLICANT' : 'RESPONDENT',
          person.name,
          person.idNumber,
          person.phone,
          `江苏省${p.county.name}${p.town.name}${p.regionName}${(p.n % 9) + 1}组${10 + ((p.n * 7 + i) % 40)}号`,
          person.birthDate,
          personKey(this.personKeySecret, person.idNumber),
          i,
        ]),
    );
    p.steps.forEach((s, i) =>
      this.set
        .get('dispute_activity')
        .row([
          scaleUuid(this.seed, KIND.activity, p.n, i),
          p.id,
          i + 1,
          s.type,
          s.from,
          s.to,
          new Date(s.at),
          s.actor === 'DOCKING' ? `docking:${p.docking?.id ?? ''}` : HUB.subject,
          s.actor === 'DOCKING' ? unit.name : HUB.name,
          s.type === 'REGISTER' ? `统一受理登记(${p.channel}),编号 ${number}` : (STEP_NAMES[s.type] ?? s.type),
        ]),
    );
    if (p.riskLevel !== 'LOW') {
      const handled = p.state === 'CLOSED' || p.state === 'GUIDED_TO_LITIGATION';
      this.set
        .get('risk_alert')
        .row([
          scaleUuid(this.seed, KIND.alert, p.n),
          p.id,
          p.regionCode,
          p.riskLevel,
          p.peopleInvolved >= 5 ? 'PEOPLE_INVOLVED' : 'MANUAL',
          p.peopleInvolved >= 5 ? `涉及 ${p.peopleInvolved} 人,可能引发群体性事件` : '当事人情绪激烈,有激化风险',
          handled ? 'HANDLED' : 'OPEN',
          new Date(p.registeredAt),
          p.peopleInvolved >= 5 ? null : HUB.name,
          handled ? new Date(p.registeredAt + 2 * DAY) : null,
          handled ? '已约谈当事人并纳入重点稳控' : null,
        ]);
    }
    for (let r = 0; r < p.reads; r += 1) {
      this.set
        .get('personal_data_access')
        .row([
          new Date(p.registeredAt + (r + 1) * HOUR),
          HUB.subject,
          HUB.name,
          'GOVERNANCE',
          HUB.organization,
          'DisputeParty',
          scaleUuid(this.seed, KIND.party, p.n, r % 2),
          ['idNumber', 'phone'],
          `scale-${p.n}-${r}`,
        ]);
    }
    const d = p.docking;
    if (!d) return;
    const m = p.mediation!;
    const accepted = d.events.some((e) => e.type === 'DockingAccepted');
    const rejected = d.events.some((e) => e.type === 'DockingRejected');
    const concluded = m.concludedAt !== null && m.state === 'CONCLUDED';
    const status = concluded ? 'CONCLUDED' : rejected ? 'REJECTED' : accepted ? 'ACCEPTED' : 'SENT';
    const acceptBy = d.sentAt + 3 * DAY;
    const concludeBy = d.sentAt + (d.source === 'PETITION' ? 60 : 30) * DAY;
    const confirmBy = concluded && m.outcome === 'AGREEMENT' ? m.concludedAt! + 30 * DAY : null;
    const due = status === 'SENT' ? acceptBy : status === 'ACCEPTED' ? concludeBy : status === 'CONCLUDED' ? confirmBy : null;
    this.set
      .get('docking')
      .row([
        d.id,
        d.source,
        d.mode,
        status,
        d.source,
        'JUSTICE',
        d.sender.code,
        d.sender.name,
        d.receiver.code,
        d.receiver.name,
        p.id,
        p.regionCode,
        new Date(d.sentAt),
        new Date(acceptBy),
        new Date(concludeBy),
        confirmBy === null ? null : new Date(confirmBy),
        concluded ? new Date(m.concludedAt!) : null,
        concluded ? CONCLUDED[m.outcome!] : null,
        concluded
          ? m.outcome === 'AGREEMENT'
            ? '达成调解协议'
            : m.outcome === 'NO_AGREEMENT'
              ? '调解不成'
              : '终止调解'
          : rejected
            ? '不属于人民调解受理范围'
            : null,
        due === null ? null : new Date(due),
        d.events.length,
      ]);
    for (const e of d.events) {
      const summary =
        e.type === 'DockingRequested'
          ? `${d.sender.name}${d.mode === 'ENTRUST' ? '委派' : d.mode === 'COMMISSION' ? '委托' : '移交'}调解`
          : e.type === 'DockingAccepted'
            ? `${d.receiver.name}已接收`
            : e.type === 'DockingRejected'
              ? '不属于人民调解受理范围,退回'
              : m.outcome === 'AGREEMENT'
                ? '达成调解协议'
                : '调解不成';
      this.set.get('docking_event').row([e.id, d.id, e.from, e.sequence, e.type, new Date(e.at), summary]);
    }
    writeInbox(this.set, d, 'GOVERNANCE');
  }

  /** New registrations continue each town's sequence. */
  finish(): void {
    for (const [key, last] of this.numbers) {
      const [scope, year] = key.split('|');
      this.set.get('dispute_number_counter').row([scope, Number(year), last]);
    }
  }
}

/** ISO week key (`2026-W48`) of the week starting on Monday `monday` (a UTC midnight standing for the China date). */
function isoWeekKey(monday: number): string {
  const thursday = new Date(monday + 3 * DAY);
  const year = thursday.getUTCFullYear();
  const week = Math.floor((thursday.getTime() - Date.UTC(year, 0, 1)) / (7 * DAY)) + 1;
  return `${year}-W${String(week).padStart(2, '0')}`;
}

/** Weekly screening reports of every village for the last `weeks` weeks; one in eight missed (overdue). Zero reports: the findings are the GRID_SCREENING disputes. */
export function writeScreening(set: CopySet, world: World, seed: number, weeks: number, now: number): number {
  const today = Math.floor((now + 8 * HOUR) / DAY) * DAY;
  const thisMonday = today - ((new Date(today).getUTCDay() + 6) % 7) * DAY;
  const villages = world.places;
  let n = 0;
  for (let w = 1; w <= weeks; w += 1) {
    const monday = thisMonday - w * 7 * DAY;
    const key = isoWeekKey(monday);
    villages.forEach((v, i) => {
      if ((i * 7 + w) % 8 === 0) return;
      n += 1;
      set
        .get('screening_report')
        .row([scaleUuid(seed, KIND.report, n), v.regionCode, key, 'WEEKLY', true, 0, new Date(monday + 6 * DAY + 2 * HOUR), HUB.subject, '网格员']);
    });
  }
  return n;
}
