import type { Visibility } from '@jiefen/auth';
import { isOverdue } from '@jiefen/calendar';
import { statusLabel } from '@jiefen/subgraph-kit';
import { petitionWorkflow } from '../domain/petition-item.workflow.js';
import type { PetitionItem } from '../entities/petition-item.entity.js';
import type { PetitionForm, PetitionItemStatus, PetitionItemType, Satisfaction } from './petition-item.type.js';

/** `now` decides `overdue` (a view's `asOf`, else the moment of the request). */
export function toType(p: PetitionItem, visibility: Visibility, now: Date = new Date()): PetitionItemType {
  return {
    id: p.id,
    disputeId: p.disputeId ?? null,
    disputeNumber: p.disputeNumber ?? null,
    itemNumber: p.itemNumber,
    form: p.form as PetitionForm,
    subject: p.subject,
    status: p.status as PetitionItemStatus,
    statusLabel: statusLabel(petitionWorkflow, p.status),
    regionCode: p.regionCode,
    registeredAt: p.registeredAt,
    dueAt: p.dueAt ?? null,
    overdue: isOverdue(p.dueAt, now),
    routeDueAt: p.routeDueAt ?? null,
    routedAt: p.routedAt ?? null,
    handlingUnit: p.handlingUnit ?? null,
    declineReason: p.declineReason ?? null,
    handleDueAt: p.handleDueAt ?? null,
    extensionDays: p.extensionDays,
    extensionReason: p.extensionReason ?? null,
    referredAt: p.referredAt ?? null,
    mediationOutcome: p.mediationOutcome ?? null,
    answer: p.answer ?? null,
    concludedAt: p.concludedAt ?? null,
    reviewOpinion: p.reviewOpinion ?? null,
    reReviewOpinion: p.reReviewOpinion ?? null,
    satisfaction: (p.satisfaction ?? null) as Satisfaction | null,
    entity: p,
    visibility,
    personal: {
      recordType: 'PetitionItem',
      recordId: p.id,
      visibility,
      people: [{ name: p.petitionerName, idNumber: p.petitionerIdNumber, phone: p.petitionerPhone }],
    },
  };
}
