// The dashboard: region and period in the address (`#region=321281123&period=2026-Q4&trend=WEEK`),
// so drilling down, the back button and a shared link all work; one report request per view, the
// lists and the ranking beside it.
import { errorAt, run, SignInRequired, type GraphQLError } from './api.js';
import { claimsOf, type Claims } from './auth.js';
import { BLOCK_BY_KEY, type BlockKey } from './blocks.js';
import { disposeCharts } from './charts.js';
import { openDispute } from './dispute.js';
import { h, replaceChildren } from './dom.js';
import { formatFigure } from './format.js';
import { AGENCIES, label, REGION_LEVELS } from './labels.js';
import { renderPeriodPicker } from './picker.js';
import {
  currentPeriod,
  decodePeriod,
  defaultGranularity,
  encodePeriod,
  granularities,
  GRANULARITY_LABELS,
  periodInput,
  type Granularity,
  type Period,
} from './period.js';
import type { Report } from './report.js';
import {
  rankingChoices,
  renderAgencies,
  renderAlerts,
  renderBreakdowns,
  renderChildren,
  renderFunnel,
  renderKpis,
  renderOverdue,
  renderRanking,
  renderTrend,
  type AlertRow,
  type DisputeRow,
} from './views.js';

interface State {
  regionCode: string;
  period: Period;
  /** null: the period's default. */
  granularity: Granularity | null;
  /** `court.DIVERSION_RATE`; null: the first available. */
  ranking: string | null;
}

interface Lists {
  overdue: { totalCount: number; edges: { node: DisputeRow }[] } | null;
  alerts: { totalCount: number; edges: { node: AlertRow }[] } | null;
}

function panel(title: string, className: string, ...extra: Element[]): { el: HTMLElement; body: HTMLElement; tools: HTMLElement } {
  const tools = h('div', { class: 'tools' }, ...extra);
  const body = h('div', { class: 'panel-body' });
  const el = h('section', { class: `panel ${className}` }, h('header', null, h('h2', null, title), tools), body);
  return { el, body, tools };
}

/**
 * Draws the dashboard for the token's holder, starting at their jurisdiction. `signOut(reason)` is
 * called when the person switches persona or the gateway refuses the token; `signal` ends the view.
 */
export function startDashboard(root: Element, token: string, options: { signal: AbortSignal; signOut: (reason?: string) => void }): void {
  const { signal, signOut } = options;
  const claims = claimsOf(token) as Claims;
  const home = claims.jurisdiction;

  const readState = (): State => {
    const params = new URLSearchParams(window.location.hash.replace(/^#/, ''));
    const region = params.get('region');
    const trend = params.get('trend') as Granularity | null;
    return {
      regionCode: region && /^\d+$/.test(region) && region.startsWith(home) ? region : home,
      period: decodePeriod(params.get('period')) ?? currentPeriod('year'),
      granularity: trend && trend in GRANULARITY_LABELS ? trend : null,
      ranking: params.get('rank'),
    };
  };
  const go = (change: Partial<State>, replace = false) => {
    const next = { ...readState(), ...change };
    const params = new URLSearchParams({ region: next.regionCode, period: encodePeriod(next.period) });
    if (next.granularity) params.set('trend', next.granularity);
    if (next.ranking) params.set('rank', next.ranking);
    const hash = `#${params}`;
    if (replace) history.replaceState(null, '', hash);
    else if (hash !== window.location.hash) window.location.hash = hash;
  };

  // ---- the layout, built once
  const crumbs = h('nav', { class: 'crumbs', attrs: { 'aria-label': '区划' } });
  const picker = h('div', { class: 'period-picker' });
  const user = h(
    'div',
    { class: 'user' },
    h('span', { class: 'who' }, claims.name),
    h('span', { class: 'org' }, `${label(AGENCIES, claims.agency)}`),
    h('button', { class: 'switch', on: { click: () => signOut() } }, '切换角色'),
  );
  const heading = h('h1', { class: 'region-name' });
  const meta = h('div', { class: 'meta' });
  const status = h('div', { class: 'status', attrs: { role: 'status' } });
  const kpis = h('section', { class: 'kpis' });
  const granularity = h('div', { class: 'segmented' });
  const trend = panel('趋势', 'trend', granularity);
  const funnel = panel('对接漏斗(诉调 · 公调 · 检调 · 访调 · 援调)', 'funnel');
  const channel = panel('受理渠道', 'breakdown');
  const category = panel('纠纷类别', 'breakdown');
  const tier = panel('化解层级', 'breakdown');
  const rankingSelect = h('select', { attrs: { name: 'ranking', 'aria-label': '排名指标' } });
  const ranking = panel('下级区划排名', 'ranking', rankingSelect);
  const children = panel('下级区划', 'children');
  const agencies = panel('各部门指标', 'agencies');
  const overdue = panel('超期未办结纠纷', 'list overdue-list');
  const alerts = panel('待处置预警', 'list alerts-list');
  const grid = h('div', { class: 'grid' }, trend.el, funnel.el, channel.el, category.el, tier.el, ranking.el, children.el, agencies.el, overdue.el, alerts.el);
  const main = h('main', null, h('div', { class: 'title-row' }, heading, meta, status), kpis, grid);
  disposeCharts(root);
  replaceChildren(root, h('header', { class: 'topbar' }, h('div', { class: 'brand' }, '解纷 · 矛盾纠纷多元化解驾驶舱'), crumbs, picker, user), main);

  const open = (id: string) => void openDispute(id).catch((e: unknown) => showError(e));
  const showError = (e: unknown) => {
    status.textContent = `加载失败:${e instanceof Error ? e.message : String(e)}`;
    status.className = 'status error';
  };

  let sequence = 0;
  let report: Report | null = null;
  let reportKey = '';
  let listsFor = '';

  const renderCrumbs = (r: Report | null, state: State) => {
    const chain: { code: string; name: string }[] = [];
    for (let at = r?.region ?? null; at; at = at.parent ?? null) chain.unshift({ code: at.code, name: at.name });
    const visible = chain.filter((c) => c.code.startsWith(home) || home.startsWith(c.code));
    const items = visible.length ? visible : [{ code: state.regionCode, name: state.regionCode }];
    replaceChildren(
      crumbs,
      items.map((c, i) => {
        const last = i === items.length - 1;
        const reachable = c.code.startsWith(home);
        return [
          i > 0 ? h('span', { class: 'sep' }, '›') : null,
          last || !reachable
            ? h('span', { class: last ? 'current' : 'muted', data: { crumb: c.code } }, c.name)
            : h('button', { class: 'link', data: { crumb: c.code }, on: { click: () => go({ regionCode: c.code, ranking: null }) } }, c.name),
        ];
      }),
    );
  };

  const loadRanking = async (r: Report, state: State, errors: GraphQLError[], seq: number) => {
    const choices = rankingChoices(r);
    replaceChildren(
      rankingSelect,
      choices.map((c) => h('option', { attrs: { value: `${c.block}.${c.choice.indicator}` } }, `${BLOCK_BY_KEY[c.block].agency}·${c.choice.label}`)),
    );
    const selected = choices.find((c) => `${c.block}.${c.choice.indicator}` === state.ranking) ?? choices[0];
    if (!r.children.length || !selected) {
      const note = !r.children.length ? '无下级区划' : r.court === null ? '无权查看' : '暂无数据';
      return renderRanking(ranking.body, r, null, null, note);
    }
    rankingSelect.value = `${selected.block}.${selected.choice.indicator}`;
    const operation = BLOCK_BY_KEY[selected.block].ranking!.operation;
    const answer = await run<{
      indicators: Partial<Record<BlockKey, { ranking: { rank: number | null; regionCode: string; value: number | null }[] } | null>> | null;
    }>(operation, { regionCode: state.regionCode, period: periodInput(state.period), indicator: selected.choice.indicator, order: 'DESC' });
    if (seq !== sequence) return;
    const rows = answer.data?.indicators?.[selected.block]?.ranking ?? null;
    await renderRanking(ranking.body, r, rows, selected.choice, rows ? undefined : (errorAt(answer.errors, ['indicators'])?.message ?? errors[0]?.message));
  };
  rankingSelect.addEventListener('change', () => go({ ranking: rankingSelect.value }));

  const load = async () => {
    const state = readState();
    shownRegion = state.regionCode;
    const seq = ++sequence;
    const g = state.granularity && granularities(state.period).includes(state.granularity) ? state.granularity : defaultGranularity(state.period);
    renderPeriodPicker(picker, state.period, (p) => go({ period: p, granularity: null }));
    replaceChildren(
      granularity,
      granularities(state.period).map((option) =>
        h(
          'button',
          { class: option === g ? 'on' : '', data: { granularity: option }, on: { click: () => go({ granularity: option }) } },
          GRANULARITY_LABELS[option],
        ),
      ),
    );
    status.textContent = '正在加载…';
    status.className = 'status loading';
    document.body.dataset.loading = 'true';
    try {
      const key = JSON.stringify([state.regionCode, state.period, g]);
      const listsKey = state.regionCode;
      const [answer, lists] = await Promise.all([
        key === reportKey && report
          ? null
          : run<{ indicators: Report | null }>('DashboardReport', { regionCode: state.regionCode, period: periodInput(state.period), granularity: g }),
        listsKey === listsFor ? null : run<Lists>('DashboardLists', { regionCode: state.regionCode, first: 10 }),
      ]);
      if (seq !== sequence) return;
      if (lists) {
        listsFor = listsKey;
        renderOverdue(overdue.body, lists.data?.overdue, errorAt(lists.errors, ['overdue']) ?? lists.errors[0], open);
        renderAlerts(alerts.body, lists.data?.alerts, errorAt(lists.errors, ['alerts']) ?? lists.errors[0], open);
      }
      let errors: GraphQLError[] = [];
      if (answer) {
        errors = answer.errors;
        const r = answer.data?.indicators ?? null;
        if (!r) {
          const error = errorAt(answer.errors, ['indicators']) ?? answer.errors[0];
          throw new Error(error?.extensions?.code === 'FORBIDDEN' ? '无权查看该区划(不在本人辖区内)' : (error?.message ?? '未找到该区划'));
        }
        report = r;
        reportKey = key;
        heading.textContent = r.region?.name ?? r.regionCode;
        heading.dataset.region = r.regionCode;
        replaceChildren(
          meta,
          h('span', { class: 'period-label', data: { periodLabel: r.label } }, r.label),
          h('span', null, label(REGION_LEVELS, r.region?.level)),
          h('span', null, '常住人口 ', formatFigure(r.population, 'count')),
        );
        renderCrumbs(r, state);
        renderKpis(kpis, r, errors);
        renderChildren(children.body, r, errors, (code) => go({ regionCode: code, ranking: state.ranking }));
        renderAgencies(agencies.body, r, errors);
        await Promise.all([
          renderTrend(trend.body, r),
          renderFunnel(funnel.body, r, errors),
          renderBreakdowns([channel.body, category.body, tier.body], r, errors),
          loadRanking(r, state, errors, seq),
        ]);
      } else if (report) {
        await loadRanking(report, state, errors, seq);
      }
      if (seq !== sequence) return;
      status.textContent = `已更新 ${new Date().toLocaleTimeString('zh-CN', { hour12: false })}`;
      status.className = 'status';
      document.body.dataset.loading = 'false';
      document.body.dataset.view = `${state.regionCode}|${encodePeriod(state.period)}|${g}`;
    } catch (e) {
      if (seq !== sequence) return;
      document.body.dataset.loading = 'false';
      if (e instanceof SignInRequired) return signOut('登录已失效,请重新登录');
      showError(e);
    }
  };

  let shownRegion = '';
  window.addEventListener(
    'hashchange',
    () => {
      // A new region starts at the top of the page; a new period or granularity keeps the place.
      if (readState().regionCode !== shownRegion) window.scrollTo(0, 0);
      void load();
    },
    { signal },
  );
  go({}, true);
  void load();
}
