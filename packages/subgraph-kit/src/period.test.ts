import 'reflect-metadata';
import { describe, expect, it } from 'vitest';
import { DomainError } from './errors.js';
import { periodConditions } from './period.js';

describe('periodConditions', () => {
  const jan = new Date('2026-01-01T00:00:00+08:00');
  const feb = new Date('2026-02-01T00:00:00+08:00');

  it('turns each period into a half-open range on its column, and skips absent or empty ones', () => {
    expect(
      periodConditions({ registered: ['registeredAt', { from: jan, to: feb }], closed: ['closedAt', { to: feb }], sent: ['sentAt', null], x: ['x', {}] }),
    ).toEqual([{ registeredAt: { $gte: jan, $lt: feb } }, { closedAt: { $lt: feb } }]);
  });

  it('refuses every period that ends before it starts, naming each', () => {
    let error: unknown;
    try {
      periodConditions({
        registered: ['registeredAt', { from: feb, to: jan }],
        closed: ['closedAt', { from: feb, to: jan }],
        sent: ['sentAt', { from: jan, to: jan }],
      });
    } catch (e) {
      error = e;
    }
    expect(DomainError.is(error) && error.code).toBe('VALIDATION_FAILED');
    expect((error as DomainError).details.fields).toEqual(['registered.to', 'closed.to']);
  });
});
