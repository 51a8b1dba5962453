// The shared generator: what happened to dispute n, decided once from (seed, n) so that every
// agency's writer derives its rows from the same story — the hub's dispute and ledger, justice's case,
// the sender's record and hand-over all agree on ids, dates, states and outcomes.
import { idNumberCheckChar, DISPUTE_CATEGORIES, type DisputeCategory } from '@jiefen/codes';
import { hashString, rngFor, scaleUuid, weighted } from './ids.js';
import type { County, Organization, Town, World } from './world.js';

export const HOUR = 3_600_000;
export const DAY = 24 * HOUR;
const YEARS = 3;

export type Source = 'COURT' | 'POLICE' | 'PETITION' | 'PROCURATORATE';
export type MediationState = 'PENDING' | 'ACCEPTED' | 'REJECTED' | 'IN_SESSION' | 'CONCLUDED';
export type Outcome = 'AGREEMENT' | 'NO_AGREEMENT' | 'TERMINATED';
export type DisputeState =
  'REGISTERED' | 'ROUTED' | 'IN_MEDIATION' | 'RESOLVED' | 'UNRESOLVED' | 'UNDER_REVIEW' | 'REVIEWED' | 'CLOSED' | 'GUIDED_TO_LITIGATION';

export interface Person {
  name: string;
  idNumber: string;
  phone: string;
  sex: 'MALE' | 'FEMALE';
  birthDate: string;
}

/** One step of the dispute's timeline at the hub (dispute_activity). */
export interface Step {
  type: string;
  from: DisputeState | null;
  to: DisputeState;
  at: number;
  actor: 'HUB' | 'DOCKING';
}

/** The justice bureau's mediation case. */
export interface MediationPlan {
  id: string;
  organization: Organization;
  state: MediationState;
  outcome: Outcome | null;
  receivedAt: number;
  acceptedAt: number | null;
  sessions: number[];
  concludedAt: number | null;
}

/** The hand-over of the sender's record to people's mediation, and its ledger. */
export interface DockingPlan {
  id: string;
  source: Source;
  mode: 'ENTRUST' | 'TRANSFER' | 'COMMISSION';
  sender: Organization;
  receiver: Organization;
  sentAt: number;
  /** The events in the order they happened: the sender's request, then the receiver's answers. */
  events: { id: string; type: 'DockingRequested' | 'DockingAccepted' | 'DockingRejected' | 'MediationConcluded'; from: string; sequence: number; at: number }[];
}

export interface DisputePlan {
  n: number;
  id: string;
  category: DisputeCategory;
  channel: string;
  regionCode: string;
  regionName: string;
  town: Town;
  county: County;
  registeredAt: number;
  peopleInvolved: number;
  parties: [Person, Person];
  state: DisputeState;
  steps: Step[];
  riskLevel: 'LOW' | 'MEDIUM' | 'HIGH' | 'CRITICAL';
  mediation: MediationPlan | null;
  docking: DockingPlan | null;
  /** Records an agency holds without handing them to mediation (police settle, court files, petitions answered). */
  ownRecords: { police: boolean; court: boolean; petition: boolean };
  /** The number of unmasked reads of the dispute's parties logged (access log). */
  reads: number;
}

const K = (kind: string) => hashString(kind);
export const KIND = {
  dispute: K('dispute'),
  party: K('dispute-party'),
  activity: K('dispute-activity'),
  alert: K('risk-alert'),
  docking: K('docking'),
  event: K('docking-event'),
  outgoing: K('docking-outgoing'),
  mediation: K('mediation-case'),
  mediationParty: K('mediation-party'),
  session: K('mediation-session'),
  agreement: K('mediation-agreement'),
  organization: K('mediation-organization'),
  mediator: K('mediator'),
  courtCase: K('court-case'),
  incident: K('police-incident'),
  petition: K('petition-item'),
  procuratorate: K('procuratorate-case'),
  report: K('screening-report'),
};

const SURNAMES = '王李张刘陈杨黄赵吴周徐孙朱高顾丁蒋沈陆钱马胡郭何林罗梁宋郑谢韩唐冯于董萧程曹袁邓许傅'.split('');
const GIVEN_MALE = ['建国', '志强', '海军', '永平', '卫东', '国华', '春生', '德明', '晓峰', '立新', '金宝', '长林', '俊杰', '浩然', '子豪', '明辉'];
const GIVEN_FEMALE = ['秀英', '桂兰', '玉梅', '丽华', '美玲', '红霞', '晓燕', '春梅', '雪琴', '素珍', '婷婷', '静', '欣怡', '雨涵', '佳琪', '梦瑶'];
const PHONES = ['138', '139', '152', '158', '187', '136', '151', '189', '177', '181'];
const CHANNELS: [string, number][] = [
  ['WINDOW', 40],
  ['ONLINE', 20],
  ['HOTLINE_12348', 15],
  ['GRID_SCREENING', 20],
  ['AGENCY_TRANSFER', 5],
];
/** Categories in proportion to 江苏's people's mediation statistics (neighbours and families first). */
const CATEGORY_WEIGHTS: Partial<Record<DisputeCategory, number>> = {
  邻里: 22,
  婚姻家庭: 18,
  损害赔偿: 8,
  合同: 8,
  房屋宅基地: 7,
  道路交通事故: 7,
  劳动争议: 6,
  物业: 5,
};
const CATEGORIES: [DisputeCategory, number][] = DISPUTE_CATEGORIES.map((c) => [c, CATEGORY_WEIGHTS[c] ?? 2]);

function person(random: () => number, county: string, now: number): Person {
  const sex = random() < 0.5 ? 'MALE' : 'FEMALE';
  const nowYear = new Date(now).getUTCFullYear();
  const year = random() < 0.04 ? nowYear - 10 - Math.floor(random() * 7) : nowYear - 20 - Math.floor(random() * 60);
  const month = 1 + Math.floor(random() * 12);
  const day = 1 + Math.floor(random() * 28);
  const mm = String(month).padStart(2, '0');
  const dd = String(day).padStart(2, '0');
  const sequence = Math.floor(random() * 500) * 2 + (sex === 'MALE' ? 1 : 0);
  const first17 = `${county}${year}${mm}${dd}${String(sequence).padStart(3, '0')}`;
  const given = sex === 'MALE' ? GIVEN_MALE : GIVEN_FEMALE;
  return {
    name: SURNAMES[Math.floor(random() * SURNAMES.length)]! + given[Math.floor(random() * given.length)]!,
    idNumber: first17 + idNumberCheckChar(first17),
    phone: PHONES[Math.floor(random() * PHONES.length)]! + String(Math.floor(random() * 1e8)).padStart(8, '0'),
    sex,
    birthDate: `${year}-${mm}-${dd}`,
  };
}

/** What happened to dispute `n` of `world` under `seed`, up to `now`. */
export function planDispute(world: World, seed: number, n: number, now: number): DisputePlan {
  const random = rngFor(seed, n);
  const place = world.places[Math.floor(random() * world.places.length)]!;
  const county = place.town.county;
  // More disputes recently (registrations grow year on year); office hours, China time.
  const ageDays = Math.floor(YEARS * 365 * (1 - Math.sqrt(random())));
  const day = Math.floor(now / DAY) - ageDays;
  const registeredAt = Math.min(day * DAY + (Math.floor(random() * 9) + 0.5) * HOUR + Math.floor(random() * 3600) * 1000, now - HOUR);
  const age = (now - registeredAt) / DAY;
  const category = weighted(random, CATEGORIES);
  const channel = weighted(random, CHANNELS);
  const peopleInvolved = random() < 0.05 ? 5 + Math.floor(random() * 45) : 2 + Math.floor(random() * 3);
  const parties: [Person, Person] = [person(random, county.code, now), person(random, county.code, now)];
  const clamp = (t: number) => Math.min(t, now - 60_000);

  // Where it is: new, routed, in mediation or concluded, by age.
  const stage =
    age < 2
      ? weighted(random, [
          ['new', 60],
          ['routed', 40],
        ] as const)
      : age < 7
        ? weighted(random, [
            ['routed', 30],
            ['mediating', 70],
          ] as const)
        : age < 45
          ? weighted(random, [
              ['mediating', 50],
              ['concluded', 50],
            ] as const)
          : weighted(random, [
              ['mediating', 2],
              ['concluded', 98],
            ] as const);
  const handling = weighted(random, [
    ['justice', 85],
    ['hub', 11],
    ['refused', 4],
  ] as const);
  const source: Source | null =
    handling === 'justice'
      ? weighted<Source | null>(random, [
          ['COURT', 10],
          ['POLICE', 15],
          ['PETITION', 5],
          ['PROCURATORATE', 1.5],
          [null, 68.5],
        ])
      : null;
  const outcome: Outcome = weighted(random, [
    ['AGREEMENT', 95],
    ['NO_AGREEMENT', 3],
    ['TERMINATED', 2],
  ] as const);
  const rejected = source !== null && stage !== 'new' && random() < 0.01;

  const steps: Step[] = [{ type: 'REGISTER', from: null, to: 'REGISTERED', at: registeredAt, actor: 'HUB' }];
  let state: DisputeState = 'REGISTERED';
  let t = registeredAt;
  const step = (type: string, to: DisputeState, dt: number, actor: Step['actor'] = 'HUB') => {
    t = clamp(t + dt);
    steps.push({ type, from: state, to, at: t, actor });
    state = to;
  };
  const gap = (minH: number, maxH: number) => (minH + random() * (maxH - minH)) * HOUR;
  const span = Math.max(age * DAY - HOUR, HOUR);
  const room = (share: number) => Math.max(HOUR, span * share);

  let mediation: MediationPlan | null = null;
  let docking: DockingPlan | null = null;
  const organization =
    source === 'COURT'
      ? county.courtRoom
      : source === 'PETITION'
        ? county.petitionRoom
        : source === 'PROCURATORATE'
          ? county.procuratorateRoom
          : place.town.committee;

  if (source && (stage === 'new' || stage === 'routed' || rejected)) {
    mediation = {
      id: scaleUuid(seed, KIND.mediation, n),
      organization,
      state: rejected ? 'REJECTED' : 'PENDING',
      outcome: null,
      receivedAt: registeredAt,
      acceptedAt: null,
      sessions: [],
      concludedAt: null,
    };
    if (rejected) {
      // The organization declined the hand-over: the hub routes the dispute again.
      mediation.concludedAt = null;
      step('ROUTE', 'ROUTED', Math.min(gap(4, 48), room(0.5)));
      step('NOTIFY', 'ROUTED', Math.min(gap(1, 4), room(0.1)));
    }
  } else if (stage === 'routed' || (stage !== 'new' && handling === 'refused')) {
    step('ROUTE', 'ROUTED', Math.min(gap(1, 24), room(0.4)));
    step('NOTIFY', 'ROUTED', Math.min(gap(0.5, 4), room(0.1)));
    if (handling === 'refused' && stage !== 'routed') step('REFUSE', 'GUIDED_TO_LITIGATION', Math.min(gap(2, 48), room(0.2)));
  } else if (stage === 'mediating' || stage === 'concluded') {
    const docked = source !== null;
    if (!docked) {
      step('ROUTE', 'ROUTED', Math.min(gap(1, 24), room(0.1)));
      step('NOTIFY', 'ROUTED', Math.min(gap(0.5, 4), room(0.02)));
      step('CONSENT', 'IN_MEDIATION', Math.min(gap(1, 24), room(0.05)));
    }
    const receivedAt = docked ? registeredAt : t;
    const acceptedAt = clamp(receivedAt + Math.min(gap(2, 48), room(0.1)));
    if (docked) {
      t = acceptedAt;
      steps.push({ type: 'DOCKING_ACCEPTED', from: state, to: 'IN_MEDIATION', at: t, actor: 'DOCKING' });
      state = 'IN_MEDIATION';
    }
    const sessionCount = stage === 'mediating' ? Math.floor(random() * 3) : 1 + Math.floor(random() * 3);
    const sessions: number[] = [];
    for (let s = 0; s < sessionCount; s += 1) {
      t = clamp(t + Math.min(gap(24, 120), room(0.15)));
      sessions.push(t);
      steps.push({ type: 'RECORD_ATTEMPT', from: state, to: state, at: t, actor: handling === 'justice' && docked ? 'DOCKING' : 'HUB' });
    }
    mediation =
      handling === 'justice'
        ? {
            id: scaleUuid(seed, KIND.mediation, n),
            organization,
            state: sessionCount ? 'IN_SESSION' : 'ACCEPTED',
            outcome: null,
            receivedAt,
            acceptedAt,
            sessions,
            concludedAt: null,
          }
        : null;
    if (stage === 'concluded') {
      const concludedAt = clamp(t + Math.min(gap(1, 24), room(0.05)));
      if (mediation) Object.assign(mediation, { state: 'CONCLUDED', outcome, concludedAt });
      const agreed = outcome === 'AGREEMENT';
      if (docked) {
        t = concludedAt;
        steps.push({
          type: agreed ? 'DOCKING_CONCLUDED_AGREEMENT' : 'DOCKING_CONCLUDED_NO_AGREEMENT',
          from: state,
          to: agreed ? 'RESOLVED' : 'UNRESOLVED',
          at: t,
          actor: 'DOCKING',
        });
        state = agreed ? 'RESOLVED' : 'UNRESOLVED';
      } else {
        t = concludedAt;
        step(agreed ? 'RESOLVE' : 'FAIL', agreed ? 'RESOLVED' : 'UNRESOLVED', 0);
      }
      // 协调督办岗研判, then closing (or, after a failure, guiding to litigation), as time allowed.
      const since = (now - concludedAt) / DAY;
      const reached =
        since > 20
          ? weighted(random, [
              [3, 92],
              [2, 3],
              [1, 2],
              [0, 3],
            ] as const)
          : weighted(random, [
              [0, 50],
              [1, 30],
              [2, 10],
              [3, 10],
            ] as const);
      if (reached >= 1) step('REQUEST_REVIEW', 'UNDER_REVIEW', Math.min(gap(2, 72), (now - t) / 4));
      if (reached >= 2) step('APPROVE', 'REVIEWED', Math.min(gap(2, 72), (now - t) / 4));
      if (reached >= 3) step(agreed ? 'CLOSE' : 'GUIDE_TO_LITIGATION', agreed ? 'CLOSED' : 'GUIDED_TO_LITIGATION', Math.min(gap(1, 48), (now - t) / 4));
    }
  }

  if (source && mediation) {
    const sender =
      source === 'COURT'
        ? county.court
        : source === 'POLICE'
          ? { ...county.police, name: `${county.police.name}${place.town.name.replace(/(镇|街道|乡)$/, '')}派出所` }
          : source === 'PETITION'
            ? county.petition
            : county.procuratorate;
    const id = scaleUuid(seed, KIND.docking, n);
    const events: DockingPlan['events'] = [{ id: scaleUuid(seed, KIND.event, n, 1), type: 'DockingRequested', from: source, sequence: 1, at: registeredAt }];
    const answer = (type: DockingPlan['events'][number]['type'], at: number) =>
      events.push({ id: scaleUuid(seed, KIND.event, n, events.length + 1), type, from: 'JUSTICE', sequence: events.length, at });
    if (mediation.state === 'REJECTED') answer('DockingRejected', steps[1]?.at ?? registeredAt + HOUR);
    else if (mediation.acceptedAt) answer('DockingAccepted', mediation.acceptedAt);
    if (mediation.concludedAt) answer('MediationConcluded', mediation.concludedAt);
    docking = {
      id,
      source,
      mode: source === 'COURT' ? 'ENTRUST' : source === 'PROCURATORATE' ? 'COMMISSION' : 'TRANSFER',
      sender,
      receiver: organization,
      sentAt: registeredAt,
      events,
    };
  }

  const riskLevel = peopleInvolved >= 30 ? 'HIGH' : peopleInvolved >= 5 ? 'MEDIUM' : random() < 0.01 ? 'CRITICAL' : 'LOW';
  return {
    n,
    id: scaleUuid(seed, KIND.dispute, n),
    category,
    channel: source ? 'AGENCY_TRANSFER' : channel,
    regionCode: place.regionCode,
    regionName: place.regionName,
    town: place.town,
    county,
    registeredAt,
    peopleInvolved,
    parties,
    state,
    steps,
    riskLevel,
    mediation,
    docking,
    ownRecords: { police: !source && random() < 0.06, court: !source && random() < 0.03, petition: !source && random() < 0.02 },
    reads: random() < 0.3 ? 1 + Math.floor(random() * 3) : 0,
  };
}

/** The sender's record a hand-over (or an agency's own handling) is about: its id, type and official number. */
export function senderRecord(plan: DisputePlan, source: Source, seed: number): { id: string; type: string; number: string } {
  const year = new Date(plan.registeredAt + 8 * HOUR).getUTCFullYear();
  const n = String(plan.n).padStart(7, '0');
  switch (source) {
    case 'COURT':
      return { id: scaleUuid(seed, KIND.courtCase, plan.n), type: 'CourtCase', number: `(${year})苏${plan.county.code}民诉前调${n}号` };
    case 'POLICE': {
      const day = new Date(plan.registeredAt - DAY + 8 * HOUR).toISOString().slice(0, 10).replace(/-/g, '');
      return { id: scaleUuid(seed, KIND.incident, plan.n), type: 'PoliceIncident', number: `J${plan.county.code}${day}${n}` };
    }
    case 'PETITION':
      return { id: scaleUuid(seed, KIND.petition, plan.n), type: 'PetitionItem', number: `苏访〔${year}〕${plan.county.code}-${n}号` };
    case 'PROCURATORATE':
      return { id: scaleUuid(seed, KIND.procuratorate, plan.n), type: 'ProcuratorateCase', number: `苏检刑和〔${year}〕${plan.county.code}-${n}号` };
  }
}
