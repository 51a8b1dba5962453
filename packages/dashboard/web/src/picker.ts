// The period picker: a kind (年度 / 季度 / 月份 / 周 / 自定义) and its value.
import { h, replaceChildren } from './dom.js';
import { chinaToday, currentPeriod, KIND_LABELS, weeksInYear, type Period, type PeriodKind } from './period.js';

function select(name: string, options: [string, string][], value: string, onChange: (v: string) => void): HTMLSelectElement {
  const el = h(
    'select',
    { attrs: { name, 'aria-label': name } },
    options.map(([v, text]) => h('option', { attrs: { value: v } }, text)),
  );
  el.value = value;
  el.addEventListener('change', () => onChange(el.value));
  return el;
}

export function renderPeriodPicker(el: Element, period: Period, onChange: (p: Period) => void): void {
  const today = chinaToday();
  const years: [string, string][] = [];
  for (let y = today.year; y >= today.year - 4; y--) years.push([String(y), `${y}年`]);
  const kind = select('统计期间类型', Object.entries(KIND_LABELS) as [string, string][], period.kind, (v) => onChange(currentPeriod(v as PeriodKind)));
  const parts: Element[] = [kind];
  if (period.kind !== 'range') parts.push(select('年份', years, String(period.year), (v) => onChange({ ...period, year: Number(v) })));
  if (period.kind === 'quarter') {
    parts.push(
      select(
        '季度',
        [1, 2, 3, 4].map((q) => [String(q), `第${q}季度`]),
        String(period.quarter),
        (v) => onChange({ ...period, quarter: Number(v) }),
      ),
    );
  }
  if (period.kind === 'month') {
    parts.push(
      select(
        '月份',
        Array.from({ length: 12 }, (_, i) => [String(i + 1), `${i + 1}月`]),
        String(period.month),
        (v) => onChange({ ...period, month: Number(v) }),
      ),
    );
  }
  if (period.kind === 'week') {
    parts.push(
      select(
        'ISO 周',
        Array.from({ length: weeksInYear(period.year) }, (_, i) => [String(i + 1), `第${i + 1}周`]),
        String(period.week),
        (v) => onChange({ ...period, week: Number(v) }),
      ),
    );
  }
  if (period.kind === 'range') {
    const from = h('input', { attrs: { type: 'date', name: 'from', 'aria-label': '起始日期', value: period.from ?? '' } });
    const to = h('input', { attrs: { type: 'date', name: 'to', 'aria-label': '截止日期', value: period.to ?? '' } });
    const apply = h(
      'button',
      {
        class: 'apply',
        on: {
          click: () => {
            if (from.value && to.value && from.value <= to.value)
              onChange({ kind: 'range', year: Number(from.value.slice(0, 4)), from: from.value, to: to.value });
          },
        },
      },
      '查询',
    );
    parts.push(from, h('span', null, '至'), to, apply);
  }
  replaceChildren(el, parts);
}
