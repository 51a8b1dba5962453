import type { EntityManager } from '@mikro-orm/core';
import type { SeedOptions } from '@jiefen/subgraph-kit';
import { demoDisputes, demoId, placeOf, type Channel, type DemoDispute } from '@jiefen/demo-data';
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

function statusOf(d: DemoDispute): string {
  // 访调对接: handed to people's mediation whenever the justice bureau holds the dispute.
  if (d.agencies.justice) return 'TRANSFERRED';
  // 诉访分离: a matter already before the court is not accepted as a petition.
  if (d.agencies.court) return 'NOT_ACCEPTED';
  return ['CONCLUDED', 'ACCEPTED', 'REGISTERED'][d.n % 3]!;
}

/** Petitions the 兴化市信访局 registered about the demo disputes. */
export async function seedPetition(em: EntityManager, options: SeedOptions): Promise<void> {
  let n = 0;
  for (const d of demoDisputes(options.disputeCount).filter((x) => x.agencies.petition)) {
    n += 1;
    const form = FORMS[d.channel];
    em.create(PetitionItem, {
      id: demoId('petition-item', d.n),
      disputeId: d.id,
      itemNumber: `兴访〔${d.registeredAt.getUTCFullYear()}〕${String(400 + n).padStart(4, '0')}号`,
      form,
      subject: subjectOf(d, form),
      status: statusOf(d),
      regionCode: d.regionCode,
      registeredAt: new Date(d.registeredAt.getTime() + 5 * 86_400_000 + (d.n % 7) * 3_600_000),
    });
  }
  await em.flush();
}
