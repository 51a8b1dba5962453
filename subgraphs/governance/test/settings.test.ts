import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startStack, type Stack } from '@jiefen/testing';
import { createGovernanceSubgraph } from '../src/subgraph.js';
import { mutate, registration } from './hub-helpers.js';

// One way to configure an agency: the clocks and "now" given to createGovernanceSubgraph(options)
// reach the hub's services (registration, routing), not only its definition.

const NOW = new Date('2026-03-02T02:00:00Z');
const DAY = 86_400_000;

describe('createGovernanceSubgraph(options)', () => {
  let stack: Stack;

  beforeAll(async () => {
    const subgraph = createGovernanceSubgraph({ clocks: { routeDays: 9, consentDays: 11 }, now: () => NOW });
    stack = await startStack({ subgraphs: [subgraph], gateway: false, seed: true });
  });
  afterAll(() => stack?.stop());

  it('registers on its own clock and its own routing deadline', async () => {
    const dispute = await mutate<{ id: string; dueAt: string; status: string }>(stack, 'registerDispute', 'RegisterDisputeInput', registration('WINDOW'));
    expect(dispute.status).toBe('REGISTERED');
    expect(Date.parse(dispute.dueAt) - NOW.getTime()).toBe(9 * DAY);
  });

  it('routes on its own consent deadline', async () => {
    const { id } = await mutate<{ id: string }>(stack, 'registerDispute', 'RegisterDisputeInput', registration('WINDOW'));
    const routed = await mutate<{ dueAt: string; status: string }>(stack, 'routeDispute', 'RouteDisputeInput', {
      disputeId: id,
      unitKind: 'MEDIATION_ORGANIZATION',
      unitName: '戴南镇人民调解委员会',
      tier: 'TOWN',
      method: 'PEOPLES_MEDIATION',
      reason: '邻里纠纷,镇调委会调解',
    });
    expect(routed.status).toBe('ROUTED');
    expect(Date.parse(routed.dueAt) - NOW.getTime()).toBe(11 * DAY);
  });
});
