import { describe, expect, it } from 'vitest';
import { defineWorkflow } from '@jiefen/workflow';
import { createErrorFormatter, type ErrorLogger } from './errors.js';

const workflow = defineWorkflow<'OPEN' | 'DONE', 'CLOSE', 'CHIEF'>({
  name: '事项',
  states: ['OPEN', 'DONE'],
  events: ['CLOSE'],
  stateNames: { OPEN: '办理中', DONE: '已办结' },
  eventNames: { CLOSE: '办结' },
  actorNames: { CHIEF: '负责人' },
  table: { OPEN: { CLOSE: { to: 'DONE', by: ['CHIEF'] } }, DONE: {} },
});

describe('a refusal of domain code through the error formatter', () => {
  it('keeps its code, Chinese message and details with no adapter between, and logs nothing', () => {
    const logged: unknown[] = [];
    const logger: ErrorLogger = { error: (message) => logged.push(message) };
    let thrown: unknown;
    try {
      workflow.transition('DONE', 'CLOSE', 'CHIEF');
    } catch (error) {
      thrown = error;
    }
    const formatted = createErrorFormatter('test', logger)({ message: 'x', path: ['close'] }, thrown);
    expect(formatted).toEqual({
      message: '事项当前状态“已办结”不允许执行“办结”',
      path: ['close'],
      extensions: { code: 'ILLEGAL_TRANSITION', from: 'DONE', event: 'CLOSE' },
    });
    expect(logged).toEqual([]);
  });
});
