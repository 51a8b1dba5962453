// The one dispute view (一案一档) in a dialog: the hub's record and each agency's, exactly as the API
// answers the caller — personal data arrives masked for leaders and is shown as it comes.
import { errorAt, run, unavailableText } from './api.js';
import { h, replaceChildren, type Child } from './dom.js';
import { formatDateTime } from './format.js';
import { AGENCIES, CHANNELS, DOCKING_KINDS, label, PARTY_ROLES, RISK_LEVELS, TIERS } from './labels.js';

interface Dispute {
  id: string;
  number: string;
  category: string;
  channel: string;
  summary: string;
  peopleInvolved: number;
  tier: string;
  statusLabel: string;
  riskLevel: string;
  registeredAt: string;
  dueAt: string | null;
  overdue: boolean;
  outcome: string | null;
  resolvedAt: string | null;
  closedAt: string | null;
  firstContactName: string | null;
  region: { name: string; parent: { name: string } | null } | null;
  responsibleUnit: { name: string; agency: string | null } | null;
  parties: { id: string; role: string; minor: boolean; name: string; idNumber: string | null; phone: string | null }[];
  dockings: {
    id: string;
    kind: string;
    statusLabel: string;
    fromAgency: string;
    toAgency: string;
    receivingOrganization: { name: string | null } | null;
    sentAt: string;
    dueAt: string | null;
    overdue: boolean;
    outcome: string | null;
  }[];
  handling: { timeline: { sequence: number; at: string; actorName: string; summary: string }[] } | null;
  mediations: { caseNumber: string; organizationName: string | null; mediatorName: string | null; statusLabel: string }[] | null;
  courtCases: { caseNumber: string; cause: string | null; statusLabel: string }[] | null;
  policeIncidents: { incidentNumber: string; station: string | null; statusLabel: string }[] | null;
  procuratorateCases: { caseNumber: string; charge: string | null; statusLabel: string }[] | null;
  petitions: { itemNumber: string; subject: string | null; statusLabel: string }[] | null;
  legalAidCases: { applicationNumber: string; centerName: string | null; statusLabel: string }[] | null;
}

function dl(pairs: [string, Child][]): HTMLElement {
  return h(
    'dl',
    { class: 'facts' },
    pairs.map(([k, v]) => h('div', null, h('dt', null, k), h('dd', null, v ?? '—'))),
  );
}

function table(head: string[], rows: Child[][]): HTMLElement {
  return h(
    'table',
    { class: 'grid-table compact' },
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
      rows.map((r) =>
        h(
          'tr',
          null,
          r.map((c) => h('td', null, c ?? '—')),
        ),
      ),
    ),
  );
}

function section(title: string, ...body: Child[]): HTMLElement {
  return h('section', { class: 'dv-section' }, h('h3', null, title), ...body);
}

function records(title: string, rows: Child[][] | null, head: string[], agency: string): HTMLElement | null {
  if (rows === null) return section(title, h('p', { class: 'empty' }, `${agency}:无权查看或服务暂不可用`));
  if (!rows.length) return null;
  return section(title, table(head, rows));
}

let dialog: HTMLDialogElement | null = null;

function dialogEl(): HTMLDialogElement {
  if (dialog) return dialog;
  const el = h('dialog', { class: 'dispute-view', attrs: { 'aria-labelledby': 'dv-title' } });
  // A click on the backdrop (the dialog element itself, outside its content) closes it.
  el.addEventListener('click', (e) => {
    if (e.target === el) el.close();
  });
  document.body.appendChild(el);
  dialog = el;
  return el;
}

export async function openDispute(id: string): Promise<void> {
  const dlg = dialogEl();
  const close = h('button', { class: 'close', attrs: { 'aria-label': '关闭' }, on: { click: () => dlg.close() } }, '×');
  const body = h('div', { class: 'dv-body' }, h('p', { class: 'message' }, '正在加载纠纷档案…'));
  replaceChildren(dlg, h('header', null, h('h2', { attrs: { id: 'dv-title' } }, '纠纷档案'), close), body);
  if (!dlg.open) dlg.showModal();
  const { data, errors } = await run<{ dispute: Dispute | null }>('DisputeView', { id });
  const d = data?.dispute;
  if (!d) {
    replaceChildren(body, h('p', { class: 'empty' }, unavailableText(errorAt(errors, ['dispute']) ?? { message: '未找到该纠纷' })));
    return;
  }
  const title = dlg.querySelector('#dv-title');
  if (title) title.textContent = `纠纷档案 ${d.number}`;
  const regionName = d.region ? `${d.region.parent ? `${d.region.parent.name} ` : ''}${d.region.name}` : '—';
  replaceChildren(
    body,
    h('p', { class: 'dv-summary', data: { disputeNumber: d.number } }, d.summary),
    dl([
      ['统一编号', d.number],
      ['状态', d.statusLabel],
      ['纠纷类别', d.category],
      ['受理渠道', label(CHANNELS, d.channel)],
      ['发生地', regionName],
      ['涉及人数', String(d.peopleInvolved)],
      ['化解层级', label(TIERS, d.tier)],
      ['风险等级', label(RISK_LEVELS, d.riskLevel)],
      ['登记时间', formatDateTime(d.registeredAt)],
      ['办理时限', d.dueAt ? h('span', { class: d.overdue ? 'overdue' : '' }, formatDateTime(d.dueAt), d.overdue ? '(已超期)' : '') : '—'],
      ['承办单位', d.responsibleUnit ? `${d.responsibleUnit.name}${d.responsibleUnit.agency ? `(${label(AGENCIES, d.responsibleUnit.agency)})` : ''}` : '—'],
      ['首接责任人', d.firstContactName ?? '—'],
      ['化解结果', d.outcome === 'RESOLVED' ? '化解成功' : d.outcome === 'UNRESOLVED' ? '化解不成' : '—'],
      ['结案时间', formatDateTime(d.closedAt)],
    ]),
    section(
      '当事人(个人信息按权限脱敏)',
      d.parties.length
        ? table(
            ['身份', '姓名', '公民身份号码', '联系电话', ''],
            d.parties.map((p) => [label(PARTY_ROLES, p.role), p.name, p.idNumber ?? '—', p.phone ?? '—', p.minor ? '未成年人' : '']),
          )
        : h('p', { class: 'empty' }, '无'),
    ),
    d.dockings.length
      ? section(
          '对接',
          table(
            ['类型', '发起', '接收', '状态', '发送时间', '时限'],
            d.dockings.map((k) => [
              label(DOCKING_KINDS, k.kind),
              label(AGENCIES, k.fromAgency),
              k.receivingOrganization?.name ?? label(AGENCIES, k.toAgency),
              k.statusLabel,
              formatDateTime(k.sentAt),
              k.dueAt ? h('span', { class: k.overdue ? 'overdue' : '' }, formatDateTime(k.dueAt)) : '—',
            ]),
          ),
        )
      : null,
    records(
      '人民调解(司法局)',
      d.mediations?.map((m) => [m.caseNumber, m.organizationName, m.mediatorName, m.statusLabel]) ?? null,
      ['案号', '调解组织', '调解员', '状态'],
      '司法局',
    ),
    records('法院案件', d.courtCases?.map((c) => [c.caseNumber, c.cause, c.statusLabel]) ?? null, ['案号', '案由', '状态'], '法院'),
    records('警情(公安)', d.policeIncidents?.map((p) => [p.incidentNumber, p.station, p.statusLabel]) ?? null, ['警情编号', '派出所', '状态'], '公安'),
    records('检察案件', d.procuratorateCases?.map((p) => [p.caseNumber, p.charge, p.statusLabel]) ?? null, ['案号', '罪名', '状态'], '检察院'),
    records('信访事项', d.petitions?.map((p) => [p.itemNumber, p.subject, p.statusLabel]) ?? null, ['编号', '事由', '状态'], '信访局'),
    records('法律援助', d.legalAidCases?.map((l) => [l.applicationNumber, l.centerName, l.statusLabel]) ?? null, ['申请编号', '援助中心', '状态'], '司法局'),
    d.handling?.timeline.length
      ? section(
          '办理过程',
          h(
            'ol',
            { class: 'timeline' },
            d.handling.timeline.map((t) =>
              h('li', null, h('time', null, formatDateTime(t.at)), h('span', { class: 'actor' }, t.actorName), h('span', null, t.summary)),
            ),
          ),
        )
      : null,
  );
}
