// The dashboard's panels, each drawn from the report (or a list) the API answered. Every figure is
// written with `data-figure` (its path in the answer) and `data-unit`, so what a person reads can be
// checked against the API by the same path.
import { errorAt, unavailableText, type GraphQLError } from './api.js';
import {
  BLOCK_BY_KEY,
  BLOCKS,
  CHILD_COLUMNS,
  columnFigure,
  KPIS,
  kpiFigure,
  seriesName,
  TREND_COUNTS,
  TREND_RATES,
  type BlockKey,
  type FigureRef,
  type RankingChoice,
} from './blocks.js';
import { drawChart, groupedBarOption, horizontalBarOption, lineOption, pieOption } from './charts.js';
import { h, replaceChildren, type Child } from './dom.js';
import { formatDate, formatDateTime, formatFigure, type Unit } from './format.js';
import { ALERT_RULES, CATEGORIES, CHANNELS, DOCKING_KINDS, label, RISK_LEVELS, TIERS } from './labels.js';
import type { Block, Breakdown, FunnelRow, Report, TrendPoint } from './report.js';

/** A figure as the page shows it. */
export function figureEl(path: string, value: unknown, unit: Unit, tag: 'span' | 'td' | 'strong' = 'span'): HTMLElement {
  const v = typeof value === 'number' ? value : null;
  return h(tag, { class: 'figure', data: { figure: path, unit } }, formatFigure(v, unit));
}

function blockOf(report: Report, key: BlockKey): Block | null | undefined {
  return report[key];
}

/** "无权查看" / "服务暂不可用" / "暂无数据" for a block the API left empty (undefined: the page did not ask). */
function unavailable(errors: GraphQLError[], path: (string | number)[]): string {
  return unavailableText(errorAt(errors, path));
}

function emptyNote(text: string): HTMLElement {
  return h('p', { class: 'empty' }, text);
}

const LEVEL_ORDER = ['CRITICAL', 'HIGH', 'MEDIUM', 'LOW'];

export function renderKpis(el: Element, report: Report, errors: GraphQLError[]): void {
  const cards = KPIS.map(({ ref, parts }) => {
    const fig = kpiFigure(ref);
    const block = blockOf(report, ref.block);
    const agency = BLOCK_BY_KEY[ref.block].agency;
    if (block === undefined || (block && !(ref.field in block))) return null;
    const body: Child[] = [];
    if (!block) {
      body.push(h('div', { class: 'kpi-value muted' }, '—'), h('div', { class: 'kpi-sub' }, unavailable(errors, ['indicators', ref.block])));
    } else {
      body.push(h('div', { class: 'kpi-value' }, figureEl(`${ref.block}.${ref.field}`, block[ref.field], fig.unit)));
      if (ref.block === 'hub' && ref.field === 'openAlerts' && Array.isArray(block.openAlertsByLevel)) {
        const levels = (block.openAlertsByLevel as Breakdown[]).slice().sort((a, b) => LEVEL_ORDER.indexOf(a.key) - LEVEL_ORDER.indexOf(b.key));
        body.push(
          h(
            'div',
            { class: 'kpi-sub' },
            levels.map((l, i) => [i ? ' · ' : '', label(RISK_LEVELS, l.key), ' ', figureEl(`hub.openAlertsByLevel.${l.key}`, l.count, 'count')]),
          ),
        );
      }
      if (parts) {
        const [num, den] = parts;
        const numFig = kpiFigure(num);
        const denText =
          den === 'population'
            ? ['常住人口 ', figureEl('population', report.population, 'count')]
            : [kpiFigure(den).label, ' ', figureEl(`${den.block}.${den.field}`, block[den.field], 'count')];
        body.push(h('div', { class: 'kpi-sub' }, numFig.label, ' ', figureEl(`${num.block}.${num.field}`, block[num.field], 'count'), ' / ', ...denText));
      }
    }
    return h(
      'div',
      { class: 'kpi', title: fig.definition ?? fig.label, data: { kpi: `${ref.block}.${ref.field}` } },
      h('div', { class: 'kpi-label' }, fig.label, h('span', { class: 'kpi-agency' }, agency)),
      ...body,
    );
  });
  replaceChildren(el, cards.filter(Boolean));
}

/** A visually hidden table of a chart's numbers (read by screen readers, and by the browser test). */
function dataTable(caption: string, head: string[], rows: Child[][]): HTMLElement {
  const cell = (c: Child) => (c instanceof HTMLElement && c.tagName === 'TD' ? c : h('td', null, c));
  // In a clipped block: a table grows to its content whatever its own width says.
  return h(
    'div',
    { class: 'sr-only' },
    h(
      'table',
      null,
      h('caption', null, caption),
      h(
        'thead',
        null,
        h(
          'tr',
          null,
          head.map((c) => h('th', null, c)),
        ),
      ),
      h(
        'tbody',
        null,
        rows.map((r) => h('tr', null, r.map(cell))),
      ),
    ),
  );
}

/** A trend point's label on the axis: without the year, a partial week as its dates ("10-01~10-04"). */
function shortLabel(label: string): string {
  const range = /^\d{4}-(\d{2}-\d{2})至\d{4}-(\d{2}-\d{2})$/.exec(label);
  if (range) return `${range[1]}~${range[2]}`;
  return label.replace(/^\d{4}年(?=第|\d)/, '');
}

function present(points: TrendPoint[], ref: FigureRef): boolean {
  return points.some((p) => {
    const block = p[ref.block];
    return !!block && ref.field in block;
  });
}

export async function renderTrend(el: Element, report: Report): Promise<void> {
  const points = report.trend ?? [];
  if (!points.length) return replaceChildren(el, emptyNote('暂无数据'));
  const counts = TREND_COUNTS.filter((r) => present(points, r));
  const rates = TREND_RATES.filter((r) => present(points, r));
  if (!counts.length && !rates.length) return replaceChildren(el, emptyNote('无权查看或暂无数据'));
  const categories = points.map((p) => shortLabel(p.label));
  const countsEl = h('div', { class: 'chart', data: { chart: 'trend-counts' } });
  const ratesEl = h('div', { class: 'chart short', data: { chart: 'trend-rates' } });
  const value = (p: TrendPoint, r: FigureRef) => {
    const v = p[r.block]?.[r.field];
    return typeof v === 'number' ? v : null;
  };
  const refs = [...counts, ...rates];
  replaceChildren(
    el,
    countsEl,
    rates.length ? ratesEl : null,
    dataTable(
      '趋势数据',
      ['期间', ...refs.map(seriesName)],
      points.map((p, i) => [
        p.label,
        ...refs.map((r) =>
          figureEl(`trend.${i}.${r.block}.${r.field}`, value(p, r), BLOCK_BY_KEY[r.block].figures.find((f) => f.field === r.field)!.unit, 'td'),
        ),
      ]),
    ),
  );
  await drawChart(
    countsEl,
    lineOption(
      categories,
      counts.map((r) => ({ name: seriesName(r), data: points.map((p) => value(p, r)) })),
      false,
    ),
  );
  if (rates.length) {
    await drawChart(
      ratesEl,
      lineOption(
        categories,
        rates.map((r) => ({ name: seriesName(r), data: points.map((p) => value(p, r)) })),
        true,
      ),
    );
  }
}

const FUNNEL_COLUMNS: { field: string; label: string }[] = [
  { field: 'sent', label: '发送' },
  { field: 'accepted', label: '受理' },
  { field: 'rejected', label: '退回' },
  { field: 'concluded', label: '办结' },
  { field: 'concludedWithAgreement', label: '达成协议' },
  { field: 'concludedWithoutAgreement', label: '未达成' },
  { field: 'overdueAcceptance', label: '超期未受理' },
  { field: 'overdueConclusion', label: '超期未办结' },
];

export async function renderFunnel(el: Element, report: Report, errors: GraphQLError[]): Promise<void> {
  const rows = report.dockingFunnel;
  if (rows === undefined) return replaceChildren(el, emptyNote('暂无数据'));
  if (rows === null) return replaceChildren(el, emptyNote(unavailable(errors, ['indicators', 'dockingFunnel'])));
  const kinds = rows.map((r) => r.kindLabel ?? label(DOCKING_KINDS, r.kind));
  const chartEl = h('div', { class: 'chart short', data: { chart: 'funnel' } });
  const num = (r: FunnelRow, f: string) => (typeof r[f] === 'number' ? (r[f] as number) : 0);
  const table = h(
    'table',
    { class: 'grid-table compact' },
    h(
      'thead',
      null,
      h(
        'tr',
        null,
        h('th', null, '类型'),
        FUNNEL_COLUMNS.map((c) => h('th', null, c.label)),
      ),
    ),
    h(
      'tbody',
      null,
      rows.map((r, i) =>
        h(
          'tr',
          null,
          h('th', null, kinds[i]),
          FUNNEL_COLUMNS.map((c) => figureEl(`dockingFunnel.${r.kind}.${c.field}`, r[c.field], 'count', 'td')),
        ),
      ),
    ),
  );
  replaceChildren(el, chartEl, table);
  await drawChart(
    chartEl,
    groupedBarOption(
      kinds,
      ['sent', 'accepted', 'concluded', 'concludedWithAgreement'].map((f) => ({
        name: FUNNEL_COLUMNS.find((c) => c.field === f)!.label,
        data: rows.map((r) => num(r, f)),
      })),
    ),
  );
}

const BREAKDOWNS: { field: string; title: string; labels?: Record<string, string>; chart: 'pie' | 'bar' }[] = [
  { field: 'byChannel', title: '受理渠道', labels: CHANNELS, chart: 'pie' },
  { field: 'byCategory', title: '纠纷类别', labels: CATEGORIES, chart: 'bar' },
  { field: 'byTier', title: '化解层级', labels: TIERS, chart: 'pie' },
];

const CHART_GROUPS = 8;

export async function renderBreakdowns(els: Element[], report: Report, errors: GraphQLError[]): Promise<void> {
  await Promise.all(
    BREAKDOWNS.map(async (b, i) => {
      const el = els[i]!;
      const hub = report.hub;
      if (hub === undefined || (hub && !(b.field in hub))) return replaceChildren(el, emptyNote('暂无数据'));
      if (!hub) return replaceChildren(el, emptyNote(unavailable(errors, ['indicators', 'hub'])));
      const rows = ((hub[b.field] as Breakdown[] | null) ?? []).slice().sort((x, y) => y.count - x.count);
      if (!rows.length) return replaceChildren(el, emptyNote('本期无登记'));
      const names = rows.map((r) => (b.labels ? label(b.labels, r.key) : r.key));
      const chartEl = h('div', { class: 'chart short', data: { chart: b.field } });
      replaceChildren(
        el,
        chartEl,
        dataTable(
          b.title,
          ['分组', '数量'],
          rows.map((r, j) => [names[j]!, figureEl(`hub.${b.field}.${r.key}`, r.count, 'count', 'td')]),
        ),
      );
      // The chart shows the largest groups and the rest as one bar; the table under it has them all.
      const shown = rows.slice(0, rows.length > CHART_GROUPS ? CHART_GROUPS - 1 : CHART_GROUPS);
      const rest = rows.slice(shown.length).reduce((n, r) => n + r.count, 0);
      const chartNames = [...names.slice(0, shown.length), ...(rest ? [`其余 ${rows.length - shown.length} 类`] : [])];
      const chartCounts = [...shown.map((r) => r.count), ...(rest ? [rest] : [])];
      const option =
        b.chart === 'pie' ? pieOption(chartNames.map((name, k) => ({ name, value: chartCounts[k]! }))) : horizontalBarOption(chartNames, chartCounts, false);
      await drawChart(chartEl, option);
    }),
  );
}

export function rankingChoices(report: Report): { block: BlockKey; choice: RankingChoice }[] {
  return BLOCKS.flatMap((b) => (b.ranking && report[b.key] ? b.ranking.choices.map((choice) => ({ block: b.key, choice })) : []));
}

export async function renderRanking(
  el: Element,
  report: Report,
  ranking: { rank: number | null; regionCode: string; value: number | null }[] | null,
  choice: RankingChoice | null,
  note?: string,
): Promise<void> {
  if (!choice || !ranking) return replaceChildren(el, emptyNote(note ?? '暂无数据'));
  if (!ranking.length) return replaceChildren(el, emptyNote('本期下级区划均无记录'));
  const names = new Map(report.children.map((c) => [c.regionCode, c.region?.name ?? c.regionCode]));
  const top = ranking.slice(0, 12);
  const chartEl = h('div', { class: 'chart', data: { chart: 'ranking' } });
  replaceChildren(
    el,
    chartEl,
    dataTable(
      `排名:${choice.label}`,
      ['名次', '区划', choice.label],
      ranking.map((r) => [r.rank ?? '—', names.get(r.regionCode) ?? r.regionCode, figureEl(`ranking.${r.regionCode}`, r.value, choice.unit, 'td')]),
    ),
  );
  await drawChart(
    chartEl,
    horizontalBarOption(
      top.map((r) => `${r.rank ?? '—'}. ${names.get(r.regionCode) ?? r.regionCode}`),
      top.map((r) => r.value),
      choice.unit === 'rate',
    ),
  );
}

export function renderChildren(el: Element, report: Report, errors: GraphQLError[], drill: (code: string) => void): void {
  const children = report.children ?? [];
  el.scrollTop = 0;
  if (!children.length) return replaceChildren(el, emptyNote(report.region?.level === 'VILLAGE' ? '村(社区)为最低一级' : '暂无下级区划'));
  // Towns and villages often have no population on record: the column shows only when some do.
  const population = children.some((c) => c.population !== null);
  const columns = CHILD_COLUMNS.filter((c) => report[c.block] !== undefined && children.some((ch) => ch[c.block] && c.field in ch[c.block]!));
  replaceChildren(
    el,
    h(
      'table',
      { class: 'grid-table children-table' },
      h(
        'thead',
        null,
        h(
          'tr',
          null,
          h('th', null, '区划'),
          population ? h('th', null, '常住人口') : null,
          columns.map((c) => h('th', { title: columnFigure(c).definition ?? '' }, `${BLOCK_BY_KEY[c.block].agency}·${columnFigure(c).label}`)),
        ),
      ),
      h(
        'tbody',
        null,
        children.map((child, i) =>
          h(
            'tr',
            { data: { region: child.regionCode } },
            h(
              'th',
              null,
              h(
                'button',
                { class: 'link', data: { drill: child.regionCode }, on: { click: () => drill(child.regionCode) } },
                child.region?.name ?? child.regionCode,
              ),
            ),
            population ? figureEl(`children.${child.regionCode}.population`, child.population, 'count', 'td') : null,
            columns.map((c) => {
              const block = child[c.block];
              if (!block) return h('td', { class: 'muted' }, unavailable(errors, ['indicators', 'children', i, c.block]));
              return figureEl(`children.${child.regionCode}.${c.block}.${c.field}`, block[c.field], columnFigure(c).unit, 'td');
            }),
          ),
        ),
      ),
    ),
  );
}

export function renderAgencies(el: Element, report: Report, errors: GraphQLError[]): void {
  replaceChildren(
    el,
    BLOCKS.filter((b) => report[b.key] !== undefined).map((b) => {
      const block = report[b.key];
      const figures = block ? b.figures.filter((f) => f.field in block) : [];
      return h(
        'div',
        { class: 'agency', data: { block: b.key } },
        h('h3', null, b.agency),
        block
          ? h(
              'dl',
              null,
              figures.map((f) =>
                h(
                  'div',
                  { class: 'fig', title: f.definition ?? '' },
                  h('dt', null, f.label),
                  h('dd', null, figureEl(`${b.key}.${f.field}`, block[f.field], f.unit)),
                ),
              ),
            )
          : emptyNote(unavailable(errors, ['indicators', b.key])),
      );
    }),
  );
}

export interface DisputeRow {
  id: string;
  number: string;
  category: string;
  statusLabel: string;
  riskLevel: string;
  tier: string;
  registeredAt: string;
  dueAt: string | null;
  region: { name: string } | null;
}

export interface AlertRow {
  id: string;
  disputeId: string | null;
  regionCode: string;
  level: string;
  rule: string;
  reason: string;
  statusLabel: string;
  raisedAt: string;
}

interface Connection<T> {
  totalCount: number;
  edges: { node: T }[];
}

export function renderOverdue(el: Element, list: Connection<DisputeRow> | null | undefined, error: GraphQLError | undefined, open: (id: string) => void): void {
  if (!list) return replaceChildren(el, emptyNote(unavailableText(error)));
  if (!list.edges.length) return replaceChildren(el, emptyNote('当前没有超期未办结的纠纷'));
  replaceChildren(
    el,
    h('p', { class: 'list-total' }, '共 ', h('strong', { data: { total: 'overdue' } }, String(list.totalCount)), ' 件,按登记时间倒序'),
    h(
      'table',
      { class: 'grid-table list-table' },
      h(
        'thead',
        null,
        h(
          'tr',
          null,
          ['统一编号', '类别', '区划', '状态', '风险', '办理时限'].map((c) => h('th', null, c)),
        ),
      ),
      h(
        'tbody',
        null,
        list.edges.map(({ node }) =>
          h(
            'tr',
            { class: 'clickable', data: { dispute: node.id }, on: { click: () => open(node.id) } },
            h('td', null, h('button', { class: 'link' }, node.number)),
            h('td', null, node.category),
            h('td', null, node.region?.name ?? '—'),
            h('td', null, node.statusLabel),
            h('td', null, h('span', { class: `risk risk-${node.riskLevel}` }, label(RISK_LEVELS, node.riskLevel))),
            h('td', { class: 'overdue' }, formatDate(node.dueAt)),
          ),
        ),
      ),
    ),
  );
}

export function renderAlerts(el: Element, list: Connection<AlertRow> | null | undefined, error: GraphQLError | undefined, open: (id: string) => void): void {
  if (!list) return replaceChildren(el, emptyNote(unavailableText(error)));
  if (!list.edges.length) return replaceChildren(el, emptyNote('当前没有待处置的预警'));
  replaceChildren(
    el,
    h('p', { class: 'list-total' }, '共 ', h('strong', { data: { total: 'alerts' } }, String(list.totalCount)), ' 条待处置,新的在前'),
    h(
      'table',
      { class: 'grid-table list-table' },
      h(
        'thead',
        null,
        h(
          'tr',
          null,
          ['等级', '规则', '预警理由', '预警时间'].map((c) => h('th', null, c)),
        ),
      ),
      h(
        'tbody',
        null,
        list.edges.map(({ node }) =>
          h(
            'tr',
            node.disputeId
              ? { class: 'clickable', data: { alert: node.id, dispute: node.disputeId }, on: { click: () => open(node.disputeId!) } }
              : { data: { alert: node.id } },
            h('td', null, h('span', { class: `risk risk-${node.level}` }, label(RISK_LEVELS, node.level))),
            h('td', null, label(ALERT_RULES, node.rule)),
            h('td', { class: 'reason' }, node.reason),
            h('td', null, formatDateTime(node.raisedAt)),
          ),
        ),
      ),
    ),
  );
}
