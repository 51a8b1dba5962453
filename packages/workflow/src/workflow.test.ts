import { describe, expect, it } from 'vitest';
import { defineWorkflow, DomainError } from './index.js';

type S = 'OPEN' | 'DONE';
type E = 'CLOSE' | 'REOPEN';
type A = 'CLERK' | 'CHIEF';

const workflow = defineWorkflow<S, E, A, { signed: boolean }>({
  name: '事项',
  states: ['OPEN', 'DONE'],
  events: ['CLOSE', 'REOPEN'],
  stateNames: { OPEN: '办理中', DONE: '已办结' },
  eventNames: { CLOSE: '办结', REOPEN: '重新办理' },
  actorNames: { CLERK: '办事员', CHIEF: '负责人' },
  table: { OPEN: { CLOSE: { to: 'DONE', by: ['CHIEF'] } }, DONE: { REOPEN: { to: 'OPEN', by: ['CLERK', 'CHIEF'] } } },
  guards: {
    CLOSE: ({ signed }) => {
      if (!signed) throw new DomainError('NOT_SIGNED', '须签字后办结');
    },
  },
});

describe('defineWorkflow', () => {
  it('walks the table for a named actor', () => {
    expect(workflow.transition('OPEN', 'CLOSE', 'CHIEF', { signed: true })).toBe('DONE');
    expect(workflow.transition('DONE', 'REOPEN', 'CLERK')).toBe('OPEN');
  });

  it('refuses a missing step with ILLEGAL_TRANSITION, the state and the event', () => {
    expect(() => workflow.transition('DONE', 'CLOSE', 'CHIEF', { signed: true })).toThrow(
      expect.objectContaining({ code: 'ILLEGAL_TRANSITION', message: '事项当前状态“已办结”不允许执行“办结”', details: { from: 'DONE', event: 'CLOSE' } }),
    );
  });

  it("refuses another actor's step with FORBIDDEN, named or by roles", () => {
    expect(() => workflow.transition('OPEN', 'CLOSE', 'CLERK', { signed: true })).toThrow(
      expect.objectContaining({ code: 'FORBIDDEN', message: '办事员不能对事项执行“办结”' }),
    );
    expect(() => workflow.transition('OPEN', 'CLOSE', { roles: ['CLERK', 'LEADER'] }, { signed: true })).toThrow(
      expect.objectContaining({ code: 'FORBIDDEN', message: '“办结”须由负责人办理' }),
    );
    expect(workflow.transition('OPEN', 'CLOSE', { roles: ['CLERK', 'CHIEF'] }, { signed: true })).toBe('DONE');
  });

  it("runs the step's guard after the table and the actor, and needs its facts", () => {
    expect(() => workflow.transition('OPEN', 'CLOSE', 'CHIEF', { signed: false })).toThrow(expect.objectContaining({ code: 'NOT_SIGNED' }));
    expect(() => workflow.transition('OPEN', 'CLOSE', 'CLERK', { signed: false })).toThrow(expect.objectContaining({ code: 'FORBIDDEN' }));
    expect(() => workflow.transition('OPEN', 'CLOSE', 'CHIEF')).toThrow(/needs its facts/);
    expect(() => workflow.transition('OPEN', 'CLOSE', 'CHIEF')).not.toThrow(DomainError);
  });

  it('knows the existing steps and the final states', () => {
    expect(workflow.can('OPEN', 'CLOSE')).toBe(true);
    expect(workflow.can('OPEN', 'REOPEN')).toBe(false);
    expect(workflow.isFinal('OPEN')).toBe(false);
  });
});

describe('DomainError', () => {
  it('is recognized from another copy of the module by its brand', () => {
    const foreign = Object.assign(new Error('x'), { [Symbol.for('jiefen.DomainError')]: true, code: 'X' });
    expect(DomainError.is(foreign)).toBe(true);
    expect(DomainError.is(new Error('x'))).toBe(false);
    expect(DomainError.is(DomainError.validation('f', '无效'))).toBe(true);
  });
});
