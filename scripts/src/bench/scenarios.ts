// What the bench asks, as the people who ask it: each read scenario is one operation with the
// variables varying from request to request (pages, cursors, ids) and the persona's token varying
// among several subjects. Consecutive requests differ (dozens of distinct variables per scenario):
// the requests in flight at one time are not identical, so a gateway that merges identical
// in-flight subgraph fetches (Hive Gateway does) is measured on the work a real mix asks for.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { repoRoot } from '../paths.js';
import type { BenchRequest } from './load.js';

export interface ReadScenario {
  name: string;
  /** What it stands for, for the report. */
  description: string;
  next(i: number): BenchRequest;
  /** Concurrent clients, when not the bench's default: a dashboard is opened by a few leaders at a time, not 16. */
  concurrency?: number;
}

const DISPUTE_PAGE = `query DisputePage($first: Int!, $after: String) {
  disputes(first: $first, after: $after) {
    totalCount
    pageInfo { hasNextPage endCursor }
    edges { node {
      id number category status tier registeredAt region { name parent { name } }
      mediations { caseNumber organizationName status }
      courtCases { caseNumber stage status }
      policeIncidents { incidentNumber status }
      procuratorateCases { caseNumber }
      petitions { itemNumber }
    } }
  }
}`;

const DISPUTE_VIEW = `query DisputeView($id: ID!) {
  dispute(id: $id) {
    id number category channel status tier summary registeredAt dueAt overdue outcome
    region { name parent { name } }
    parties { name }
    dockings { kind mode status acceptBy concludeBy }
    mediations { caseNumber organizationName mediatorName status outcome receivedAt }
    courtCases { caseNumber cause stage status mediationMode mediationOutcome }
    policeIncidents { incidentNumber station status reportedAt }
    procuratorateCases { caseNumber }
    petitions { itemNumber }
    legalAidCases { id }
  }
}`;

const MEDIATION_INBOX = `query MediationInbox($first: Int!, $after: String) {
  mediationInbox(first: $first, after: $after) {
    pageInfo { hasNextPage endCursor }
    edges { node { id caseNumber dockingId status source mode sourceUnitName category summary receivedAt dueAt overdue parties { name } } }
  }
}`;

const COURT_CASES = `query CourtCases($first: Int!, $after: String) {
  courtCases(first: $first, after: $after) {
    pageInfo { hasNextPage endCursor }
    edges { node { id caseNumber cause stage status regionCode receivedAt mediationMode mediationSentAt mediationDueAt mediationOverdue mediationOutcome mediationOrganization plaintiffName defendantName } }
  }
}`;

const POLICE_INCIDENTS = `query PoliceIncidents($first: Int!, $after: String) {
  policeIncidents(first: $first, after: $after) {
    pageInfo { hasNextPage endCursor }
    edges { node { id incidentNumber station category nonPolice summary status regionCode reportedAt reporterName parties { role name } transfers { dockingId status outcome } } }
  }
}`;

/** A list read as one persona: the first page and the pages after the cursors found at setup. */
export interface ListSetup {
  /** `after` cursors to rotate through (null: the first page). */
  cursors: (string | null)[];
  tokens: string[];
}

const rotate = <T>(values: readonly T[], i: number): T => values[i % values.length]!;

/** A connection's pages, walked once at setup: the cursors a reader would send. */
export const LIST_QUERIES = { DISPUTE_PAGE, MEDIATION_INBOX, COURT_CASES, POLICE_INCIDENTS } as const;

export function disputePage(first: number, setup: ListSetup): ReadScenario {
  return {
    name: `dispute page ${first}`,
    description: `disputes(first: ${first}) with every agency's records, as the leader`,
    next: (i) => ({ query: DISPUTE_PAGE, variables: { first, after: rotate(setup.cursors, i) }, token: rotate(setup.tokens, i) }),
  };
}

export function disputeView(ids: string[], tokens: string[]): ReadScenario {
  return {
    name: 'dispute view',
    description: `dispute(id) with parties, dockings and every agency's records, as the leader (${ids.length} ids rotating)`,
    next: (i) => ({ query: DISPUTE_VIEW, variables: { id: rotate(ids, i) }, token: rotate(tokens, i) }),
  };
}

/** Page sizes `from`…`to`: with the cursors, enough distinct requests that concurrent ones rarely coincide. */
export function sizes(from: number, to: number): number[] {
  return Array.from({ length: to - from + 1 }, (_, k) => from + k);
}

export function listScenario(name: string, description: string, query: string, pageSizes: number[], setup: ListSetup): ReadScenario {
  return {
    name,
    description,
    next: (i) => ({
      query,
      variables: { first: rotate(pageSizes, i), after: rotate(setup.cursors, Math.floor(i / pageSizes.length)) },
      token: rotate(setup.tokens, i),
    }),
  };
}

export const SCENARIO_QUERIES = { MEDIATION_INBOX, COURT_CASES, POLICE_INCIDENTS };

/**
 * The leaders' dashboard in one request: every agency's block for a region and a period, its trend,
 * the docking funnel and the ranking of its children — what `/dashboard` asks when it opens.
 */
/**
 * The dashboard page's own report operation (packages/dashboard/web/operations, the trusted document
 * the page runs by id), sent as its text: the bench measures exactly what the page asks.
 */
const DASHBOARD = readFileSync(join(repoRoot, 'packages/dashboard/web/operations/DashboardReport.graphql'), 'utf8');

/** The trend the page draws by default: months of a year, weeks of a quarter or month (packages/dashboard/web/src/period.ts). */
const pageGranularity = (period: Record<string, number>) => (period.quarter || period.month ? 'WEEK' : 'MONTH');

/** The periods a leader picks: this year and last, their quarters and months (China time). */
export function dashboardPeriods(year: number): Record<string, number>[] {
  return [year, year - 1].flatMap((y) => [
    { year: y },
    ...[1, 2, 3, 4].map((quarter) => ({ year: y, quarter })),
    ...Array.from({ length: 12 }, (_, k) => ({ year: y, month: k + 1 })),
  ]);
}

export function dashboard(level: string, codes: string[], periods: Record<string, number>[], tokens: string[]): ReadScenario {
  return {
    name: `dashboard ${level}`,
    concurrency: Number(process.env.BENCH_DASHBOARD_CONCURRENCY ?? 2),
    description: `the page's DashboardReport: every block, the trend (months of a year, weeks of a quarter or month), funnel and children, as a leader (${codes.length} ${level} codes × ${periods.length} periods)`,
    next: (i) => {
      const period = rotate(periods, Math.floor(i / codes.length));
      return {
        query: DASHBOARD,
        variables: { regionCode: rotate(codes, i), period, granularity: pageGranularity(period) },
        token: rotate(tokens, i),
      };
    },
  };
}
