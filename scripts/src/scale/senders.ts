// The agencies that hand records over to people's mediation — court (诉前委派), police (公调),
// petition (访调), procuratorate (检调) — each with its own records: those it handed over (their
// state follows the mediation's answers, as each workflow allows) and those it handled itself.
import { json, type CopySet } from './copy.js';
import { scaleUuid } from './ids.js';
import { openDockingTables, writeInbox, writeOutboxSequence, writeOutgoing } from './ledger.js';
import { DAY, HOUR, KIND, senderRecord, type DisputePlan, type Source } from './plan.js';
import { summaryOf } from './governance.js';

export interface SenderWriter {
  write(p: DisputePlan): void;
}

async function openCommon(set: CopySet): Promise<void> {
  await openDockingTables(set, true);
}

/** The mediation's answer as the sender knows it: running, refused, or concluded with or without agreement. */
function answerOf(p: DisputePlan): 'RUNNING' | 'REJECTED' | 'AGREEMENT' | 'FAILED' {
  const m = p.mediation!;
  if (m.state === 'REJECTED') return 'REJECTED';
  if (m.state !== 'CONCLUDED') return 'RUNNING';
  return m.outcome === 'AGREEMENT' ? 'AGREEMENT' : 'FAILED';
}

function ledger(
  set: CopySet,
  seed: number,
  p: DisputePlan,
  agency: Source,
  record: { id: string; type: string; number: string },
  officer: string | null,
  reason: string | null,
): void {
  const d = p.docking!;
  writeOutgoing(set, p, { ...record, rowId: scaleUuid(seed, KIND.outgoing, p.n), officer, reason });
  writeInbox(set, d, agency);
  writeOutboxSequence(set, d, agency);
}

export async function openCourt(set: CopySet, seed: number): Promise<SenderWriter> {
  await set.open('court_case', [
    'id',
    'dispute_id',
    'case_number',
    'cause',
    'stage',
    'status',
    'region_code',
    'received_at',
    'plaintiff_name',
    'plaintiff_id_number',
    'plaintiff_phone',
    'defendant_name',
    'diverted_at',
    'pre_filing_outcome',
    'pre_filing_outcome_at',
    'mediation_mode',
    'mediation_sent_at',
    'mediation_due_at',
    'mediation_outcome',
    'mediation_outcome_at',
    'mediation_outcome_note',
    'agreement_id',
    'procedure',
    'filing_number',
    'filed_at',
  ]);
  await openCommon(set);
  return {
    write(p) {
      const handed = p.docking?.source === 'COURT';
      if (!handed && !p.ownRecords.court) return;
      const record = senderRecord(p, 'COURT', seed);
      const receivedAt = p.registeredAt - 2 * DAY;
      const common = [record.id, p.id, record.number, `${p.category}纠纷`];
      const parties = [p.parties[0].name, p.parties[0].idNumber, p.parties[0].phone, p.parties[1].name];
      if (!handed) {
        // Parties who declined pre-filing mediation: filed at once.
        const filedAt = receivedAt + DAY;
        set
          .get('court_case')
          .row([
            ...common,
            'FILED',
            'FILED',
            p.regionCode,
            new Date(receivedAt),
            ...parties,
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            'SUMMARY',
            `(${record.number.slice(1, 5)})苏${p.county.code}民初${String(p.n).padStart(7, '0')}号`,
            new Date(filedAt),
          ]);
        return;
      }
      const answer = answerOf(p);
      const m = p.mediation!;
      const state =
        answer === 'RUNNING'
          ? 'DIVERTED_TO_MEDIATION'
          : answer === 'REJECTED'
            ? 'RECEIVED'
            : answer === 'AGREEMENT'
              ? 'MEDIATION_SUCCEEDED'
              : 'MEDIATION_FAILED';
      const sentAt = p.docking!.sentAt;
      const done = answer === 'AGREEMENT' || answer === 'FAILED';
      set
        .get('court_case')
        .row([
          ...common,
          'PRE_FILING',
          state,
          p.regionCode,
          new Date(receivedAt),
          ...parties,
          answer === 'REJECTED' ? null : new Date(sentAt),
          done ? (answer === 'AGREEMENT' ? 'SUCCEEDED' : 'FAILED') : null,
          done ? new Date(m.concludedAt!) : null,
          answer === 'REJECTED' ? null : 'DELEGATED',
          answer === 'REJECTED' ? null : new Date(sentAt),
          answer === 'RUNNING' ? new Date(sentAt + 30 * DAY) : null,
          done ? (answer === 'AGREEMENT' ? 'SUCCEEDED' : 'FAILED') : null,
          done ? new Date(m.concludedAt!) : null,
          done ? (answer === 'AGREEMENT' ? '双方达成调解协议' : '调解不成') : null,
          answer === 'AGREEMENT' ? scaleUuid(seed, KIND.agreement, p.n) : null,
          null,
          null,
          null,
        ]);
      ledger(set, seed, p, 'COURT', record, null, null);
    },
  };
}

export async function openPolice(set: CopySet, seed: number): Promise<SenderWriter> {
  await set.open('police_incident', [
    'id',
    'dispute_id',
    'incident_number',
    'station',
    'station_code',
    'category',
    'non_police',
    'non_police_category',
    'summary',
    'status',
    'region_code',
    'reported_at',
    'occurred_at',
    'place',
    'channel',
    'reporter_name',
    'reporter_phone',
    'reporter_id_number',
    'officer_subject',
    'officer_name',
  ]);
  await set.open('police_mediation', [
    'id',
    'incident_id',
    'status',
    'facts',
    'agreement_terms',
    'penalty',
    'officer_subject',
    'officer_name',
    'started_at',
    'concluded_at',
  ]);
  await openCommon(set);
  const FACTS = {
    hiredViolence: false,
    gangFightOrProvocation: false,
    repeatOffender: false,
    partyRefuses: false,
    reoffendedDuringMediation: false,
    suspectFled: false,
    minorInvolved: false,
    guardianPresent: false,
  };
  return {
    write(p) {
      const handed = p.docking?.source === 'POLICE';
      if (!handed && !p.ownRecords.police) return;
      const record = senderRecord(p, 'POLICE', seed);
      const reportedAt = p.registeredAt - DAY + (p.n % 5) * HOUR;
      const station = `${p.county.police.name}${p.town.name.replace(/(镇|街道|乡)$/, '')}派出所`;
      const answer = handed ? answerOf(p) : null;
      // Handed over: 移交人民调解 (TRANSFERRED) until the organization answers; refused → back in hand (DISPATCHED);
      // concluded → CLOSED. Kept: 治安调解 performed (MEDIATED), or still being handled.
      const status =
        answer === null ? (p.n % 3 === 0 ? 'DISPATCHED' : 'MEDIATED') : answer === 'RUNNING' ? 'TRANSFERRED' : answer === 'REJECTED' ? 'DISPATCHED' : 'CLOSED';
      set
        .get('police_incident')
        .row([
          record.id,
          p.id,
          record.number,
          station,
          p.county.police.code,
          p.category === '道路交通事故' ? 'TRAFFIC' : p.category === '损害赔偿' ? 'PUBLIC_ORDER' : 'CIVIL_DISPUTE',
          p.category !== '道路交通事故' && p.category !== '损害赔偿',
          p.category !== '道路交通事故' && p.category !== '损害赔偿' ? '民间纠纷' : null,
          `报警人称${p.regionName}${summaryOf(p).slice(p.regionName.length)},请求民警到场处理`,
          status,
          p.regionCode,
          new Date(reportedAt),
          new Date(reportedAt - HOUR),
          p.regionName,
          'CALL_110',
          p.parties[0].name,
          p.parties[0].phone,
          p.parties[0].idNumber,
          'police-officer-017',
          '陈立新',
        ]);
      if (status === 'MEDIATED')
        set
          .get('police_mediation')
          .row([
            scaleUuid(seed, KIND.incident, p.n, 1),
            record.id,
            'PERFORMED',
            json(FACTS),
            '双方当事人自愿和解,侵害方当场赔偿并赔礼道歉',
            false,
            'police-officer-017',
            '陈立新',
            new Date(reportedAt + HOUR),
            new Date(reportedAt + 5 * HOUR),
          ]);
      if (handed) ledger(set, seed, p, 'POLICE', record, '陈立新', '民间纠纷,不属于治安案件,当事人同意人民调解');
    },
  };
}

export async function openPetition(set: CopySet, seed: number): Promise<SenderWriter> {
  await set.open('petition_item', [
    'id',
    'dispute_id',
    'item_number',
    'form',
    'subject',
    'status',
    'region_code',
    'registered_at',
    'petitioner_name',
    'petitioner_id_number',
    'petitioner_phone',
    'due_at',
    'route_due_at',
    'routed_at',
    'handling_unit',
    'accepted_at',
    'handle_due_at',
    'referred_at',
    'mediation_outcome',
    'answer',
    'concluded_at',
    'satisfaction',
    'rated_at',
  ]);
  await openCommon(set);
  return {
    write(p) {
      const handed = p.docking?.source === 'PETITION';
      if (!handed && !p.ownRecords.petition) return;
      const record = senderRecord(p, 'PETITION', seed);
      const registeredAt = handed ? p.registeredAt - 5 * DAY : p.registeredAt + 2 * DAY;
      const routedAt = registeredAt + 3 * DAY;
      const handleDue = routedAt + 60 * DAY;
      const answer = handed ? answerOf(p) : 'OWN';
      // 访调: REFERRED_TO_MEDIATION while it runs; refused or failed → back to ACCEPTED; agreement → CONCLUDED.
      const status = answer === 'RUNNING' ? 'REFERRED_TO_MEDIATION' : answer === 'AGREEMENT' || answer === 'OWN' ? 'CONCLUDED' : 'ACCEPTED';
      const concludedAt = answer === 'AGREEMENT' ? p.mediation!.concludedAt! : answer === 'OWN' ? Math.min(routedAt + 25 * DAY, Date.now() - HOUR) : null;
      const rated = concludedAt !== null && p.n % 2 === 0;
      set
        .get('petition_item')
        .row([
          record.id,
          p.id,
          record.number,
          'VISIT',
          `反映${summaryOf(p)},要求依法处理`,
          status,
          p.regionCode,
          new Date(registeredAt),
          p.parties[0].name,
          p.parties[0].idNumber,
          p.parties[0].phone,
          status === 'CONCLUDED' ? null : new Date(handleDue),
          new Date(registeredAt + 15 * DAY),
          new Date(routedAt),
          p.county.petition.name,
          new Date(routedAt),
          new Date(handleDue),
          handed ? new Date(p.docking!.sentAt) : null,
          answer === 'AGREEMENT' ? 'SUCCEEDED' : answer === 'FAILED' ? 'FAILED' : null,
          concludedAt === null ? null : answer === 'AGREEMENT' ? '经人民调解,双方达成调解协议' : '经调查核实,已督促责任单位依法处理,书面答复信访人',
          concludedAt === null ? null : new Date(concludedAt),
          rated ? 'SATISFIED' : null,
          rated ? new Date(concludedAt + 5 * DAY) : null,
        ]);
      if (handed) ledger(set, seed, p, 'PETITION', record, null, null);
    },
  };
}

export async function openProcuratorate(set: CopySet, seed: number): Promise<SenderWriter> {
  await set.open('procuratorate_case', [
    'id',
    'dispute_id',
    'case_number',
    'kind',
    'charge',
    'status',
    'region_code',
    'received_at',
    'suspect_name',
    'suspect_id_number',
    'victim_name',
    'victim_phone',
    'eligibility',
    'referred_at',
    'outcome',
    'outcome_at',
    'agreement_summary',
  ]);
  await openCommon(set);
  return {
    write(p) {
      if (p.docking?.source !== 'PROCURATORATE') return;
      const record = senderRecord(p, 'PROCURATORATE', seed);
      const answer = answerOf(p);
      // 检调: REFERRED_TO_MEDIATION while it runs; refused → UNDER_REVIEW; then RECONCILED or RECONCILIATION_FAILED.
      const status =
        answer === 'RUNNING'
          ? 'REFERRED_TO_MEDIATION'
          : answer === 'REJECTED'
            ? 'UNDER_REVIEW'
            : answer === 'AGREEMENT'
              ? 'RECONCILED'
              : 'RECONCILIATION_FAILED';
      const done = answer === 'AGREEMENT' || answer === 'FAILED';
      const charge = p.category === '道路交通事故' ? '交通肇事罪' : '故意伤害罪(轻伤)';
      set.get('procuratorate_case').row([
        record.id,
        p.id,
        record.number,
        'CRIMINAL_RECONCILIATION',
        charge,
        status,
        p.regionCode,
        new Date(p.docking!.sentAt - 3 * DAY),
        p.parties[1].name,
        p.parties[1].idNumber,
        p.parties[0].name,
        p.parties[0].phone,
        json({
          charge,
          chapter: 4,
          negligent: charge === '交通肇事罪',
          arisesFromCivilDispute: true,
          likelySentenceMonths: 12,
          intentionalCrimeWithinFiveYears: false,
          suspectRepents: true,
          victimAccepts: true,
        }),
        new Date(p.docking!.sentAt),
        done ? (answer === 'AGREEMENT' ? 'RECONCILED' : 'NOT_RECONCILED') : null,
        done ? new Date(p.mediation!.concludedAt!) : null,
        done ? (answer === 'AGREEMENT' ? '犯罪嫌疑人赔礼道歉并赔偿被害人经济损失,被害人出具谅解书' : '双方对赔偿数额分歧较大,未达成和解') : null,
      ]);
      ledger(set, seed, p, 'PROCURATORATE', record, null, null);
    },
  };
}
