// How figures read on the page. The browser test formats the API's numbers with the same rules
// (test/dashboard.e2e.ts), so the page and the API can be compared as a person reads them.
export type Unit = 'count' | 'rate' | 'per10k' | 'yuan';

const count = new Intl.NumberFormat('zh-CN', { maximumFractionDigits: 0 });
const yuan = new Intl.NumberFormat('zh-CN', { maximumFractionDigits: 2, minimumFractionDigits: 2 });

/** `null` (a rate whose denominator is 0, a population not known) reads "—". */
export function formatFigure(value: number | null | undefined, unit: Unit): string {
  if (value === null || value === undefined) return '—';
  switch (unit) {
    case 'count':
      return count.format(value);
    case 'rate':
      return `${(value * 100).toFixed(1)}%`;
    case 'per10k':
      return value.toFixed(2);
    case 'yuan':
      return `${yuan.format(value)} 元`;
  }
}

/** China time (the API's periods are China dates). */
export function formatDateTime(iso: string | null | undefined): string {
  if (!iso) return '—';
  const d = new Date(iso);
  const parts = new Intl.DateTimeFormat('zh-CN', {
    timeZone: 'Asia/Shanghai',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    hour12: false,
  }).formatToParts(d);
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  return `${get('year')}-${get('month')}-${get('day')} ${get('hour')}:${get('minute')}`;
}

export function formatDate(iso: string | null | undefined): string {
  return formatDateTime(iso).slice(0, 10);
}
