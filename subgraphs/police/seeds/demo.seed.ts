import type { EntityManager } from '@mikro-orm/core';
import { DockingOutgoing } from '@jiefen/docking';
import type { SeedOptions } from '@jiefen/subgraph-kit';
import { creditCodeCheckChar } from '@jiefen/codes';
import { DEMO_TOWN_DAINAN, demoDisputes, demoId, stationShortName, placeOf, type DemoDispute } from '@jiefen/demo-data';
import { chinaDate } from '@jiefen/calendar';
import type { PoliceIncidentState } from '../src/domain/police-incident.workflow.js';
import { PoliceIncident } from '../src/entities/police-incident.entity.js';
import { PoliceMediation } from '../src/entities/police-mediation.entity.js';

const HOUR = 3_600_000;

/** A well-formed 统一社会信用代码 for a town's mediation committee (demo). */
function townCommitteeCode(townCode: string): string {
  const base = `54321281MJ${townCode.slice(6)}0000`;
  return base + creditCodeCheckChar(base);
}

/** `yyyymmdd` of the Beijing-time day (警情编号 uses the local date). */
function localDay(at: Date): string {
  return chinaDate(at).replace(/-/g, '');
}

interface Handling {
  category: string;
  nonPolice: boolean;
  status: PoliceIncidentState;
  station: string;
  summary: string;
}

function handlingOf(d: DemoDispute): Handling {
  const town = stationShortName(d.townCode);
  const station = `兴化市公安局${town}派出所`;
  const place = placeOf(d);
  // Handed to a mediation committee (公调对接) whenever the justice bureau holds the dispute too.
  const settled = d.agencies.justice ? 'TRANSFERRED' : 'MEDIATED';
  if (d.agencies.procuratorate && !d.agencies.court) {
    return {
      category: 'CRIMINAL',
      nonPolice: false,
      status: 'CASE_FILED',
      station,
      summary: `报警人称${place}${d.summary},继而发生肢体冲突致一人受伤,请求出警处理`,
    };
  }
  if (d.category === '道路交通事故') {
    return {
      category: 'TRAFFIC',
      nonPolice: false,
      status: settled,
      station: `兴化市公安局交通警察大队${town}中队`,
      summary: `报警人称在${place}附近发生${d.summary.replace(/赔偿$/, '')},无人员死亡,请求出警处理`,
    };
  }
  if (d.category === '损害赔偿') {
    return { category: 'PUBLIC_ORDER', nonPolice: false, status: settled, station, summary: `报警人称${place}${d.summary},双方争执不下,请求民警到场处理` };
  }
  const status = d.agencies.justice ? 'TRANSFERRED' : d.n % 3 === 0 ? 'DISPATCHED' : 'CLOSED';
  if (d.category === '劳动争议') {
    return { category: 'ASSISTANCE', nonPolice: true, status, station, summary: `报警人称${place}${d.summary},请求帮助讨要` };
  }
  return { category: 'CIVIL_DISPUTE', nonPolice: true, status, station, summary: `报警人称${place}${d.summary},请求民警到场调处` };
}

/** Incidents the 兴化市公安局 received about the demo disputes, usually the day before the hub registered them. */
export async function seedPolice(em: EntityManager, options: SeedOptions): Promise<void> {
  let n = 0;
  for (const d of demoDisputes(options.disputeCount).filter((x) => x.agencies.police)) {
    n += 1;
    const reportedAt = new Date(d.registeredAt.getTime() - 86_400_000 + (d.n % 5) * 3_600_000 + ((d.n * 7) % 60) * 60_000);
    const incidentNumber = `J${d.regionCode.slice(0, 6)}${localDay(reportedAt)}${String(100 + n).padStart(5, '0')}`;
    em.create(PoliceIncident, {
      id: demoId('police-incident', d.n),
      disputeId: d.id,
      incidentNumber,
      ...handlingOf(d),
      nonPoliceCategory: handlingOf(d).nonPolice ? '民间纠纷' : null,
      reporterName: d.parties[0]!.name,
      reporterPhone: d.parties[0]!.phone,
      officerSubject: 'police-officer-017',
      officerName: '陈立新',
      regionCode: d.regionCode,
      reportedAt,
    });
    // 公调: the disputes that went on to people's mediation were transferred (the hub's ledger and
    // justice's cases carry the same docking id and outcome).
    if (d.agencies.justice) {
      const inProgress = d.n % 5 === 0 && d.n % 11 !== 0;
      const outcome = inProgress ? null : d.n % 11 === 0 ? 'TERMINATED' : d.n % 7 === 0 ? 'NO_AGREEMENT' : 'AGREEMENT';
      const sentAt = new Date(d.registeredAt.getTime() - HOUR);
      em.create(DockingOutgoing, {
        id: demoId('police-transfer', d.n),
        dockingId: demoId('docking-POLICE', d.n),
        fromAgency: 'POLICE',
        toAgency: 'JUSTICE',
        kind: 'POLICE',
        mode: 'TRANSFER',
        recordType: 'PoliceIncident',
        recordId: demoId('police-incident', d.n),
        recordNumber: incidentNumber,
        regionCode: d.regionCode,
        organizationCode: d.townCode === DEMO_TOWN_DAINAN ? '54321281MJ12345677' : townCommitteeCode(d.townCode),
        organizationName: `${stationShortName(d.townCode)}派出所驻所人民调解室`,
        reason: '民间纠纷,不属于治安案件,当事人同意人民调解',
        status: outcome ? 'CONCLUDED' : 'ACCEPTED',
        outcome,
        outcomeSummary: outcome === 'AGREEMENT' ? '达成调解协议' : outcome === 'NO_AGREEMENT' ? '调解不成' : outcome ? '终止调解' : null,
        officerName: '陈立新',
        sentAt,
        acceptedAt: new Date(sentAt.getTime() + 24 * HOUR),
        concludedAt: outcome ? new Date(sentAt.getTime() + (5 + (d.n % 10)) * 24 * HOUR) : null,
      });
    }
    // Incidents the police settled themselves went through 治安调解 and were performed.
    if (handlingOf(d).status === 'CLOSED' && handlingOf(d).category === 'PUBLIC_ORDER') {
      em.create(PoliceMediation, {
        id: demoId('police-mediation', d.n),
        incidentId: demoId('police-incident', d.n),
        status: 'PERFORMED',
        facts: {
          hiredViolence: false,
          gangFightOrProvocation: false,
          repeatOffender: false,
          partyRefuses: false,
          reoffendedDuringMediation: false,
          suspectFled: false,
          minorInvolved: false,
          guardianPresent: false,
        },
        agreementTerms: '双方当事人自愿和解,侵害方当场赔偿医药费并赔礼道歉',
        penalty: false,
        officerSubject: 'police-officer-017',
        officerName: '陈立新',
        startedAt: new Date(reportedAt.getTime() + 3_600_000),
        concludedAt: new Date(reportedAt.getTime() + 5 * 3_600_000),
      });
    }
  }
  await em.flush();
}
