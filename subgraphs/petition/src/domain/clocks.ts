import { addDays, type AgencySettings } from '@jiefen/calendar';
import { DomainError } from '@jiefen/workflow';

/**
 * The petition bureau's clocks (信访工作条例 2022, Art 22 and others; article numbers partly
 * unverified): registered and routed within 15 days; handled within 60 days of acceptance, extendable
 * once by at most 30 days with a recorded reason; review (复查) and re-review (复核) requested within
 * 30 days of the answer and answered within 30. Configuration with these defaults, passed to the services.
 */
export interface PetitionClocks {
  routeDays: number;
  handleDays: number;
  maxExtensionDays: number;
  reviewRequestDays: number;
  reviewAnswerDays: number;
}

export const PETITION_CLOCKS: PetitionClocks = Object.freeze({
  routeDays: 15,
  handleDays: 60,
  maxExtensionDays: 30,
  reviewRequestDays: 30,
  reviewAnswerDays: 30,
});

/** What the petition bureau's services run on: these clocks and the subgraph's "now". */
export type PetitionSettings = AgencySettings<PetitionClocks>;

export function petitionClocks(overrides: Partial<PetitionClocks> = {}): PetitionClocks {
  return { ...PETITION_CLOCKS, ...overrides };
}

export function routeDueAt(registeredAt: Date, clocks: PetitionClocks = PETITION_CLOCKS): Date {
  return addDays(registeredAt, clocks.routeDays);
}

export function handleDueAt(acceptedAt: Date, extensionDays: number, clocks: PetitionClocks = PETITION_CLOCKS): Date {
  return addDays(acceptedAt, clocks.handleDays + extensionDays);
}

export function reviewDueAt(requestedAt: Date, clocks: PetitionClocks = PETITION_CLOCKS): Date {
  return addDays(requestedAt, clocks.reviewAnswerDays);
}

/** Handling is extended once, by 1 to `maxExtensionDays` days, with a reason (checked by the caller). */
export function checkExtension(alreadyExtendedDays: number, days: number, clocks: PetitionClocks = PETITION_CLOCKS): void {
  if (alreadyExtendedDays > 0) throw new DomainError('EXTENSION_NOT_ALLOWED', '办理期限已经延长过一次,不得再次延长');
  if (!Number.isInteger(days) || days < 1 || days > clocks.maxExtensionDays) {
    throw new DomainError('VALIDATION_FAILED', `延长天数须为 1 到 ${clocks.maxExtensionDays} 之间的整数`, { field: 'days' });
  }
}

/** 复查/复核 must be requested within 30 days of the written answer it contests. */
export function checkReviewRequestInTime(answeredAt: Date, requestedAt: Date, clocks: PetitionClocks = PETITION_CLOCKS): void {
  if (requestedAt.getTime() > addDays(answeredAt, clocks.reviewRequestDays).getTime()) {
    throw new DomainError('REVIEW_PERIOD_EXPIRED', `请求超过收到书面答复之日起 ${clocks.reviewRequestDays} 日,不予受理`);
  }
}
