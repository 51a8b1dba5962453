import type { EntityManager, RequiredEntityData } from '@mikro-orm/core';
import { DockingOutgoing } from '@jiefen/docking';
import type { SeedContext } from '@jiefen/subgraph-kit';
import { demoDisputes, demoId, demoOutgoing, placeOf, storyAnchor, type Channel, type DemoDispute } from '@jiefen/demo-data';
import { addDays as addCalendarDays } from '@jiefen/calendar';
import { PetitionItem } from '../src/entities/petition-item.entity.js';

const FORMS: Record<Channel, string> = {
  WINDOW: 'VISIT',
  ONLINE: 'ONLINE',
  HOTLINE_12348: 'PHONE',
  GRID_SCREENING: 'VISIT',
  AGENCY_TRANSFER: 'LETTER',
};

const DEMANDS: Partial<Record<DemoDispute['category'], string>> = {
  征地拆迁: '要求依政策重新核定补偿安置',
  劳动争议: '要求督促企业支付拖欠款项',
  环境污染: '要求责令整改并赔偿损失',
  物业: '要求主管部门督促整改',
};

function subjectOf(d: DemoDispute, form: string): string {
  const place = placeOf(d);
  const demand = DEMANDS[d.category] ?? '要求依法处理';
  // Five or more people together is a collective petition (集体访 / 联名信), which the bureau flags.
  const who = d.peopleInvolved >= 5 ? (form === 'VISIT' ? `${d.peopleInvolved}人集体走访,` : `${d.peopleInvolved}人联名`) : '';
  return `${who}反映${place}${d.summary},${demand}`;
}

const OWN_STATES = ['REGISTERED', 'ACCEPTED', 'TRANSFERRED', 'CONCLUDED', 'UNDER_REVIEW', 'REVIEWED', 'UNDER_RE_REVIEW', 'RE_REVIEWED'] as const;
const RATINGS = ['SATISFIED', 'BASICALLY_SATISFIED', 'DISSATISFIED'] as const;

function statusOf(d: DemoDispute, i: number): string {
  // 访调对接 as the story tells it: with the committee while it mediates; its agreement concludes the
  // item, a failure or a refusal brings it back to the bureau (ACCEPTED).
  if (d.handOver?.kind === 'PETITION') {
    const h = d.handOver;
    if (h.status === 'SENT' || h.status === 'ACCEPTED') return 'REFERRED_TO_MEDIATION';
    return h.status === 'CONCLUDED' && d.mediation!.outcome === 'AGREEMENT' ? 'CONCLUDED' : 'ACCEPTED';
  }
  // 诉访分离: a matter already before the court is not accepted as a petition.
  if (d.agencies.court) return 'NOT_ACCEPTED';
  // What came in these last days waits for the clerk to accept it.
  if (d.daysAgo <= 3) return 'REGISTERED';
  return OWN_STATES[i % OWN_STATES.length]!;
}

/** The item's history up to its state, with every clock the workflow keeps. */
function historyOf(d: DemoDispute, status: string, registeredAt: Date, anchor: Date): Partial<PetitionItem> {
  // Nothing happens after the demo's "now": a step due later happened at it.
  const addDays = (from: Date, days: number) => {
    const at = addCalendarDays(from, days);
    return at > anchor ? anchor : at;
  };
  const routeDue = addDays(registeredAt, 15);
  const h: Partial<PetitionItem> = { routeDueAt: routeDue };
  if (status === 'REGISTERED') return { ...h, dueAt: routeDue };
  const referral = d.handOver?.kind === 'PETITION' ? d.handOver : null;
  // One in five was routed late, so 及时受理率 is not trivially 100%; a referred one was accepted at once.
  const routedAt = referral ? new Date(registeredAt.getTime() + 3_600_000) : addDays(registeredAt, d.n % 5 === 0 ? 17 : 3);
  h.routedAt = routedAt;
  if (status === 'NOT_ACCEPTED') return { ...h, declineReason: '信访人已就该事项向人民法院提起诉讼,依法不予受理,告知其通过诉讼程序解决' };
  if (status === 'TRANSFERRED') return { ...h, handlingUnit: '兴化市人力资源和社会保障局' };
  const handleDue = addDays(routedAt, 60);
  Object.assign(h, { handlingUnit: '兴化市信访局', acceptedAt: routedAt, handleDueAt: handleDue });
  const mediated = referral !== null;
  if (referral) {
    h.referredAt = referral.sentAt;
    if (referral.status === 'CONCLUDED' && d.mediation!.outcome !== 'AGREEMENT') h.mediationOutcome = 'FAILED';
  }
  if (status === 'ACCEPTED' || status === 'REFERRED_TO_MEDIATION') return { ...h, dueAt: handleDue };
  const concludedAt = referral ? d.mediation!.concludedAt! : addDays(routedAt, d.n % 4 === 0 ? 65 : 25);
  Object.assign(h, {
    concludedAt,
    answer: mediated ? '经人民调解,双方达成调解协议并当场履行' : '经调查核实,已督促责任单位依法处理,书面答复信访人',
    mediationOutcome: mediated ? 'SUCCEEDED' : null,
  });
  const rating = { satisfaction: RATINGS[d.n % RATINGS.length], ratedAt: addDays(concludedAt, 5) };
  if (status === 'CONCLUDED') return { ...h, ...rating };
  const reviewRequestedAt = addDays(concludedAt, 10);
  h.reviewRequestedAt = reviewRequestedAt;
  if (status === 'UNDER_REVIEW') return { ...h, dueAt: addDays(reviewRequestedAt, 30) };
  Object.assign(h, { reviewOpinion: '原处理意见认定事实清楚,处理适当,予以维持', reviewAnsweredAt: addDays(reviewRequestedAt, 20) });
  if (status === 'REVIEWED') return { ...h, ...rating, ratedAt: addDays(reviewRequestedAt, 25) };
  const reReviewRequestedAt = addDays(reviewRequestedAt, 25);
  h.reReviewRequestedAt = reReviewRequestedAt;
  if (status === 'UNDER_RE_REVIEW') return { ...h, dueAt: addDays(reReviewRequestedAt, 30) };
  return {
    ...h,
    reReviewOpinion: '复查意见正确,予以维持',
    reReviewAnsweredAt: addDays(reReviewRequestedAt, 18),
    ...rating,
    ratedAt: addDays(reReviewRequestedAt, 20),
  };
}

/** The referral's docking (访调), as the committee's answers left it: the hub's ledger and the committee's case say the same. */
function handOverOf(d: DemoDispute, p: PetitionItem): RequiredEntityData<DockingOutgoing> {
  return {
    ...demoOutgoing(d),
    id: demoId('petition-docking', d.n),
    recordType: 'PetitionItem',
    recordId: p.id,
    recordNumber: p.itemNumber,
    officerName: '刘海军',
  };
}

/** Petitions the 兴化市信访局 registered about the demo disputes, in every state of the workflow. */
export async function seedPetition(em: EntityManager, options: SeedContext): Promise<void> {
  const anchor = storyAnchor(options.now);
  let n = 0;
  let own = 0;
  for (const d of demoDisputes(options.disputeCount, options.now).filter((x) => x.agencies.petition)) {
    n += 1;
    const form = FORMS[d.channel];
    const status = statusOf(d, own);
    if (d.handOver?.kind !== 'PETITION' && !d.agencies.court) own += 1;
    // The bureau registered it a few hours before the hub did.
    const registeredAt = new Date(d.registeredAt.getTime() - (2 + (d.n % 3)) * 3_600_000);
    const p = em.create(PetitionItem, {
      id: demoId('petition-item', d.n),
      disputeId: d.id,
      disputeNumber: d.number,
      itemNumber: `兴访〔${new Date(registeredAt.getTime() + 8 * 3_600_000).getUTCFullYear()}〕${String(400 + n).padStart(4, '0')}号`,
      form,
      subject: subjectOf(d, form),
      status,
      regionCode: d.regionCode,
      registeredAt,
      petitionerName: d.parties[0]!.name,
      petitionerIdNumber: d.parties[0]!.idNumber,
      petitionerPhone: d.parties[0]!.phone,
      ...historyOf(d, status, registeredAt, anchor),
    });
    if (d.handOver?.kind === 'PETITION') em.create(DockingOutgoing, handOverOf(d, p));
  }
  await em.flush();
}
