import type { EntityManager } from '@mikro-orm/core';
import type { Caller } from '@jiefen/auth';
import { check, DomainError, requireUuid } from '@jiefen/subgraph-kit';
import { DISPUTE_STATE_NAMES } from '../domain/dispute.workflow.js';
import { supervisionLevelAfterEscalation, supervisionWorkflow, type SupervisionState } from '../domain/supervision.workflow.js';
import type { Tier } from '../domain/tiers.js';
import { SupervisionItem } from '../entities/supervision-item.entity.js';
import type { SupervisionActionInput } from '../domain/commands.js';
import { checkVersion, lockingConflicts, requireHubSupervisor } from './hub-rules.js';

export interface ScanResult {
  created: number;
  cleared: number;
}

const LEVEL_OF_REGION = `case when length(region_code) >= 12 then 'VILLAGE' when length(region_code) >= 9 then 'TOWN' else 'COUNTY' end`;

/**
 * 督办 scan: every dispute and docking past its clock at `now` gets one supervision item per missed
 * deadline (idempotent: the unique key (subject, deadline) absorbs a second run); items whose
 * subject is no longer behind that deadline are cleared (销号). Two statements each, in SQL, so
 * it scales to a province; `regionPrefix` limits it to a jurisdiction.
 */
export async function scanOverdue(em: EntityManager, now: Date, regionPrefix = ''): Promise<ScanResult> {
  // The bulk clear below is the workflow's OPEN --CLEAR--> CLEARED step taken by the system.
  supervisionWorkflow.transition('OPEN', 'CLEAR', { roles: ['SYSTEM'] });
  const stateNames = Object.entries(DISPUTE_STATE_NAMES);
  const stateCase = `case d.status ${stateNames.map(() => 'when ? then ?').join(' ')} else d.status end`;
  return em.transactional(async (tx) => {
    const run = <T>(sql: string, params: unknown[]) => tx.getConnection().execute<T[]>(sql, params, 'all', tx.getTransactionContext());
    const prefix = `${regionPrefix}%`;
    const disputes = await run<{ id: string }>(
      `insert into supervision_item (id, subject_type, subject_id, region_code, due_at, reason, level, status, reminder_count, escalation_count, created_at, version)
       select gen_random_uuid(), 'DISPUTE', d.id, d.region_code, d.due_at, '纠纷 ' || d.number || '(' || ${stateCase} || ')超过办理时限', d.tier, 'OPEN', 0, 0, ?, 1
       from dispute d where d.due_at < ? and d.region_code like ?
       on conflict (subject_type, subject_id, due_at) do nothing returning id`,
      [...stateNames.flat(), now, now, prefix],
    );
    const dockings = await run<{ id: string }>(
      `insert into supervision_item (id, subject_type, subject_id, region_code, due_at, reason, level, status, reminder_count, escalation_count, created_at, version)
       select gen_random_uuid(), 'DOCKING', k.id, k.region_code, k.due_at, '对接(' || k.from_agency || '→' || k.to_agency || ')超过时限', ${LEVEL_OF_REGION.replaceAll('region_code', 'k.region_code')}, 'OPEN', 0, 0, ?, 1
       from docking k where k.due_at < ? and k.region_code like ?
       on conflict (subject_type, subject_id, due_at) do nothing returning id`,
      [now, now, prefix],
    );
    const cleared = await run<{ id: string }>(
      `update supervision_item s set status = 'CLEARED', cleared_at = ?, version = s.version + 1
       where s.status = 'OPEN' and s.region_code like ? and not exists (
         select 1 from dispute d where s.subject_type = 'DISPUTE' and d.id = s.subject_id and d.due_at = s.due_at
         union all
         select 1 from docking k where s.subject_type = 'DOCKING' and k.id = s.subject_id and k.due_at = s.due_at)
       returning s.id`,
      [now, prefix],
    );
    return { created: disputes.length + dockings.length, cleared: cleared.length };
  });
}

async function act(
  em: EntityManager,
  caller: Caller,
  input: SupervisionActionInput,
  apply: (item: SupervisionItem, note: string | null, at: Date) => void,
  event: 'REMIND' | 'ESCALATE',
): Promise<SupervisionItem> {
  requireHubSupervisor(caller);
  const note = check.optionalText('note', event === 'REMIND' ? '催办意见' : '提级督办理由', input.note, 2000);
  return lockingConflicts(async () => {
    const item = await em.findOne(SupervisionItem, { id: requireUuid('itemId', input.itemId) });
    if (!item) throw DomainError.notFound('督办事项', input.itemId);
    requireHubSupervisor(caller, item.regionCode);
    checkVersion(item.version, input.expectedVersion);
    item.status = supervisionWorkflow.transition(item.status as SupervisionState, event, caller);
    apply(item, note, new Date());
    await em.flush();
    return item;
  });
}

/** 催办: one more reminder to whoever holds the overdue subject. */
export function remindSupervision(em: EntityManager, caller: Caller, input: SupervisionActionInput): Promise<SupervisionItem> {
  return act(
    em,
    caller,
    input,
    (item, note, at) => {
      item.reminderCount += 1;
      item.lastRemindedAt = at;
      item.lastReminderNote = note;
    },
    'REMIND',
  );
}

/** 提级督办: the item goes to the next tier's supervisors. */
export function escalateSupervision(em: EntityManager, caller: Caller, input: SupervisionActionInput): Promise<SupervisionItem> {
  return act(
    em,
    caller,
    input,
    (item, note) => {
      item.level = supervisionLevelAfterEscalation(item.level as Tier);
      item.escalationCount += 1;
      if (note) item.lastReminderNote = note;
    },
    'ESCALATE',
  );
}
