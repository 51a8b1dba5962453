import { createIndicatorBlock, ratio, type IndicatorSource } from '@jiefen/subgraph-kit';
import { PetitionIndicatorsType } from './indicators.type.js';

/**
 * Each figure counts the items by the moment its event happened. The on-time figures compare with
 * the clocks stored on the item when they started (`route_due_at` at registration, `handle_due_at`
 * at acceptance and extension), so a province's own clocks (`JIEFEN_PETITION_CLOCKS`) count as they
 * applied; the on-time share of a rate is the same cohort as its whole (registered, or closed, in
 * the period).
 */
const items = {
  from: 'petition_item x',
  measures: {
    registered: { when: 'registered_at' },
    acceptedOnTime: { when: 'registered_at', where: 'x.routed_at <= x.route_due_at' },
    closed: { when: 'concluded_at' },
    closedOnTime: { when: 'concluded_at', where: 'x.concluded_at <= x.handle_due_at' },
    rated: { when: 'rated_at' },
    satisfied: { when: 'rated_at', where: "x.satisfaction = 'SATISFIED'" },
    basicallySatisfied: { when: 'rated_at', where: "x.satisfaction = 'BASICALLY_SATISFIED'" },
    dissatisfied: { when: 'rated_at', where: "x.satisfaction = 'DISSATISFIED'" },
    mediationTransfers: { when: 'referred_at' },
    transfersSucceeded: { when: 'concluded_at', where: "x.mediation_outcome = 'SUCCEEDED'" },
  },
  rollup: { name: 'petition_items' },
} satisfies IndicatorSource;

/** 信访局 on the indicator report: `IndicatorReport.petition` and its ranking of child regions. */
export const petitionIndicatorResolvers = createIndicatorBlock({
  agency: 'PETITION',
  field: 'petition',
  description: '信访指标:及时受理率、按期办结率、参评满意率与访调对接(信访局人员与领导可看)',
  type: PetitionIndicatorsType,
  sources: [items],
  toType: (c) => ({
    ...c,
    timelyAcceptanceRate: ratio(c.acceptedOnTime, c.registered),
    onTimeClosureRate: ratio(c.closedOnTime, c.closed),
    satisfactionRate: ratio(c.satisfied + c.basicallySatisfied, c.rated),
  }),
  ranking: {
    enum: 'PetitionIndicator',
    indicators: {
      REGISTERED: { name: '登记数', value: (b) => b.registered },
      TIMELY_ACCEPTANCE_RATE: { name: '及时受理率', value: (b) => b.timelyAcceptanceRate },
      CLOSED: { name: '办结数', value: (b) => b.closed },
      ON_TIME_CLOSURE_RATE: { name: '按期办结率', value: (b) => b.onTimeClosureRate },
      SATISFACTION_RATE: { name: '参评满意率', value: (b) => b.satisfactionRate },
      MEDIATION_TRANSFERS: { name: '访调移交数', value: (b) => b.mediationTransfers },
      TRANSFERS_SUCCEEDED: { name: '访调成功数', value: (b) => b.transfersSucceeded },
    },
  },
});
