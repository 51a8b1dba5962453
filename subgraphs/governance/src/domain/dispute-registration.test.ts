import { describe, expect, it } from 'vitest';
import { formatDisputeNumber, numberScope, partiesProblem, registrationYear } from './dispute-registration.js';

describe('dispute registration rules', () => {
  it('numbers per town and year', () => {
    expect(numberScope('321281123201')).toBe('321281123');
    expect(formatDisputeNumber('321281123201', 2026, 17)).toBe('321281123-2026-000017');
  });

  it('counts the year in China Standard Time', () => {
    expect(registrationYear(new Date('2026-12-31T16:30:00Z'))).toBe(2027);
    expect(registrationYear(new Date('2026-12-31T15:59:00Z'))).toBe(2026);
  });

  it('wants an applicant and no party twice', () => {
    expect(partiesProblem([])).toMatchObject({ message: '至少需要一名当事人' });
    expect(partiesProblem([{ role: 'RESPONDENT', idNumber: null }])).toMatchObject({ message: '至少需要一名申请人' });
    expect(
      partiesProblem([
        { role: 'APPLICANT', idNumber: 'A' },
        { role: 'RESPONDENT', idNumber: 'A' },
      ]),
    ).toMatchObject({ index: 1 });
    expect(
      partiesProblem([
        { role: 'APPLICANT', idNumber: 'A' },
        { role: 'RESPONDENT', idNumber: null },
      ]),
    ).toBeNull();
  });
});
