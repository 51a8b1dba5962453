import type { EntityManager } from '@mikro-orm/core';
import type { SeedOptions } from '@jiefen/subgraph-kit';
import { personKey } from '@jiefen/auth';
import { demoDisputes, demoId, demoPopulation, demoRegions, placeOf } from '@jiefen/demo-data';
import { DisputeParty } from '../src/entities/dispute-party.entity.js';
import { formatDisputeNumber, numberScope, registrationYear } from '../src/domain/dispute-registration.js';
import { DisputeNumberCounter } from '../src/entities/dispute-number-counter.entity.js';
import { Dispute } from '../src/entities/dispute.entity.js';
import { Region } from '../src/entities/region.entity.js';

/** 兴化市's region tree and the demo disputes, with unified numbers per town and year. */
export async function seedGovernance(em: EntityManager, options: SeedOptions): Promise<void> {
  for (const row of demoRegions) {
    em.create(Region, { ...row, population: demoPopulation[row.code] ?? null });
  }
  const sequence = new Map<string, number>();
  for (const d of demoDisputes(options.disputeCount)) {
    const key = `${numberScope(d.regionCode)}:${registrationYear(d.registeredAt)}`;
    const next = (sequence.get(key) ?? 0) + 1;
    sequence.set(key, next);
    em.create(Dispute, {
      id: d.id,
      number: formatDisputeNumber(d.regionCode, registrationYear(d.registeredAt), next),
      category: d.category,
      channel: d.channel,
      summary: d.summary,
      regionCode: d.regionCode,
      peopleInvolved: d.peopleInvolved,
      riskLevel: d.peopleInvolved >= 10 ? 'HIGH' : 'LOW',
      registeredAt: d.registeredAt,
    });
    d.parties.forEach((person, i) => {
      em.create(DisputeParty, {
        id: demoId(`party-${i}`, d.n),
        disputeId: d.id,
        role: i === 0 ? 'APPLICANT' : 'RESPONDENT',
        name: person.name,
        idNumber: person.idNumber,
        phone: person.phone,
        address: `江苏省兴化市${placeOf(d)}${(d.n % 9) + 1}组${10 + ((d.n * 7 + i) % 40)}号`,
        birthDate: person.birthDate,
        personKey: personKey(options.personKeySecret, person.idNumber),
        position: i,
      });
    });
  }
  // New registrations continue each town's sequence.
  for (const [key, last] of sequence) {
    const [scope, year] = key.split(':');
    em.create(DisputeNumberCounter, { scope: scope!, year: Number(year), last });
  }
  await em.flush();
}
