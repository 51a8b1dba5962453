import { describe, expect, it } from 'vitest';
import { chinaDate, isOverdue } from '@jiefen/calendar';
import {
  addTerm,
  clocksWith,
  confirmationDeadline,
  DEFAULT_CLOCKS,
  extendDueAt,
  lawyerAssignmentDueAt,
  legalAidReviewDueAt,
  mediationDueAt,
  mediationTerm,
  returnVisitDate,
} from './clocks.js';

const at = (iso: string) => new Date(iso);

describe('justice clocks', () => {
  it('has the DOMAIN.md defaults', () => {
    expect(DEFAULT_CLOCKS).toMatchObject({
      mediation: { months: 1 },
      entrusted: { days: 30 },
      commissionedOrdinary: { days: 15 },
      commissionedSummary: { days: 7 },
      judicialConfirmation: { days: 30 },
      legalAidReview: { days: 7 },
      lawyerAssignment: { days: 3 },
    });
  });

  it('counts months on the China calendar, clamping to the month end', () => {
    expect(addTerm(at('2026-01-31T02:00:00Z'), { months: 1 }).toISOString()).toBe('2026-02-28T02:00:00.000Z');
    // 2026-01-31 20:00 UTC is already 1 February in China: one month later is 1 March in China.
    expect(chinaDate(addTerm(at('2026-01-31T20:00:00Z'), { months: 1 }))).toBe('2026-03-01');
    expect(addTerm(at('2026-09-10T01:00:00Z'), { days: 30 }).toISOString()).toBe('2026-10-10T01:00:00.000Z');
    expect(chinaDate(at('2026-12-31T16:30:00Z'))).toBe('2027-01-01');
  });

  it("gives people's mediation one month, 委派 30 days, 委托 15 or 7 days", () => {
    const accepted = at('2026-02-01T01:00:00Z');
    expect(mediationDueAt(accepted, null, null, DEFAULT_CLOCKS).toISOString()).toBe('2026-03-01T01:00:00.000Z');
    expect(mediationDueAt(accepted, 'TRANSFER', null, DEFAULT_CLOCKS).toISOString()).toBe('2026-03-01T01:00:00.000Z');
    expect(mediationDueAt(accepted, 'ENTRUST', null, DEFAULT_CLOCKS).toISOString()).toBe('2026-03-03T01:00:00.000Z');
    expect(mediationDueAt(accepted, 'COMMISSION', 'ORDINARY', DEFAULT_CLOCKS).toISOString()).toBe('2026-02-16T01:00:00.000Z');
    expect(mediationDueAt(accepted, 'COMMISSION', 'SUMMARY', DEFAULT_CLOCKS).toISOString()).toBe('2026-02-08T01:00:00.000Z');
    expect(mediationTerm('REFERRAL', null, clocksWith({ mediation: { days: 20 } }))).toEqual({ days: 20 });
  });

  it('extends only with the consent of every party, within the limit', () => {
    const due = at('2026-03-01T00:00:00Z');
    const parties = ['a', 'b'];
    expect(extendDueAt(due, 15, { parties, consenting: ['b', 'a'] }, DEFAULT_CLOCKS).toISOString()).toBe('2026-03-16T00:00:00.000Z');
    expect(() => extendDueAt(due, 15, { parties, consenting: ['a'] }, DEFAULT_CLOCKS)).toThrow(
      expect.objectContaining({ code: 'EXTENSION_CONSENT_REQUIRED', details: { missingPartyIds: ['b'] } }),
    );
    expect(() => extendDueAt(due, 15, { parties, consenting: [] }, DEFAULT_CLOCKS)).toThrow(expect.objectContaining({ code: 'EXTENSION_CONSENT_REQUIRED' }));
    expect(() => extendDueAt(due, 15, { parties: [], consenting: [] }, DEFAULT_CLOCKS)).toThrow(
      expect.objectContaining({ code: 'EXTENSION_CONSENT_REQUIRED' }),
    );
    expect(() => extendDueAt(due, 15, { parties, consenting: ['a', 'b', 'x'] }, DEFAULT_CLOCKS)).toThrow(
      expect.objectContaining({ code: 'VALIDATION_FAILED', details: { field: 'consentingPartyIds' } }),
    );
    expect(() => extendDueAt(due, 0, { parties, consenting: parties }, DEFAULT_CLOCKS)).toThrow(expect.objectContaining({ details: { field: 'days' } }));
    expect(() => extendDueAt(due, 31, { parties, consenting: parties }, DEFAULT_CLOCKS)).toThrow(expect.objectContaining({ details: { field: 'days' } }));
    expect(extendDueAt(due, 45, { parties, consenting: parties }, clocksWith({ maxExtensionDays: 60 })).toISOString()).toBe('2026-04-15T00:00:00.000Z');
  });

  it('is overdue only after the due instant', () => {
    const due = at('2026-03-01T00:00:00Z');
    expect(isOverdue(due, at('2026-03-01T00:00:00Z'))).toBe(false);
    expect(isOverdue(due, at('2026-03-01T00:00:01Z'))).toBe(true);
    expect(isOverdue(null, at('2030-01-01T00:00:00Z'))).toBe(false);
  });

  it('derives the judicial-confirmation deadline: effective date + 30 days', () => {
    expect(confirmationDeadline('2026-11-10', DEFAULT_CLOCKS)).toBe('2026-12-10');
    expect(confirmationDeadline('2026-12-15', DEFAULT_CLOCKS)).toBe('2027-01-14');
  });

  it('gives legal aid 7 days to review and 3 days to assign a lawyer', () => {
    expect(legalAidReviewDueAt(at('2026-11-01T02:00:00Z'), DEFAULT_CLOCKS).toISOString()).toBe('2026-11-08T02:00:00.000Z');
    expect(lawyerAssignmentDueAt(at('2026-11-05T02:00:00Z'), DEFAULT_CLOCKS).toISOString()).toBe('2026-11-08T02:00:00.000Z');
    expect(legalAidReviewDueAt(at('2026-11-01T02:00:00Z'), clocksWith({ legalAidReview: { days: 5 } })).toISOString()).toBe('2026-11-06T02:00:00.000Z');
  });

  it('schedules the return visit after conclusion', () => {
    expect(returnVisitDate(at('2026-11-01T02:00:00Z'), DEFAULT_CLOCKS)).toBe('2026-11-16');
  });
});
