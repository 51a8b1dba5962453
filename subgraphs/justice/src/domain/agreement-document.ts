/**
 * The printable 人民调解协议书 (人民调解法 Art 28–29; the form of 司法部《人民调解文书格式》):
 * a complete HTML document in the form people sign. Pure: every user-supplied text is escaped.
 */
export interface DocumentParty {
  role: string;
  name: string;
  sex: string | null;
  idNumber: string | null;
  phone: string | null;
  address: string | null;
}

export interface AgreementDocument {
  number: string;
  organizationName: string;
  caseNumber: string;
  form: 'WRITTEN' | 'ORAL';
  parties: DocumentParty[];
  facts: string;
  mattersInDispute: string;
  responsibilities: string;
  terms: string[];
  performanceMethod: string;
  performanceDeadline: string;
  amount: number | null;
  mediatorName: string;
  madeOn: string;
  effectiveDate: string | null;
  confirmationDeadline: string | null;
  copies: number;
}

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ESCAPES[c]!);
}

const ROLE_NAMES: Record<string, string> = { APPLICANT: '申请人', RESPONDENT: '被申请人', THIRD_PARTY: '第三人' };
const SEX_NAMES: Record<string, string> = { MALE: '男', FEMALE: '女' };
const CHINESE_DIGITS = ['〇', '一', '二', '三', '四', '五', '六', '七', '八', '九'];

/** 2026-11-28 → 二〇二六年十一月二十八日 (the way documents are dated). */
export function chineseDate(date: string): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const small = (n: number) =>
    n < 10 ? CHINESE_DIGITS[n]! : `${n >= 20 ? CHINESE_DIGITS[Math.floor(n / 10)]! : ''}十${n % 10 ? CHINESE_DIGITS[n % 10]! : ''}`;
  return `${[...String(y)].map((c) => CHINESE_DIGITS[Number(c)]!).join('')}年${small(m)}月${small(d)}日`;
}

/** 一、二、… for the numbered terms. */
function ordinal(n: number): string {
  return n <= 10 ? (n === 10 ? '十' : CHINESE_DIGITS[n]!) : `${n < 20 ? '' : CHINESE_DIGITS[Math.floor(n / 10)]!}十${n % 10 ? CHINESE_DIGITS[n % 10]! : ''}`;
}

const text = (value: string | null) => escapeHtml(value ?? '');
const paragraphs = (value: string) =>
  value
    .split(/\n+/)
    .filter((p) => p.trim())
    .map((p) => `<p>${escapeHtml(p)}</p>`)
    .join('\n      ');

function partyBlock(p: DocumentParty): string {
  const details = [
    `${escapeHtml(ROLE_NAMES[p.role] ?? p.role)}:${text(p.name)}`,
    p.sex ? `性别:${escapeHtml(SEX_NAMES[p.sex] ?? p.sex)}` : null,
    p.idNumber ? `公民身份号码:${text(p.idNumber)}` : null,
    p.phone ? `联系电话:${text(p.phone)}` : null,
    p.address ? `住址:${text(p.address)}` : null,
  ].filter((x): x is string => x !== null);
  return `<p class="party">${details.join(',')}。</p>`;
}

export function renderAgreementDocument(doc: AgreementDocument): string {
  const title = doc.form === 'ORAL' ? '口头调解协议登记表' : '人民调解协议书';
  const terms = doc.terms.map((t, i) => `<li><span class="n">${ordinal(i + 1)}、</span>${escapeHtml(t)}</li>`).join('\n        ');
  const amount = doc.amount === null ? '' : `<p>协议涉及金额:人民币 ${doc.amount.toFixed(2)} 元。</p>`;
  const partySignatures = doc.parties
    .map(
      (p) =>
        `<div class="sign"><span>${escapeHtml(ROLE_NAMES[p.role] ?? p.role)}(签名、盖章或按指印):</span><span class="line"></span><span>${text(p.name)}</span><span class="date">年&#12288;&#12288;月&#12288;&#12288;日</span></div>`,
    )
    .join('\n      ');
  const effect =
    doc.form === 'ORAL'
      ? '<p>本口头调解协议自各方当事人达成协议之日起生效,由调解员记录在案。</p>'
      : '<p>本协议自各方当事人签名、盖章或者按指印,人民调解员签名并加盖人民调解委员会印章之日起生效。</p>';
  const confirmation = doc.confirmationDeadline
    ? `<p>双方当事人认为有必要的,可以自本协议生效之日起三十日内(即${escapeHtml(chineseDate(doc.confirmationDeadline))}前)共同向人民法院申请司法确认。</p>`
    : '<p>双方当事人认为有必要的,可以自本协议生效之日起三十日内共同向人民法院申请司法确认。</p>';
  return `<!DOCTYPE html>
<html lang="zh-CN">
<head>
  <meta charset="utf-8">
  <title>${escapeHtml(title)} ${text(doc.number)}</title>
  <style>
    @page { size: A4; margin: 25mm 20mm; }
    body { font-family: "FangSong", "仿宋", "SimSun", serif; font-size: 16pt; line-height: 1.8; color: #000; }
    h1 { font-family: "SimHei", "黑体", sans-serif; text-align: center; font-size: 22pt; letter-spacing: 0.3em; margin: 0 0 0.2em; }
    .number { text-align: right; margin: 0 0 1em; }
    h2 { font-family: "SimHei", "黑体", sans-serif; font-size: 16pt; margin: 0.8em 0 0.2em; }
    p { text-indent: 2em; margin: 0.2em 0; }
    p.party { text-indent: 0; }
    ol { list-style: none; padding-left: 2em; margin: 0.2em 0; }
    .signatures { margin-top: 2em; }
    .sign { display: flex; gap: 0.5em; align-items: flex-end; margin: 1.2em 0; }
    .sign .line { flex: 1; border-bottom: 1px solid #000; min-width: 8em; }
    .seal { margin-top: 2em; text-align: right; }
    @media print { .noprint { display: none; } }
  </style>
</head>
<body>
  <main>
    <h1>${escapeHtml(title)}</h1>
    <p class="number">${text(doc.number)}</p>
    <section class="parties">
      <h2>当事人基本情况</h2>
      ${doc.parties.map(partyBlock).join('\n      ')}
    </section>
    <section>
      <h2>纠纷主要事实、争议事项</h2>
      ${paragraphs(doc.facts)}
      ${paragraphs(doc.mattersInDispute)}
    </section>
    <section>
      <h2>各方责任</h2>
      ${paragraphs(doc.responsibilities)}
    </section>
    <section>
      <h2>经${text(doc.organizationName)}主持调解,当事人自愿达成如下协议:</h2>
      <ol>
        ${terms}
      </ol>
      ${amount}
    </section>
    <section>
      <h2>履行方式、时限</h2>
      ${paragraphs(doc.performanceMethod)}
      <p>履行期限:${escapeHtml(chineseDate(doc.performanceDeadline))}前履行完毕。</p>
    </section>
    <section>
      ${effect}
      ${confirmation}
      <p>本协议一式${CHINESE_DIGITS[doc.copies] ?? String(doc.copies)}份,各方当事人、人民调解委员会各执一份,具有法律约束力,当事人应当按照约定履行。</p>
    </section>
    <section class="signatures">
      ${partySignatures}
      <div class="sign"><span>人民调解员(签名):</span><span class="line"></span><span>${text(doc.mediatorName)}</span><span class="date">年&#12288;&#12288;月&#12288;&#12288;日</span></div>
      <div class="seal">
        <p>${text(doc.organizationName)}(印章)</p>
        <p>${escapeHtml(chineseDate(doc.madeOn))}</p>
      </div>
    </section>
    <p class="noprint">调解案号:${text(doc.caseNumber)}</p>
  </main>
</body>
</html>
`;
}
