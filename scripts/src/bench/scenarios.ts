// What the bench asks, as the people who ask it: each read scenario is one operation with the
// variables varying from request to request (pages, cursors, ids) and the persona's token varying
// among several subjects. Consecutive requests differ (dozens of distinct variables per scenario):
// the requests in flight at one time are not identical, so a gateway that merges identical
// in-flight subgraph fetches (Hive Gateway does) is measured on the work a real mix asks for.
import type { BenchRequest } from './load.js';

export interface ReadScenario {
  name: string;
  /** What it stands for, for the report. */
  description: string;
  next(i: number): BenchRequest;
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
