// The list and indicator queries of every agency, written as the services send them (keysetPage:
// `where <filters> order by <key> desc, id desc limit first+1` and a count; the indicators' own SQL),
// with realistic parameters, for EXPLAIN ANALYZE at scale. Keep in step with the services when a
// list or an indicator changes.
import pg from 'pg';
import { chinaYear, namedPeriod, periodBuckets } from '@jiefen/calendar';
import type { DatabaseConfig } from '@jiefen/database';
import { countScopesStatement, type IndicatorScope, type IndicatorSource } from '@jiefen/subgraph-kit';

export interface PlannedQuery {
  database: string;
  name: string;
  sql: string;
  /** Run first (not explained): its row's `k` and `id` replace `$K` and `$ID` in `sql` — the cursor of a later page. */
  cursorSql?: string;
}

const COUNTY = '321281';
const TOWN = '321281123';
const PROVINCE = '32';
const YEAR_START = "date_trunc('year', now())";

/** A keyset page (first page and the page after a cursor) and its count, as keysetPage sends them. */
function list(database: string, name: string, table: string, where: string, key: string, order: 'desc' | 'asc' = 'desc'): PlannedQuery[] {
  const cmp = order === 'desc' ? '<' : '>';
  return [
    { database, name: `${name}: first page`, sql: `select * from ${table} where ${where} order by ${key} ${order}, id ${order} limit 51` },
    {
      database,
      name: `${name}: page 11 (after a cursor)`,
      cursorSql: `select ${key}::text as k, id::text as id from ${table} where ${where} order by ${key} ${order}, id ${order} offset 499 limit 1`,
      sql: `select * from ${table} where ${where} and (${key} ${cmp} '$K' or (${key} = '$K' and id ${cmp} '$ID')) order by ${key} ${order}, id ${order} limit 51`,
    },
    { database, name: `${name}: totalCount`, sql: `select count(*) from ${table} where ${where}` },
  ];
}

/** A parameter as SQL text, as knex expands it (an array as its elements). */
function literal(value: unknown): string {
  if (Array.isArray(value)) return value.map(literal).join(', ');
  if (value instanceof Date) return `'${value.toISOString()}'`;
  if (typeof value === 'number') return String(value);
  return `'${String(value).replace(/'/g, "''")}'`;
}

/** A kit statement with its parameters written in. */
const inline = ({ sql, params }: { sql: string; params: unknown[] }) => {
  let n = 0;
  return sql.replace(/\?/g, () => literal(params[n++]));
};

/**
 * The page's trend fetch for a region this year: the report's period and its months (13 scopes of
 * one code, each row within the year meeting two of them); the children come in a fetch of their
 * own, where each row meets one scope.
 */
function yearWithTrend(regionCode: string): IndicatorScope[] {
  const year = namedPeriod({ year: chinaYear(new Date()) })!;
  return [year, ...periodBuckets(year.from, year.to, 'MONTH')].map((p) => ({ regionCode, from: p.from, to: p.to }));
}

/**
 * The indicator sources as the agencies define them (copied from their indicators.resolver.ts and
 * the hub's loaders/hub-indicators.ts: keep in step), explained as the kit's `countScopes` sends them.
 */
const CHINA_TODAY = "((now() at time zone 'UTC') + interval '8 hours')::date";
const SOURCES: { database: string; name: string; source: IndicatorSource }[] = [
  {
    database: 'governance',
    name: 'hub: disputes',
    source: {
      from: 'dispute x',
      measures: {
        registered: { when: 'registered_at' },
        resolved: { when: 'resolved_at' },
        overdue: { when: 'registered_at', where: 'x.due_at < now()' },
        overdueNow: { where: 'x.due_at < now()' },
      },
    },
  },
  {
    database: 'governance',
    name: 'hub: alerts',
    source: { from: 'risk_alert x', measures: { alertsRaised: { when: 'raised_at' }, openAlerts: { where: "x.status = 'OPEN'" } } },
  },
  {
    database: 'governance',
    name: 'dockingFunnel (COURT kind; the five kinds alike)',
    source: {
      from: 'docking x',
      measures: {
        sent: { when: 'sent_at', where: "x.kind = 'COURT' and x.mode <> 'CONFIRMATION'" },
        accepted: {
          when: 'sent_at',
          where: "x.kind = 'COURT' and x.mode <> 'CONFIRMATION' and x.status in ('ACCEPTED', 'IN_PROGRESS', 'CONCLUDED', 'FED_BACK')",
        },
        overdueAcceptance: { when: 'sent_at', where: "x.kind = 'COURT' and x.mode <> 'CONFIRMATION' and x.status = 'SENT' and x.due_at < now()" },
      },
    },
  },
  {
    database: 'justice',
    name: 'justice: cases (agreement amount)',
    source: {
      from: `(select c.region_code, c.received_at, c.concluded_at, c.status, c.outcome, a.amount
        from mediation_case c left join (select case_id, amount from mediation_agreement where region_code like :prefix) a on a.case_id = c.id) x`,
      measures: {
        casesReceived: { when: 'received_at' },
        casesConcluded: { when: 'concluded_at', where: "x.status = 'CONCLUDED'" },
        agreementAmount: { when: 'concluded_at', where: "x.status = 'CONCLUDED' and x.outcome = 'AGREEMENT'", sum: 'amount' },
      },
    },
  },
  {
    database: 'justice',
    name: 'justice: agreements performed',
    source: {
      from: `(select a.region_code, a.effective_date, a.performance_status, a.performance_deadline,
          ((a.performance_deadline)::timestamp - interval '8 hours') at time zone 'UTC' as performance_deadline_at from mediation_agreement a) x`,
      measures: {
        agreementsDue: {
          when: 'performance_deadline_at',
          where: `x.effective_date is not null and (x.performance_deadline < ${CHINA_TODAY} or x.performance_status = 'PERFORMED')`,
        },
        agreementsPerformed: { when: 'performance_deadline_at', where: "x.effective_date is not null and x.performance_status = 'PERFORMED'" },
      },
    },
  },
  {
    database: 'court',
    name: 'court: cases',
    source: {
      from: 'court_case x',
      measures: {
        civilCasesReceived: { when: 'received_at' },
        divertedPreFiling: { when: 'diverted_at' },
        preFilingSucceeded: { when: 'pre_filing_outcome_at', where: "x.pre_filing_outcome = 'SUCCEEDED'" },
        filings: { when: 'filed_at' },
        entrustedMediations: { when: 'mediation_sent_at', where: "x.mediation_mode = 'ENTRUSTED'" },
      },
    },
  },
  {
    database: 'police',
    name: 'police: incidents',
    source: {
      from: 'police_incident x',
      measures: {
        incidents: { when: 'reported_at' },
        nonPoliceDiverted: {
          when: 'reported_at',
          where:
            "x.non_police and (x.dispute_id is not null or exists (select 1 from docking_outgoing o where o.record_type = 'PoliceIncident' and o.record_id = x.id::text))",
        },
      },
    },
  },
  {
    database: 'police',
    name: 'police: 治安调解',
    source: {
      from: '(select i.region_code, m.status, m.concluded_at from police_mediation m join police_incident i on i.id = m.incident_id) x',
      measures: {
        mediationsConcluded: { when: 'concluded_at' },
        mediationsAgreed: { when: 'concluded_at', where: "x.status in ('PERFORMED', 'NOT_PERFORMED')" },
      },
    },
  },
  {
    database: 'police',
    name: 'police: 公调 hand-overs',
    source: {
      from: 'docking_outgoing x',
      measures: {
        transfersSent: { when: 'sent_at', where: "x.kind = 'POLICE'" },
        transfersAccepted: { when: 'accepted_at', where: "x.kind = 'POLICE'" },
        transfersSucceeded: { when: 'concluded_at', where: "x.kind = 'POLICE' and x.outcome = 'AGREEMENT'" },
      },
    },
  },
  {
    database: 'petition',
    name: 'petition: items',
    source: {
      from: 'petition_item x',
      measures: {
        registered: { when: 'registered_at' },
        acceptedOnTime: { when: 'registered_at', where: 'x.routed_at <= x.route_due_at' },
        closed: { when: 'concluded_at' },
        closedOnTime: { when: 'concluded_at', where: 'x.concluded_at <= x.handle_due_at' },
        rated: { when: 'rated_at' },
        mediationTransfers: { when: 'referred_at' },
      },
    },
  },
  {
    database: 'procuratorate',
    name: 'procuratorate: cases',
    source: {
      from: 'procuratorate_case x',
      measures: {
        referrals: { when: 'referred_at' },
        agreementsReached: { when: 'outcome_at', where: "x.outcome = 'RECONCILED'" },
        nonProsecutionDecisions: { when: 'concluded_at', where: "x.decision = 'NO_PROSECUTION'" },
      },
    },
  },
];

/** Each source's statement for the county and for a town: this year and its 12 months (13 scopes of one code length). */
const INDICATOR_QUERIES: PlannedQuery[] = SOURCES.flatMap(({ database, name, source }) =>
  [
    ['county', COUNTY],
    ['town', TOWN],
  ].map(([level, code]) => ({
    database,
    name: `IndicatorReport.${name} (${level}, this year + 12 months)`,
    sql: inline(countScopesStatement(source, yearWithTrend(code!))!),
  })),
);

export const PLANNED_QUERIES: PlannedQuery[] = [
  // governance
  ...list('governance', 'disputes (county leader)', 'dispute', `region_code like '${COUNTY}%'`, 'registered_at'),
  ...list('governance', 'disputes (county leader, town filter)', 'dispute', `region_code like '${COUNTY}%' and region_code like '${TOWN}%'`, 'registered_at'),
  ...list('governance', 'disputes (province, status filter)', 'dispute', `region_code like '${PROVINCE}%' and status = 'IN_MEDIATION'`, 'registered_at'),
  // IndicatorReport.hub's screening compliance (subgraphs/governance/src/loaders/hub-indicators.ts); the kit's statements are in INDICATOR_QUERIES.
  {
    database: 'governance',
    name: "IndicatorReport.hub: screening owed and received (county's towns, this year's weeks)",
    sql: `with p as materialized (
        select to_char(w, 'IYYY-"W"IW') as key, 12 as code_length, w + interval '7 days' as ends
        from generate_series(date_trunc('week', ${YEAR_START}), now() - interval '8 days', interval '1 week') w
      ), owing as materialized (
        select r.code from region r where r.code like '${COUNTY}%' and r.name not like '%虚拟%'
      ), o as materialized (
        select left(code, 9) as code, length(code) as code_length, count(*) as regions from owing group by 1, 2
      ), k as materialized (
        select left(g.region_code, 9) as code, p.ends, count(*) as received, count(*) filter (where g.zero_report) as zero
        from (select g.region_code, g.period_key, g.zero_report from screening_report g
              where g.region_code like '${COUNTY}%' and g.region_code in (select code from owing)) g
        join p on p.key = g.period_key and p.code_length = length(g.region_code)
        group by 1, 2
      )
      select s.i,
        (select sum(o.regions) from o join p on p.code_length = o.code_length where left(o.code, length(s.code)) = s.code and p.ends > s.f and p.ends <= s.t) as due,
        (select sum(k.received) from k where left(k.code, length(s.code)) = s.code and k.ends > s.f and k.ends <= s.t) as received,
        (select sum(k.zero) from k where left(k.code, length(s.code)) = s.code and k.ends > s.f and k.ends <= s.t) as zero
      from (select code, ${YEAR_START} as f, now() as t, row_number() over (order by code) as i from region where parent_code = '${COUNTY}') s`,
  },
  ...list('governance', 'dockings (county)', 'docking', `region_code like '${COUNTY}%'`, 'sent_at'),
  ...list('governance', 'risk alerts (county)', 'risk_alert', `region_code like '${COUNTY}%'`, 'raised_at'),
  {
    database: 'governance',
    name: 'open alerts by level (county)',
    sql: `select level, count(*) as n from risk_alert where status = 'OPEN' and region_code like '${COUNTY}%' group by level`,
  },
  {
    database: 'governance',
    name: 'overdue scan: disputes (county)',
    sql: `select d.id from dispute d where d.due_at < now() and d.region_code like '${COUNTY}%'`,
  },
  {
    database: 'governance',
    name: 'overdue scan: dockings (county)',
    sql: `select k.id from docking k where k.due_at < now() and k.region_code like '${COUNTY}%'`,
  },
  {
    database: 'governance',
    name: 'screening reports of last week (county)',
    sql: `select * from screening_report where period_key = (select max(period_key) from screening_report) and region_code like '${COUNTY}%' order by region_code asc limit 51`,
  },
  {
    database: 'governance',
    name: 'dispute timeline (one dispute)',
    sql: `select * from dispute_activity where dispute_id = (select id from dispute where region_code like '${TOWN}%' limit 1) order by sequence`,
  },
  // justice
  ...list('justice', 'mediation cases (county)', 'mediation_case', `region_code like '${COUNTY}%'`, 'received_at'),
  ...list(
    'justice',
    "committee's inbox (PENDING)",
    'mediation_case',
    `organization_code = '54321281MJ12345677' and status = 'PENDING' and region_code like '${COUNTY}%'`,
    'received_at',
  ),
  ...list('justice', 'mediation organizations (county)', 'mediation_organization', `region_code like '${COUNTY}%'`, 'region_code', 'asc'),
  // court
  ...list('court', 'court cases (county)', 'court_case', `region_code like '${COUNTY}%'`, 'received_at'),
  ...list('court', 'court mediations sent (county)', 'court_case', `region_code like '${COUNTY}%' and mediation_sent_at is not null`, 'mediation_sent_at'),
  // police
  ...list('police', 'police incidents (county)', 'police_incident', `region_code like '${COUNTY}%'`, 'reported_at'),
  // petition
  ...list('petition', 'petition items (county)', 'petition_item', `region_code like '${COUNTY}%'`, 'registered_at'),
  // procuratorate
  ...list('procuratorate', 'procuratorate cases (county)', 'procuratorate_case', `region_code like '${COUNTY}%'`, 'received_at'),
  ...INDICATOR_QUERIES,
];

interface PlanNode {
  'Node Type': string;
  'Index Name'?: string;
  'Relation Name'?: string;
  'Actual Rows': number;
  'Actual Loops': number;
  'Rows Removed by Filter'?: number;
  Plans?: PlanNode[];
}

export interface PlanSummary {
  query: PlannedQuery;
  /** The top node and the scans below it (index or sequential, with the index's name). */
  plan: string;
  rows: number;
  ms: number;
  seqScanRows: number;
}

function scans(node: PlanNode, out: string[]): number {
  let seq = 0;
  if (node['Node Type'].includes('Scan')) {
    out.push(node['Index Name'] ? `${node['Node Type']} ${node['Index Name']}` : `${node['Node Type']} ${node['Relation Name'] ?? ''}`.trim());
    if (node['Node Type'] === 'Seq Scan') seq += (node['Actual Rows'] + (node['Rows Removed by Filter'] ?? 0)) * node['Actual Loops'];
  }
  for (const child of node.Plans ?? []) seq += scans(child, out);
  return seq;
}

/** EXPLAIN (ANALYZE) of every planned query; run twice, the second (warm) timing kept. */
export async function explainAll(configs: Record<string, DatabaseConfig>, queries = PLANNED_QUERIES): Promise<PlanSummary[]> {
  const out: PlanSummary[] = [];
  const clients = new Map<string, pg.Client>();
  try {
    for (const query of queries) {
      let client = clients.get(query.database);
      if (!client) {
        const c = configs[query.database]!;
        client = new pg.Client({ host: c.host, port: c.port, user: c.user, password: c.password, database: c.dbName });
        await client.connect();
        clients.set(query.database, client);
      }
      let sql = query.sql;
      if (query.cursorSql) {
        const { rows } = await client.query<{ k: string; id: string }>(query.cursorSql);
        // Fewer rows than the cursor's offset: the page after the last row is empty.
        const cursor = rows[0] ?? { k: '1970-01-01', id: '00000000-0000-0000-0000-000000000000' };
        sql = sql.replaceAll('$K', cursor.k.replace(/'/g, "''")).replaceAll('$ID', cursor.id);
      }
      let result: { Plan: PlanNode; 'Execution Time': number } | undefined;
      for (let run = 0; run < 2; run += 1) {
        const { rows } = await client.query<{ 'QUERY PLAN': { Plan: PlanNode; 'Execution Time': number }[] }>(`explain (analyze, format json) ${sql}`);
        result = rows[0]!['QUERY PLAN'][0]!;
      }
      const found: string[] = [];
      const seqScanRows = scans(result!.Plan, found);
      out.push({
        query,
        plan: [result!.Plan['Node Type'], ...new Set(found)].join(' ← '),
        rows: result!.Plan['Actual Rows'],
        ms: result!['Execution Time'],
        seqScanRows,
      });
    }
  } finally {
    for (const client of clients.values()) await client.end();
  }
  return out;
}
