// IndicatorReport.petition on the demo story: the figures equal a count by hand on petition_item.
import { DEMO_COUNTY, DEMO_TOWN_DAINAN, demoRegions } from '@jiefen/demo-data';
import { ratio } from '@jiefen/subgraph-kit';
import { callerOf, indicatorBlockConformance, recentDays } from '@jiefen/testing';
import { petitionSubgraph } from '../src/subgraph.js';

const towns = demoRegions.filter((r) => r.parentCode === DEMO_COUNTY).map((r) => r.code);

indicatorBlockConformance({
  subgraph: petitionSubgraph,
  field: 'petition',
  region: DEMO_COUNTY,
  children: [DEMO_TOWN_DAINAN, ...towns.filter((t) => t !== DEMO_TOWN_DAINAN)],
  period: recentDays(),
  async handCount(sql, { like, from, to }) {
    const during = (column: string) => `${column} >= '${from.toISOString()}' and ${column} < '${to.toISOString()}'`;
    const [row] = await sql<Record<string, string>>(
      `select
        count(*) filter (where ${during('registered_at')}) as registered,
        count(*) filter (where ${during('registered_at')} and routed_at is not null and routed_at <= route_due_at) as accepted_on_time,
        count(*) filter (where ${during('concluded_at')}) as closed,
        count(*) filter (where ${during('concluded_at')} and handle_due_at is not null and concluded_at <= handle_due_at) as closed_on_time,
        count(*) filter (where ${during('rated_at')}) as rated,
        count(*) filter (where ${during('rated_at')} and satisfaction = 'SATISFIED') as satisfied,
        count(*) filter (where ${during('rated_at')} and satisfaction = 'BASICALLY_SATISFIED') as basically,
        count(*) filter (where ${during('rated_at')} and satisfaction = 'DISSATISFIED') as dissatisfied,
        count(*) filter (where ${during('referred_at')}) as referred,
        count(*) filter (where ${during('concluded_at')} and mediation_outcome = 'SUCCEEDED') as mediated
      from petition_item where region_code like ?`,
      [like],
    );
    const n = (k: string) => Number(row![k]);
    return {
      registered: n('registered'),
      acceptedOnTime: n('accepted_on_time'),
      closed: n('closed'),
      closedOnTime: n('closed_on_time'),
      rated: n('rated'),
      satisfied: n('satisfied'),
      basicallySatisfied: n('basically'),
      dissatisfied: n('dissatisfied'),
      mediationTransfers: n('referred'),
      transfersSucceeded: n('mediated'),
    };
  },
  rates: {
    timelyAcceptanceRate: (f) => ratio(f.acceptedOnTime, f.registered),
    onTimeClosureRate: (f) => ratio(f.closedOnTime, f.closed),
    satisfactionRate: (f) => ratio(f.satisfied + f.basicallySatisfied, f.rated),
  },
  positive: [
    'registered',
    'acceptedOnTime',
    'closed',
    'closedOnTime',
    'rated',
    'basicallySatisfied',
    'dissatisfied',
    'mediationTransfers',
    'transfersSucceeded',
  ],
  ranking: { indicator: 'REGISTERED', figure: 'registered' },
  callers: {
    'town-officer': callerOf('petition-officer', { jurisdiction: DEMO_TOWN_DAINAN }),
    'officer-elsewhere': callerOf('petition-officer', { jurisdiction: '321282' }),
    'leader-elsewhere': callerOf('leader', { jurisdiction: '321282' }),
  },
  personas: [
    { as: 'petition-officer', expect: 'READS' },
    { as: 'leader', expect: 'READS' },
    { as: 'leader', regionCode: DEMO_TOWN_DAINAN, expect: 'READS' },
    { as: 'town-officer', regionCode: DEMO_TOWN_DAINAN, expect: 'READS' },
    { as: 'town-officer', expect: 'FORBIDDEN' },
    { as: 'officer-elsewhere', expect: 'FORBIDDEN' },
    { as: 'leader-elsewhere', expect: 'FORBIDDEN' },
    { as: 'hub-coordinator', expect: 'FORBIDDEN' },
    { as: 'court-staff', expect: 'FORBIDDEN' },
    { as: 'procurator', expect: 'FORBIDDEN' },
    { as: 'mediator', regionCode: DEMO_TOWN_DAINAN, expect: 'FORBIDDEN' },
    { as: 'anonymous', expect: 'FORBIDDEN' },
  ],
  statements: 1,
});
