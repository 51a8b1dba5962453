import type { EntityManager } from '@mikro-orm/core';
import { DockingOutgoing } from '@jiefen/docking';
import type { SeedContext } from '@jiefen/subgraph-kit';
import { demoDisputes, demoId, demoOutgoing, stationShortName, placeOf, type DemoDispute } from '@jiefen/demo-data';
import { chinaDate } from '@jiefen/calendar';
import type { PoliceIncidentState } from '../src/domain/police-incident.workflow.js';
import { PoliceIncident } from '../src/entities/police-incident.entity.js';
import { PoliceMediation } from '../src/entities/police-mediation.entity.js';

const HOUR = 3_600_000;

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
  // Handed to a mediation committee (公调对接) when the story says so: while the committee holds it the
  // incident is TRANSFERRED, its conclusion closes it, a refusal puts it back in the officer's hands.
  const transfer = d.handOver?.kind === 'POLICE' ? d.handOver.status : null;
  const transferred: PoliceIncidentState | null =
    transfer === 'CONCLUDED' ? 'CLOSED' : transfer === 'REJECTED' ? 'DISPATCHED' : transfer ? 'TRANSFERRED' : null;
  // What came in these last days is still open: the officer can mediate it (治安调解) or transfer it (公调).
  const own: PoliceIncidentState = d.daysAgo <= 3 ? 'RECEIVED' : d.n % 3 === 0 ? 'DISPATCHED' : 'CLOSED';
  const settled = transferred ?? (d.daysAgo <= 3 ? 'RECEIVED' : 'MEDIATED');
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
  const status = transferred ?? own;
  if (d.category === '劳动争议') {
    return { category: 'ASSISTANCE', nonPolice: true, status, station, summary: `报警人称${place}${d.summary},请求帮助讨要` };
  }
  return { category: 'CIVIL_DISPUTE', nonPolice: true, status, station, summary: `报警人称${place}${d.summary},请求民警到场调处` };
}

/** Incidents the 兴化市公安局 received about the demo disputes, usually the day before the hub registered them. */
export async function seedPolice(em: EntityManager, options: SeedContext): Promise<void> {
  let n = 0;
  for (const d of demoDisputes(options.disputeCount, options.now).filter((x) => x.agencies.police)) {
    n += 1;
    // Reported to 110 a few hours before the hub registered the dispute.
    const reportedAt = new Date(d.registeredAt.getTime() - (2 + (d.n % 5)) * HOUR - ((d.n * 7) % 60) * 60_000);
    const incidentNumber = `J${d.regionCode.slice(0, 6)}${localDay(reportedAt)}${String(100 + n).padStart(5, '0')}`;
    em.create(PoliceIncident, {
      id: demoId('police-incident', d.n),
      disputeId: d.id,
      disputeNumber: d.number,
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
    // 公调: the hand-over as the story tells it — the same docking id, committee, state and outcome
    // as the hub's ledger and the committee's case.
    if (d.handOver?.kind === 'POLICE') {
      em.create(DockingOutgoing, {
        ...demoOutgoing(d),
        id: demoId('police-transfer', d.n),
        recordType: 'PoliceIncident',
        recordId: demoId('police-incident', d.n),
        recordNumber: incidentNumber,
        reason: '民间纠纷,不属于治安案件,当事人同意人民调解',
        officerName: '陈立新',
      });
    }
    // Incidents the police settled themselves went through 治安调解 and were performed.
    if (handlingOf(d).status === 'MEDIATED') {
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
