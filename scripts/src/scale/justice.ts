// The justice bureau: the roster (every town's committee and every county's stationed rooms), and
// one mediation case per dispute it mediates, with parties, sessions and agreements (~95 % of the
// concluded cases), plus the inbox of the hand-overs it received.
import { json, type CopySet } from './copy.js';
import { scaleUuid } from './ids.js';
import { caseNumberOf, openDockingTables, writeInbox, writeOutboxSequence } from './ledger.js';
import { DAY, HOUR, KIND, senderRecord, type DisputePlan } from './plan.js';
import { summaryOf } from './governance.js';
import type { Organization, World } from './world.js';

const MEDIATOR_NAMES = ['顾国平', '周桂芳', '王建华', '陈秀兰', '朱德胜', '徐志刚', '沈玉梅', '陆永平', '钱红霞'];
const PERSONA = { committee: '54321281MJ12345677', name: '顾秀英', subject: 'mediator-042' };
const TRAININGS = [{ date: '2025-04-18', title: '人民调解员岗前培训', hours: 24, organizer: '江苏省司法厅' }];

export async function openJustice(set: CopySet): Promise<void> {
  await set.open('mediation_organization', [
    'id',
    'code',
    'name',
    'type',
    'region_code',
    'sector',
    'stationed_at',
    'stationed_agency',
    'address',
    'phone',
    'established_on',
  ]);
  await set.open('mediator', [
    'id',
    'organization_id',
    'name',
    'sex',
    'committee_role',
    'employment',
    'invited_by_court',
    'lawyer',
    'specialties',
    'trainings',
    'term_start',
    'term_end',
    'region_code',
    'phone',
    'id_number',
    'account_subject',
  ]);
  await set.open('mediation_case', [
    'id',
    'dispute_id',
    'case_number',
    'organization_id',
    'organization_code',
    'organization_name',
    'mediator_id',
    'mediator_name',
    'source',
    'mode',
    'category',
    'summary',
    'status',
    'outcome',
    'rejection_reason',
    'conclusion_note',
    'parties_informed_of_litigation',
    'region_code',
    'received_at',
    'accepted_at',
    'due_at',
    'concluded_at',
    'docking_id',
    'docking_from',
    'source_number',
    'source_unit_name',
  ]);
  await set.open('mediation_party', ['id', 'case_id', 'position', 'role', 'name', 'sex', 'id_number', 'phone', 'address', 'birth_date']);
  await set.open('mediation_session', [
    'id',
    'case_id',
    'sequence',
    'held_at',
    'place',
    'participants',
    'focus',
    'opinions',
    'progress',
    'recorded_by',
    'recorded_at',
  ]);
  await set.open('mediation_agreement', [
    'id',
    'case_id',
    'number',
    'form',
    'facts',
    'matters_in_dispute',
    'responsibilities',
    'terms',
    'performance_method',
    'performance_deadline',
    'amount',
    'signatures',
    'mediator_signed_at',
    'sealed_at',
    'effective_date',
    'confirmation_deadline',
    'performance_status',
    'region_code',
    'recorded_at',
    'recorded_by',
  ]);
  await openDockingTables(set, false);
}

const chinaDate = (at: number) => new Date(at + 8 * HOUR).toISOString().slice(0, 10);

export class JusticeWriter {
  private readonly organizations = new Map<string, { id: string; chair: { id: string; name: string }; persona?: { id: string; name: string } }>();
  constructor(
    private readonly set: CopySet,
    private readonly seed: number,
    world: World,
  ) {
    world.roster.forEach((org, i) => this.writeOrganization(org, i + 1, world));
  }

  private writeOrganization(org: Organization, index: number, world: World): void {
    const id = scaleUuid(this.seed, KIND.organization, index);
    const room = org.name.includes('工作室') || org.name.includes('信访');
    const stationed = org.name.includes('法院') ? 'COURT' : org.name.includes('信访') ? 'PETITION' : org.name.includes('检调') ? 'PROCURATORATE' : null;
    const county = world.counties.find((c) => org.regionCode.startsWith(c.code));
    this.set
      .get('mediation_organization')
      .row([
        id,
        org.code,
        org.name,
        stationed && room ? 'STATIONED_ROOM' : 'TOWN_STREET_COMMITTEE',
        org.regionCode,
        null,
        stationed === 'COURT'
          ? county?.court.name
          : stationed === 'PETITION'
            ? county?.petition.name
            : stationed === 'PROCURATORATE'
              ? county?.procuratorate.name
              : null,
        stationed,
        `江苏省${county?.name ?? ''}${org.name.replace(/人民调解.*$/, '')}`,
        `0${510 + (index % 90)}-8${String(3_100_000 + index * 17).slice(-6)}`,
        `20${String(10 + (index % 12)).padStart(2, '0')}-0${1 + (index % 9)}-15`,
      ]);
    const members: { id: string; name: string }[] = [];
    for (let i = 0; i < 3; i += 1) {
      const persona = org.code === PERSONA.committee && i === 1;
      const member = {
        id: scaleUuid(this.seed, KIND.mediator, index, i),
        name: persona ? PERSONA.name : MEDIATOR_NAMES[(index * 3 + i) % MEDIATOR_NAMES.length]!,
      };
      members.push(member);
      const termStart = `2024-0${1 + ((index + i) % 6)}-01`;
      this.set
        .get('mediator')
        .row([
          member.id,
          id,
          member.name,
          i === 1 ? 'FEMALE' : 'MALE',
          stationed ? null : i === 0 ? 'CHAIR' : i === 1 ? 'VICE_CHAIR' : 'MEMBER',
          i === 0 || stationed ? 'FULL_TIME' : 'PART_TIME',
          stationed === 'COURT',
          false,
          ['邻里', '婚姻家庭'].slice(0, 1 + (i % 2)),
          json(TRAININGS),
          termStart,
          `${Number(termStart.slice(0, 4)) + 5}${termStart.slice(4)}`,
          org.regionCode,
          `139${String(10_000_000 + index * 3 + i).slice(-8)}`,
          null,
          persona ? PERSONA.subject : null,
        ]);
    }
    this.organizations.set(org.code, { id, chair: members[0]!, persona: org.code === PERSONA.committee ? members[1] : undefined });
  }

  write(p: DisputePlan): void {
    const m = p.mediation;
    if (!m) return;
    const org = this.organizations.get(m.organization.code)!;
    const mediator = org.persona ?? org.chair;
    const accepted = m.acceptedAt !== null;
    const d = p.docking;
    const record = d ? senderRecord(p, d.source, this.seed) : null;
    const source = d ? d.source : p.channel === 'GRID_SCREENING' ? 'ACTIVE_SCREENING' : 'DIRECT_APPLICATION';
    const summary = summaryOf(p);
    this.set
      .get('mediation_case')
      .row([
        m.id,
        p.id,
        caseNumberOf(p),
        org.id,
        m.organization.code,
        m.organization.name,
        accepted ? mediator.id : null,
        accepted ? mediator.name : null,
        source,
        d?.mode ?? null,
        p.category,
        summary,
        m.state,
        m.outcome,
        m.state === 'REJECTED' ? '不属于人民调解受理范围' : null,
        m.outcome === 'NO_AGREEMENT' ? '双方分歧较大,未能达成协议' : m.outcome === 'TERMINATED' ? '申请人撤回调解申请' : null,
        m.outcome && m.outcome !== 'AGREEMENT' ? true : null,
        p.regionCode,
        new Date(m.receivedAt),
        accepted ? new Date(m.acceptedAt!) : null,
        accepted && !m.concludedAt ? new Date(m.acceptedAt! + 30 * DAY) : null,
        m.concludedAt === null ? null : new Date(m.concludedAt),
        d?.id ?? null,
        d?.source ?? null,
        record?.number ?? null,
        d?.sender.name ?? null,
      ]);
    const partyIds = p.parties.map((_, i) => scaleUuid(this.seed, KIND.mediationParty, p.n, i));
    p.parties.forEach((person, i) =>
      this.set
        .get('mediation_party')
        .row([
          partyIds[i],
          m.id,
          i,
          i === 0 ? 'APPLICANT' : 'RESPONDENT',
          person.name,
          person.sex,
          person.idNumber,
          person.phone,
          `江苏省${p.county.name}${p.town.name}${p.regionName}`,
          person.birthDate,
        ]),
    );
    m.sessions.forEach((at, s) =>
      this.set
        .get('mediation_session')
        .row([
          scaleUuid(this.seed, KIND.session, p.n, s),
          m.id,
          s + 1,
          new Date(at),
          `${m.organization.name}调解室`,
          [p.parties[0].name, p.parties[1].name, mediator.name],
          `${summary}:责任划分及赔偿数额`,
          `申请人${p.parties[0].name}要求对方承担主要责任;被申请人${p.parties[1].name}认为双方均有过错。`,
          s < m.sessions.length - 1 ? '双方同意择日再行调解' : null,
          mediator.name,
          new Date(at + HOUR),
        ]),
    );
    if (m.outcome === 'AGREEMENT') {
      const concluded = m.concludedAt!;
      const effective = chinaDate(concluded);
      const amount = 1000 + ((p.n * 337) % 20_000);
      const oral = p.n % 20 === 1;
      this.set
        .get('mediation_agreement')
        .row([
          scaleUuid(this.seed, KIND.agreement, p.n),
          m.id,
          `苏司调协〔${effective.slice(0, 4)}〕${p.county.code}-${String(p.n).padStart(7, '0')}号`,
          oral ? 'ORAL' : 'WRITTEN',
          `${summary}。经调查,双方对基本事实无异议。`,
          '赔偿(补偿)数额及给付方式',
          '被申请人承担主要责任,申请人承担次要责任',
          [`被申请人${p.parties[1].name}一次性给付申请人${p.parties[0].name}人民币${amount}元`, '双方就本纠纷再无其他争议'],
          '现金或银行转账支付',
          chinaDate(concluded + 30 * DAY),
          amount.toFixed(2),
          json(oral ? [] : partyIds.map((partyId) => ({ partyId, method: 'SIGNATURE', signedAt: new Date(concluded).toISOString() }))),
          oral ? null : new Date(concluded),
          oral ? null : new Date(concluded),
          effective,
          chinaDate(concluded + 30 * DAY),
          concluded < Date.now() - 60 * DAY ? 'PERFORMED' : 'PENDING',
          p.regionCode,
          new Date(concluded),
          mediator.name,
        ]);
    }
    if (d) {
      writeInbox(this.set, d, 'JUSTICE');
      writeOutboxSequence(this.set, d, 'JUSTICE');
    }
  }
}
