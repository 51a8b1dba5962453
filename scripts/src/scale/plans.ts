// The list and indicator queries of every agency, written as the services send them (keysetPage:
// `where <filters> order by <key> desc, id desc limit first+1` and a count; the indicators' own SQL),
// with realistic parameters, for EXPLAIN ANALYZE at scale. Keep in step with the services when a
// list or an indicator changes.
import pg from 'pg';
import type { DatabaseConfig } from '@jiefen/database';

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
const MONTH_AGO = "now() - interval '30 days'";
const YEAR_START = "date_trunc('year', now())";

const during = (column: string) => `x.${column} >= s.f and x.${column} < s.t`;

/**
 * An indicator block's statement for one scope (the county, this year) as the kit's `countScopes`
 * sends it: the scopes unnested and joined to the rows by region prefix, only the rows with an
 * event in the period.
 */
function indicatorScope(table: string, figures: string, moments: string[]): string {
  return `select s.i, ${figures}
      from unnest(array['${COUNTY}']::text[], array[${YEAR_START}]::timestamptz[], array[now()]::timestamptz[]) with ordinality as s(code, f, t, i)
      join ${table} x on left(x.region_code, ${COUNTY.length}) = s.code and (${moments.map((m) => `(${during(m)})`).join(' or ')})
      where x.region_code like '${COUNTY}%'
      group by s.i`;
}

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

/** The hub's dispute figures for the scopes `scopes` selects (code, f, t, i), whose codes have `length` digits. */
function hubDisputes(scopes: string, length: number): string {
  return `select s.i,
        count(*) filter (where x.registered_at >= s.f and x.registered_at < s.t) as registered,
        count(*) filter (where x.resolved_at >= s.f and x.resolved_at < s.t) as resolved,
        count(*) filter (where x.registered_at >= s.f and x.registered_at < s.t and (x.due_at < now())) as overdue,
        count(*) filter (where (x.due_at < now())) as "overdueNow"
      from (${scopes}) s
      join dispute x on left(x.region_code, ${length}) = s.code
        and ((x.registered_at >= s.f and x.registered_at < s.t) or (x.resolved_at >= s.f and x.resolved_at < s.t) or ((x.due_at < now())))
      where x.region_code like '${COUNTY}%'
      group by s.i`;
}

export const PLANNED_QUERIES: PlannedQuery[] = [
  // governance
  ...list('governance', 'disputes (county leader)', 'dispute', `region_code like '${COUNTY}%'`, 'registered_at'),
  ...list('governance', 'disputes (county leader, town filter)', 'dispute', `region_code like '${COUNTY}%' and region_code like '${TOWN}%'`, 'registered_at'),
  ...list('governance', 'disputes (province, status filter)', 'dispute', `region_code like '${PROVINCE}%' and status = 'IN_MEDIATION'`, 'registered_at'),
  // IndicatorReport.hub and dockingFunnel, as the kit's countScopes sends them (subgraphs/governance/src/loaders/hub-indicators.ts).
  {
    database: 'governance',
    name: 'IndicatorReport.hub: disputes (county, last 30 days)',
    sql: hubDisputes(`select '${COUNTY}'::text as code, ${MONTH_AGO} as f, now() as t, 1 as i`, 6),
  },
  {
    database: 'governance',
    name: "IndicatorReport.hub: disputes (county's towns, this year)",
    sql: hubDisputes(`select code, ${YEAR_START} as f, now() as t, row_number() over (order by code) as i from region where parent_code = '${COUNTY}'`, 9),
  },
  {
    database: 'governance',
    name: "IndicatorReport.hub: screening owed and received (county's towns, this year's weeks)",
    sql: `select s.i, count(*) as due, count(rep.id) as received, count(*) filter (where rep.zero_report) as zero
      from (select code, ${YEAR_START} as f, now() as t, row_number() over (order by code) as i from region where parent_code = '${COUNTY}') s
      join (select to_char(w, 'IYYY-"W"IW') as key, 12 as code_length, w + interval '7 days' as ends
            from generate_series(date_trunc('week', ${YEAR_START}), now() - interval '8 days', interval '1 week') w) p on p.ends > s.f and p.ends <= s.t
      join region r on left(r.code, 9) = s.code and length(r.code) = p.code_length and r.name not like '%虚拟%'
      left join screening_report rep on rep.region_code = r.code and rep.period_key = p.key
      where r.code like '${COUNTY}%'
      group by s.i`,
  },
  {
    database: 'governance',
    name: "IndicatorReport.dockingFunnel (county's towns, this year)",
    sql: `select s.i,
        ${['COURT', 'POLICE', 'PROCURATORATE', 'PETITION', 'LEGAL_AID', 'HUB']
          .flatMap((kind) =>
            [
              'true',
              "x.status in ('ACCEPTED', 'IN_PROGRESS', 'CONCLUDED', 'FED_BACK')",
              "x.status = 'REJECTED'",
              'x.concluded_at is not null',
              "x.concluded_at is not null and x.outcome = 'SETTLED'",
              "x.concluded_at is not null and coalesce(x.outcome, '') <> 'SETTLED'",
              "x.status = 'SENT' and x.due_at < now()",
              "x.status in ('ACCEPTED', 'IN_PROGRESS') and x.due_at < now()",
            ].map((step) => `count(*) filter (where x.sent_at >= s.f and x.sent_at < s.t and (x.kind = '${kind}' and x.mode <> 'CONFIRMATION' and ${step}))`),
          )
          .join(',\n        ')}
      from (select code, ${YEAR_START} as f, now() as t, row_number() over (order by code) as i from region where parent_code = '${COUNTY}') s
      join docking x on left(x.region_code, 9) = s.code and (x.sent_at >= s.f and x.sent_at < s.t)
      where x.region_code like '${COUNTY}%'
      group by s.i`,
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
  {
    database: 'justice',
    // As the kit's countScopes sends the justice block's first source (subgraphs/justice/src/graphql/indicators.resolver.ts)
    // for one scope; the other scopes of a page join the same unnest.
    name: 'IndicatorReport.justice: cases and agreements (county, this year)',
    sql: `select s.i,
        count(*) filter (where x.received_at >= s.f and x.received_at < s.t) as "casesReceived",
        count(*) filter (where x.concluded_at >= s.f and x.concluded_at < s.t and (x.status = 'CONCLUDED')) as "casesConcluded",
        count(*) filter (where x.concluded_at >= s.f and x.concluded_at < s.t and (x.status = 'CONCLUDED' and x.outcome = 'AGREEMENT')) as "agreements",
        coalesce(sum(x.amount) filter (where x.concluded_at >= s.f and x.concluded_at < s.t and (x.status = 'CONCLUDED' and x.outcome = 'AGREEMENT')), 0) as "agreementAmount",
        count(*) filter (where x.performance_deadline_at >= s.f and x.performance_deadline_at < s.t
          and (x.effective_date is not null and (x.performance_deadline < ((now() at time zone 'UTC') + interval '8 hours')::date or x.performance_status = 'PERFORMED'))) as "agreementsDue",
        count(*) filter (where x.performance_deadline_at >= s.f and x.performance_deadline_at < s.t
          and (x.effective_date is not null and x.performance_status = 'PERFORMED')) as "agreementsPerformed"
      from unnest(array['${COUNTY}']::text[], array[${YEAR_START}]::timestamptz[], array[now()]::timestamptz[]) with ordinality as s(code, f, t, i)
      join (select c.region_code, c.received_at, c.concluded_at, c.status, c.outcome,
          a.amount, a.effective_date, a.performance_status, a.performance_deadline,
          ((a.performance_deadline)::timestamp - interval '8 hours') at time zone 'UTC' as performance_deadline_at
        from mediation_case c left join mediation_agreement a on a.case_id = c.id) x
        on left(x.region_code, 6) = s.code
        and ((x.received_at >= s.f and x.received_at < s.t) or (x.concluded_at >= s.f and x.concluded_at < s.t)
          or (x.performance_deadline_at >= s.f and x.performance_deadline_at < s.t))
      where x.region_code like '${COUNTY}%'
      group by s.i`,
  },
  ...list('justice', 'mediation organizations (county)', 'mediation_organization', `region_code like '${COUNTY}%'`, 'region_code', 'asc'),
  // court
  ...list('court', 'court cases (county)', 'court_case', `region_code like '${COUNTY}%'`, 'received_at'),
  ...list('court', 'court mediations sent (county)', 'court_case', `region_code like '${COUNTY}%' and mediation_sent_at is not null`, 'mediation_sent_at'),
  {
    database: 'court',
    name: 'court indicators: cases (county, this year)',
    sql: `select count(*) filter (where received_at >= ${YEAR_START} and received_at < now()) as received,
        count(*) filter (where diverted_at >= ${YEAR_START} and diverted_at < now()) as diverted,
        count(*) filter (where pre_filing_outcome = 'SUCCEEDED' and pre_filing_outcome_at >= ${YEAR_START} and pre_filing_outcome_at < now()) as succeeded,
        count(*) filter (where filed_at >= ${YEAR_START} and filed_at < now()) as filings
      from court_case where region_code like '${COUNTY}%'`,
  },
  // police
  ...list('police', 'police incidents (county)', 'police_incident', `region_code like '${COUNTY}%'`, 'reported_at'),
  // petition
  ...list('petition', 'petition items (county)', 'petition_item', `region_code like '${COUNTY}%'`, 'registered_at'),
  {
    database: 'petition',
    name: 'petition indicators (county, this year)',
    sql: indicatorScope(
      'petition_item',
      `count(*) filter (where ${during('registered_at')}) as registered,
        count(*) filter (where ${during('registered_at')} and x.routed_at <= x.route_due_at) as accepted_on_time,
        count(*) filter (where ${during('concluded_at')}) as closed,
        count(*) filter (where ${during('concluded_at')} and x.concluded_at <= x.handle_due_at) as closed_on_time,
        count(*) filter (where ${during('rated_at')}) as rated,
        count(*) filter (where ${during('referred_at')}) as transfers`,
      ['registered_at', 'concluded_at', 'rated_at', 'referred_at'],
    ),
  },
  // procuratorate
  ...list('procuratorate', 'procuratorate cases (county)', 'procuratorate_case', `region_code like '${COUNTY}%'`, 'received_at'),
  {
    database: 'procuratorate',
    name: 'procuratorate indicators: cases (county, this year)',
    sql: indicatorScope(
      'procuratorate_case',
      `count(*) filter (where ${during('referred_at')}) as referrals,
        count(*) filter (where ${during('outcome_at')} and x.outcome = 'RECONCILED') as agreements,
        count(*) filter (where ${during('concluded_at')} and x.decision = 'NO_PROSECUTION') as non_prosecution`,
      ['referred_at', 'outcome_at', 'concluded_at'],
    ),
  },
  {
    database: 'procuratorate',
    name: 'procuratorate indicators: hand-overs accepted (county, this year)',
    sql: indicatorScope('docking_outgoing', `count(*) filter (where ${during('accepted_at')} and x.kind = 'PROCURATORATE') as accepted`, ['accepted_at']),
  },
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
