import { describe, expect, it } from 'vitest';
import { DomainError } from './errors.js';
import { check, FieldErrors } from './validate.js';

describe('FieldErrors: every invalid field at once', () => {
  it('collects each failed check, keeps the valid values and throws them all together', () => {
    const errors = new FieldErrors();
    const name = errors.field(() => check.text('name', '姓名', '张三', { max: 50 }));
    const phone = errors.field(() => check.phone('phone', '123'));
    errors.add('parties[0].role', '当事人身份无效');
    expect(name).toBe('张三');
    expect(phone).toBeUndefined();
    expect(errors.ok).toBe(false);
    let thrown: unknown;
    try {
      errors.done();
    } catch (error) {
      thrown = error;
    }
    expect(DomainError.is(thrown)).toBe(true);
    expect(thrown).toMatchObject({
      code: 'VALIDATION_FAILED',
      details: { field: 'phone', fields: ['phone', 'parties[0].role'] },
      message: '输入有误(2 处):phone:联系电话无效(11 位手机号或带区号的固定电话);parties[0].role:当事人身份无效',
    });
  });

  it('passes other errors through and returns when all is valid', () => {
    const errors = new FieldErrors();
    expect(() =>
      errors.field(() => {
        throw DomainError.forbidden();
      }),
    ).toThrow(expect.objectContaining({ code: 'FORBIDDEN' }));
    expect(() => errors.done()).not.toThrow();
  });

  it('flattens a nested collection', () => {
    const inner = new FieldErrors();
    inner.add('a', 'x');
    inner.add('b', 'y');
    const outer = new FieldErrors();
    outer.field(() => inner.done());
    expect(outer.invalid.map((e) => e.field)).toEqual(['a', 'b']);
  });
});
