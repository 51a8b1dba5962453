import { randomUUID } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/core';
import type { ActorOf } from '@jiefen/workflow';
import { disputeDueAt, type HubClocks } from '../domain/clocks.js';
import { disputeWorkflow, type DisputeActor, type DisputeEvent, type DisputeFacts, type DisputeState } from '../domain/dispute.workflow.js';
import { TIER_NAMES, type Tier } from '../domain/tiers.js';
import { DisputeActivity } from '../entities/dispute-activity.entity.js';
import type { Dispute } from '../entities/dispute.entity.js';
import { MediationAttempt } from '../entities/mediation-attempt.entity.js';

// One step of a dispute's workflow on a dispute already loaded (and locked) in the caller's
// transaction — whoever takes it: hub staff through a mutation (dispute-workflow.service.ts), or the
// unit a dispute was handed over to, whose reports arrive as docking events (actor DOCKING): the
// outcomes of every docking (dispute-follow.service.ts) and the refusal of the hub's own hand-over
// (routing-feedback.service.ts).

export interface DisputeStep {
  event: DisputeEvent;
  /** What the workflow's guard for this event needs to know (read in the step's transaction). */
  facts?(dispute: Dispute, tx: EntityManager): Promise<DisputeFacts>;
  /** Validates and applies the step's own changes; returns the timeline summary. */
  apply(dispute: Dispute, tx: EntityManager, at: Date): Promise<string> | string;
  /** Restart the state's clock even when the state stays the same (a new tier). */
  restartClock?: boolean;
}

/** Who the timeline names for a step or a note. */
export interface TimelineAuthor {
  subject: string;
  name: string;
}

/** The workflow's decision, the step's own changes, the clock and a timeline entry; flushed. */
export async function applyDisputeStep(
  tx: EntityManager,
  dispute: Dispute,
  actor: ActorOf<DisputeActor>,
  author: TimelineAuthor,
  step: DisputeStep,
  at: Date,
  clocks: HubClocks,
): Promise<Dispute> {
  const from = dispute.status as DisputeState;
  const to = disputeWorkflow.transition(from, step.event, actor, await step.facts?.(dispute, tx));
  const summary = await step.apply(dispute, tx, at);
  dispute.status = to;
  if (to !== from || step.restartClock) dispute.stateSince = at;
  dispute.dueAt = disputeDueAt(to, dispute.tier as Tier, dispute.stateSince ?? dispute.registeredAt, clocks);
  addActivity(tx, dispute, step.event, from, to, author, summary, at);
  await tx.flush();
  return dispute;
}

/**
 * A fact on the dispute's timeline that moves no state (e.g. the receiving unit accepted a
 * hand-over): the archive's 处置措施 keep it beside the steps.
 */
export async function noteOnTimeline(tx: EntityManager, dispute: Dispute, type: string, author: TimelineAuthor, summary: string, at: Date): Promise<void> {
  addActivity(tx, dispute, type, dispute.status, dispute.status, author, summary, at);
  await tx.flush();
}

function addActivity(tx: EntityManager, d: Dispute, type: string, from: string, to: string, author: TimelineAuthor, summary: string, at: Date): void {
  d.timelineLength += 1;
  tx.create(DisputeActivity, {
    id: randomUUID(),
    disputeId: d.id,
    sequence: d.timelineLength,
    type,
    fromStatus: from,
    toStatus: to,
    at,
    actorSubject: author.subject.slice(0, 100),
    actorName: author.name.slice(0, 50),
    summary,
  });
}

/** What one mediation attempt records: who mediated, what happened, when, and who wrote it down. */
export interface AttemptRecord {
  mediatorName: string;
  summary: string;
  attemptedAt: Date;
  recordedByName: string;
}

/**
 * Writes one attempt at the dispute's current tier and counts it (三三制); returns the timeline's
 * summary. The one way an attempt is counted, whether typed in at the hub or reported by the
 * organization that holds the session (a docking's `MediationSessionRecorded`).
 */
export async function writeAttempt(tx: EntityManager, d: Dispute, a: AttemptRecord): Promise<string> {
  const sequence = (await tx.count(MediationAttempt, { disputeId: d.id })) + 1;
  tx.create(MediationAttempt, { id: randomUUID(), disputeId: d.id, sequence, tier: d.tier, ...a });
  d.attemptsAtTier += 1;
  return `${TIER_NAMES[d.tier as Tier]}第 ${d.attemptsAtTier} 次调解(${a.mediatorName}):${a.summary}`;
}
