import { chinaDate, chinaYear, startOfChinaDay } from '@jiefen/calendar';
import { demoId } from './ids.js';
import { organizationKeyOf } from './roster.js';
import type {
  DemoDispute,
  DemoDockingKind,
  DemoDockingMode,
  DemoHandOver,
  DemoMediation,
  DemoOrganization,
  HubTarget,
  MediationOutcome,
  MediationSource,
  MediationStatus,
} from './model.js';

// The one story of each demo dispute that every agency's seed reads its part from, so the six
// databases agree: the door it came in by hands it over (one docking, `handOver`) to a committee on
// the roster, whose case (`mediation`) is pending, rejected, accepted, in session or concluded with an
// outcome; the sender's record, its docking_outgoing row, the hub's ledger and the hub's dispute all
// say the same. Every date is derived from the seeding moment and never lies after it.

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/** The seeding moment the story is told from: `now` to the whole hour, so seeds a second apart agree. */
export function storyAnchor(now: Date): Date {
  return new Date(Math.floor(now.getTime() / HOUR) * HOUR);
}

/** Midnight in Beijing of the day `at` falls on (packages/calendar). */
export function chinaDayStart(at: Date): Date {
  return startOfChinaDay(chinaDate(at));
}

const SENDERS: Record<DemoDockingKind, { agency: DemoHandOver['fromAgency']; code: string; name: (d: DemoDispute) => string }> = {
  COURT: { agency: 'COURT', code: '113212810140900121', name: () => '兴化市人民法院立案庭(诉讼服务中心)' },
  POLICE: { agency: 'POLICE', code: '11321281014090020U', name: () => '兴化市公安局戴南派出所' },
  PROCURATORATE: { agency: 'PROCURATORATE', code: '11321281014090047K', name: () => '兴化市人民检察院' },
  PETITION: { agency: 'PETITION', code: '11321281014090039Q', name: () => '兴化市信访局' },
  LEGAL_AID: { agency: 'JUSTICE', code: '123212814660123450', name: () => '兴化市法律援助中心' },
  HUB: { agency: 'GOVERNANCE', code: '11321281014090055E', name: () => '兴化市综治中心' },
};

const KIND_OF: Partial<Record<MediationSource, DemoDockingKind>> = {
  COURT: 'COURT',
  POLICE: 'POLICE',
  PROCURATORATE: 'PROCURATORATE',
  PETITION: 'PETITION',
  LEGAL_AID: 'LEGAL_AID',
  HUB_REFERRAL: 'HUB',
};

/** Every status appears, 戴南镇 included (its cases are the even n not divisible by 4). */
function resultOf(n: number): { status: MediationStatus; outcome: MediationOutcome | null } {
  if (n % 11 === 0) return { status: 'CONCLUDED', outcome: 'TERMINATED' };
  if (n % 13 === 0) return { status: 'PENDING', outcome: null };
  if (n % 17 === 0) return { status: 'REJECTED', outcome: null };
  if (n % 5 === 0) return { status: 'IN_SESSION', outcome: null };
  if (n % 9 === 0) return { status: 'ACCEPTED', outcome: null };
  if (n % 7 === 0) return { status: 'CONCLUDED', outcome: 'NO_AGREEMENT' };
  return { status: 'CONCLUDED', outcome: 'AGREEMENT' };
}

function modeOf(d: DemoDispute, kind: DemoDockingKind): { mode: DemoDockingMode; procedure: 'ORDINARY' | 'SUMMARY' | null } {
  // 诉调: 委派 (ENTRUST) before filing for odd n, 委托 (COMMISSION) of a filed case for even n.
  if (kind === 'COURT') return d.n % 2 ? { mode: 'ENTRUST', procedure: null } : { mode: 'COMMISSION', procedure: d.n % 4 === 2 ? 'SUMMARY' : 'ORDINARY' };
  if (kind === 'PROCURATORATE') return { mode: 'COMMISSION', procedure: null };
  if (kind === 'LEGAL_AID') return { mode: 'REFERRAL', procedure: null };
  return { mode: 'TRANSFER', procedure: null };
}

const at = (from: Date, ms: number) => new Date(from.getTime() + Math.max(0, Math.floor(ms)));

/** The mediation, hand-over and hub state of one dispute, all before `anchor`. */
export function storyOf(
  d: DemoDispute,
  source: MediationSource,
  roster: ReadonlyMap<string, DemoOrganization>,
  anchor: Date,
  numbers: Map<number, number>,
): Pick<DemoDispute, 'mediation' | 'handOver' | 'hub'> {
  if (!d.agencies.justice) {
    // The hub's own: today's and yesterday's wait to be routed, the others somewhere along the workflow.
    const TARGETS: HubTarget['target'][] = [
      'REGISTERED',
      'ROUTED',
      'IN_MEDIATION',
      'RESOLVED',
      'UNRESOLVED',
      'UNDER_REVIEW',
      'REVIEWED',
      'CLOSED',
      'GUIDED_TO_LITIGATION',
    ];
    return { mediation: null, handOver: null, hub: { target: d.daysAgo <= 1 ? 'REGISTERED' : TARGETS[d.n % TARGETS.length]! } };
  }
  const kind = KIND_OF[source] ?? null;
  let { status, outcome } = resultOf(d.n);
  // What came in today or yesterday waits in the committee's inbox; a routing or referral is not refused.
  if (d.daysAgo <= 1 || (status === 'REJECTED' && (kind === 'HUB' || kind === 'LEGAL_AID'))) ({ status, outcome } = { status: 'PENDING', outcome: null });
  const span = anchor.getTime() - d.registeredAt.getTime();
  const receivedAt = at(d.registeredAt, Math.min(HOUR, span * 0.05));
  const decidedAt = at(receivedAt, Math.min(DAY, span * 0.1));
  const acceptedAt = status === 'PENDING' || status === 'REJECTED' ? null : decidedAt;
  const concludedAt = status === 'CONCLUDED' ? at(decidedAt, Math.min((5 + (d.n % 20)) * DAY, (anchor.getTime() - decidedAt.getTime()) * 0.8)) : null;
  const sessions = status === 'IN_SESSION' ? 1 + (d.n % 2) : status === 'CONCLUDED' ? 1 + (d.n % 3) : 0;
  const sessionsEnd = concludedAt ?? at(decidedAt, (anchor.getTime() - decidedAt.getTime()) * 0.9);
  const sessionsAt = Array.from({ length: sessions }, (_, i) =>
    at(
      decidedAt,
      ((sessionsEnd.getTime() - decidedAt.getTime()) * (i + 1)) / (sessions + (status === 'CONCLUDED' ? 0 : 0.5)) -
        (status === 'CONCLUDED' && i === sessions - 1 ? 0 : HOUR),
    ),
  );
  const year = chinaYear(receivedAt);
  const number = (numbers.get(year) ?? 0) + 1;
  numbers.set(year, number);
  const organization = roster.get(organizationKeyOf(d, source))!;
  const { mode, procedure } = kind ? modeOf(d, kind) : { mode: null, procedure: null };
  const mediation: DemoMediation = {
    source,
    mode,
    procedure,
    organization,
    caseNumber: `兴司调〔${year}〕${String(number).padStart(4, '0')}号`,
    status,
    outcome,
    receivedAt,
    acceptedAt,
    rejectedAt: status === 'REJECTED' ? decidedAt : null,
    sessionsAt,
    concludedAt,
  };
  const handOver: DemoHandOver | null = kind
    ? {
        dockingId: demoDockingId(kind, d.n),
        kind,
        mode: mode!,
        fromAgency: SENDERS[kind].agency,
        from: { code: SENDERS[kind].code, name: SENDERS[kind].name(d) },
        to: organization,
        sentAt: receivedAt,
        status: status === 'PENDING' ? 'SENT' : status === 'REJECTED' ? 'REJECTED' : status === 'CONCLUDED' ? 'CONCLUDED' : 'ACCEPTED',
      }
    : null;
  return { mediation, handOver, hub: { target: hubTargetOf(d.n, kind, status, outcome) } };
}

/** The hub follows the mediation: in mediation once accepted, resolved (then reviewed and closed) or unresolved once concluded. */
function hubTargetOf(n: number, kind: DemoDockingKind | null, status: MediationStatus, outcome: MediationOutcome | null): HubTarget['target'] {
  if (status === 'PENDING' || status === 'REJECTED') return kind && kind !== 'HUB' ? 'REGISTERED' : 'ROUTED';
  if (status === 'ACCEPTED' || status === 'IN_SESSION') return 'IN_MEDIATION';
  if (outcome !== 'AGREEMENT') return 'UNRESOLVED';
  return (['RESOLVED', 'UNDER_REVIEW', 'REVIEWED', 'CLOSED'] as const)[n % 4]!;
}

/** The docking id of a demo hand-over, the same in the sender's, the receiver's and the hub's database. */
export function demoDockingId(kind: DemoDockingKind, n: number): string {
  return demoId(`docking-${kind}`, n);
}

export const DEMO_REJECTION_REASON = '纠纷已进入诉讼程序,依法不予受理(人民调解法第十八条)';
export const DEMO_OUTCOME_SUMMARIES: Record<MediationOutcome, string> = { AGREEMENT: '达成调解协议', NO_AGREEMENT: '调解不成', TERMINATED: '终止调解' };

/**
 * The sender's side of the dispute's hand-over (its docking_outgoing row, without the sender's own
 * record) as the receiver's answers left it: the same status, case number, dates and outcome as the
 * case at justice and the hub's ledger.
 */
export function demoOutgoing(d: DemoDispute) {
  const h = d.handOver!;
  const m = d.mediation!;
  return {
    dockingId: h.dockingId,
    fromAgency: h.fromAgency,
    toAgency: 'JUSTICE' as const,
    kind: h.kind,
    mode: h.mode,
    regionCode: d.regionCode,
    organizationCode: h.to.code,
    organizationName: h.to.name,
    sentAt: h.sentAt,
    status: h.status,
    acceptedAt: m.acceptedAt,
    caseNumber: m.acceptedAt ? m.caseNumber : null,
    rejectedAt: m.rejectedAt,
    rejectionReason: m.rejectedAt ? DEMO_REJECTION_REASON : null,
    concludedAt: m.concludedAt,
    outcome: m.outcome,
    outcomeSummary: m.outcome ? DEMO_OUTCOME_SUMMARIES[m.outcome] : null,
  };
}
