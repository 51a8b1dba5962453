// IndicatorReport.court on the demo story: the figures equal a count by hand on court_case,
// judicial_confirmation and enforcement_application; 万人成讼率 over the population the gateway
// sends from the hub (@requires), here the demo's own figures in the representation.
import { DEMO_COUNTY, DEMO_TOWN_DAINAN, demoPopulation, demoRegions } from '@jiefen/demo-data';
import { ratio } from '@jiefen/subgraph-kit';
import { callerOf, indicatorBlockConformance, recentDays } from '@jiefen/testing';
import { courtSubgraph } from '../src/subgraph.js';

const towns = demoRegions.filter((r) => r.parentCode === DEMO_COUNTY).map((r) => r.code);
const population = (regionCode: string) => demoPopulation[regionCode] ?? null;

indicatorBlockConformance({
  subgraph: courtSubgraph,
  field: 'court',
  region: DEMO_COUNTY,
  children: [DEMO_TOWN_DAINAN, ...towns.filter((t) => t !== DEMO_TOWN_DAINAN)],
  period: recentDays(),
  requires: (regionCode) => ({ population: population(regionCode) }),
  async handCount(sql, { like, from, to }) {
    const during = (column: string) => `${column} >= '${from.toISOString()}' and ${column} < '${to.toISOString()}'`;
    const [c] = await sql<Record<string, string>>(
      `select
        count(*) filter (where ${during('received_at')}) as received,
        count(*) filter (where ${during('diverted_at')}) as diverted,
        count(*) filter (where ${during('pre_filing_outcome_at')} and pre_filing_outcome = 'SUCCEEDED') as succeeded,
        count(*) filter (where ${during('pre_filing_outcome_at')} and pre_filing_outcome = 'FAILED') as failed,
        count(*) filter (where ${during('filed_at')}) as filings,
        count(*) filter (where ${during('mediation_sent_at')} and mediation_mode = 'ENTRUSTED') as entrusted,
        count(*) filter (where ${during('mediation_outcome_at')} and mediation_mode = 'ENTRUSTED' and mediation_outcome = 'SUCCEEDED') as entrusted_succeeded
      from court_case where region_code like ?`,
      [like],
    );
    const [j] = await sql<Record<string, string>>(
      `select
        count(*) filter (where ${during('applied_at')}) as applied,
        count(*) filter (where ${during('accepted_at')}) as accepted,
        count(*) filter (where ${during('refused_at')}) as refused,
        count(*) filter (where ${during('ruled_at')} and status in ('CONFIRMED', 'PERFORMED', 'ENFORCEMENT_APPLIED')) as confirmed,
        count(*) filter (where ${during('ruled_at')} and status = 'REJECTED') as rejected,
        count(*) filter (where ${during('performed_at')}) as performed
      from judicial_confirmation where region_code like ?`,
      [like],
    );
    const [e] = await sql<Record<string, string>>(
      `select count(*) as applied from enforcement_application where ${during('applied_at')} and region_code like ?`,
      [like],
    );
    const n = (row: Record<string, string> | undefined, k: string) => Number(row![k]);
    return {
      civilCasesReceived: n(c, 'received'),
      divertedPreFiling: n(c, 'diverted'),
      preFilingSucceeded: n(c, 'succeeded'),
      preFilingFailed: n(c, 'failed'),
      filings: n(c, 'filings'),
      entrustedMediations: n(c, 'entrusted'),
      entrustedSucceeded: n(c, 'entrusted_succeeded'),
      confirmationsApplied: n(j, 'applied'),
      confirmationsAccepted: n(j, 'accepted'),
      confirmationsRefused: n(j, 'refused'),
      confirmationsConfirmed: n(j, 'confirmed'),
      confirmationsRejected: n(j, 'rejected'),
      agreementsPerformed: n(j, 'performed'),
      enforcementApplications: n(e, 'applied'),
    };
  },
  rates: {
    diversionRate: (f) => ratio(f.divertedPreFiling, f.civilCasesReceived),
    preFilingResolutionRate: (f) => ratio(f.preFilingSucceeded, f.divertedPreFiling),
    // Filings per 10,000 residents, two decimals; no figure without a known population.
    filingsPer10k: (f, regionCode) => {
      const people = population(regionCode);
      return people ? Math.round((f.filings * 10_000 * 100) / people) / 100 : null;
    },
    confirmationRate: (f) => ratio(f.confirmationsConfirmed, f.confirmationsConfirmed + f.confirmationsRejected),
    voluntaryPerformanceRate: (f) => ratio(f.agreementsPerformed, f.agreementsPerformed + f.enforcementApplications),
  },
  positive: ['civilCasesReceived', 'divertedPreFiling', 'filings', 'confirmationsApplied', 'confirmationsConfirmed', 'enforcementApplications'],
  ranking: { indicator: 'CIVIL_CASES_RECEIVED', figure: 'civilCasesReceived' },
  callers: {
    'town-staff': callerOf('court-staff', { jurisdiction: DEMO_TOWN_DAINAN }),
    'staff-elsewhere': callerOf('court-staff', { jurisdiction: '321282' }),
    'leader-elsewhere': callerOf('leader', { jurisdiction: '321282' }),
  },
  personas: [
    { as: 'court-staff', expect: 'READS' },
    { as: 'leader', expect: 'READS' },
    { as: 'leader', regionCode: DEMO_TOWN_DAINAN, expect: 'READS' },
    { as: 'town-staff', regionCode: DEMO_TOWN_DAINAN, expect: 'READS' },
    { as: 'town-staff', expect: 'FORBIDDEN' },
    { as: 'staff-elsewhere', expect: 'FORBIDDEN' },
    { as: 'leader-elsewhere', expect: 'FORBIDDEN' },
    { as: 'hub-coordinator', expect: 'FORBIDDEN' },
    { as: 'police-officer', regionCode: DEMO_TOWN_DAINAN, expect: 'FORBIDDEN' },
    { as: 'petition-officer', expect: 'FORBIDDEN' },
    { as: 'mediator', regionCode: DEMO_TOWN_DAINAN, expect: 'FORBIDDEN' },
    { as: 'anonymous', expect: 'FORBIDDEN' },
  ],
  statements: 3,
});
