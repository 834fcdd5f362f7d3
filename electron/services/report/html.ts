/**
 * The report as one self-contained HTML document: inline CSS, inline SVG charts, the logo as a
 * data URL, no scripts and nothing fetched. Every piece of text that comes from data is escaped
 * (a member named `<script>` prints as text). `lang` follows the report's language so Chinese
 * renders with Chinese glyphs; print CSS keeps sections and tables from splitting badly on A4.
 */
import type { Metric } from '../../../shared/kpi';
import { metricDefinition } from '../../../shared/kpi/definitions';
import { metricNames } from '../../../shared/kpi/names';
import type { MemberRow } from '../../../shared/member-grid';
import type { ReportSection } from '../../../shared/report';
import { activeRatioChart, activityChart, growthChart, npsChart, tierChart, tierMovesChart } from './charts';
import type { ReportData } from './data';
import { reportWords, type ReportWords } from './words';

/**
 * Text made safe for HTML content and attribute values.
 *
 * @example
 * escapeHtml('<script>alert(1)</script>') // '&lt;script&gt;alert(1)&lt;/script&gt;'
 */
export function escapeHtml(text: string): string {
  return text.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c,
  );
}
const e = escapeHtml;

/**
 * A name shortened for readers outside the team: the first character, then asterisks.
 *
 * @example
 * maskName('王小芳') // '王**'
 */
export function maskName(name: string): string {
  const chars = [...name.trim()];
  if (chars.length === 0) return '*';
  return `${chars[0]}${'*'.repeat(Math.min(3, Math.max(1, chars.length - 1)))}`;
}

const colours = { green: '#2f7a4a', yellow: '#c99a06', orange: '#d9730d', red: '#c0392b', none: '#8a94a3' } as const;

function formatter(data: ReportData) {
  const locale = data.locale === 'zh-CN' ? 'zh-CN' : 'en-US';
  const number = new Intl.NumberFormat(locale, { maximumFractionDigits: 0 });
  const decimal = new Intl.NumberFormat(locale, { maximumFractionDigits: 2 });
  const money = new Intl.NumberFormat(locale, {
    style: 'currency',
    currency: data.workspace.currency,
    maximumFractionDigits: 2,
  });
  const pct = (x: number, digits = 1) => `${(x * 100).toFixed(digits)}%`;
  const metric = (m: Metric, value: number | null): string => {
    if (value === null) return '—';
    switch (m.unit) {
      case 'ratio':
        return pct(value);
      case 'money':
        return money.format(value);
      case 'per_member':
        return decimal.format(value);
      default:
        return number.format(value);
    }
  };
  const delta = (m: Metric): string => {
    if (m.delta === null) return '—';
    const sign = m.delta > 0 ? '+' : m.delta < 0 ? '−' : '±';
    const size = Math.abs(m.delta);
    if (m.unit === 'ratio') return `${sign}${(size * 100).toFixed(1)} pt`;
    return `${sign}${m.unit === 'money' ? money.format(size) : m.unit === 'per_member' ? decimal.format(size) : number.format(size)}`;
  };
  const dateTime = new Intl.DateTimeFormat(locale, {
    timeZone: data.workspace.timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  });
  const date = new Intl.DateTimeFormat(locale, {
    timeZone: data.workspace.timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  });
  return { number, decimal, money, pct, metric, delta, dateTime, date };
}

type Format = ReturnType<typeof formatter>;

const dot = (colour: keyof typeof colours, label: string) =>
  `<span class="light"><span class="dot" style="background:${colours[colour]}"></span>${e(label)}</span>`;

function table(head: readonly string[], rows: readonly (readonly string[])[], numeric: readonly number[] = []): string {
  const th = head.map((h, i) => `<th${numeric.includes(i) ? ' class="num"' : ''}>${e(h)}</th>`).join('');
  const body = rows
    .map(
      (r) => `<tr>${r.map((cell, i) => `<td${numeric.includes(i) ? ' class="num"' : ''}>${cell}</td>`).join('')}</tr>`,
    )
    .join('');
  return `<table><thead><tr>${th}</tr></thead><tbody>${body}</tbody></table>`;
}

function section(id: string, title: string, body: string | null, w: ReportWords): string {
  return `<section id="${id}"><h2>${e(title)}</h2>${body ?? `<p class="empty">${e(w.noData)}</p>`}</section>`;
}

function figure(caption: string, svg: string): string {
  return `<figure><figcaption>${e(caption)}</figcaption>${svg}</figure>`;
}

function metricName(m: Metric, data: ReportData): string {
  return metricNames[m.id][data.locale];
}

function summary(data: ReportData, w: ReportWords, f: Format): string {
  const d = data.dashboard;
  const overall = d.overall ?? 'none';
  const score = d.scorecard.score === null ? '—' : String(Math.round(d.scorecard.score));
  const dims = d.scorecard.dimensions
    .map(
      (dim) =>
        `<div class="kpi"><span>${e(w[`dimension_${dim.id}`])}</span><b>${dim.score === null ? '—' : Math.round(dim.score)}</b></div>`,
    )
    .join('');
  const changes = data.biggestChanges.map((m) => [
    e(metricName(m, data)),
    f.metric(m, m.value),
    f.metric(m, m.previous),
    f.delta(m),
  ]);
  const lights = d.metrics
    .filter((m) => m.status !== null)
    .map((m) => [
      e(metricName(m, data)),
      f.metric(m, m.value),
      dot(m.status ?? 'none', w[`colour_${m.status ?? 'none'}`]),
      e(m.statusReason ?? ''),
    ]);
  return [
    `<div class="kpis"><div class="kpi big"><span>${e(w.overallHealth)}</span><b>${dot(overall, w[`colour_${overall}`])}</b></div>`,
    `<div class="kpi big"><span>${e(w.scorecard)}</span><b data-score="${score}">${score}</b></div>${dims}</div>`,
    changes.length > 0
      ? `<h3>${e(w.biggestChanges)}</h3>${table([w.metric, w.value, w.previous, w.change], changes, [1, 2, 3])}`
      : '',
    lights.length > 0
      ? `<h3>${e(w.trafficLights)}</h3>${table([w.metric, w.value, w.status, w.reason], lights, [1])}`
      : '',
  ].join('');
}

function kpis(data: ReportData, w: ReportWords, f: Format, band: { low: number; high: number }): string {
  const d = data.dashboard;
  const rows = d.metrics.map((m) => [
    e(metricName(m, data)),
    m.value === null ? `<span class="muted">${e(w.missing)}</span>` : f.metric(m, m.value),
    f.metric(m, m.previous),
    f.delta(m),
  ]);
  const charts = [
    d.series.growth.length > 0 ? figure(w.growth, growthChart(d.series, w)) : '',
    d.series.activity.length > 0 ? figure(w.activity, activityChart(d.series, w)) : '',
    d.series.activeRatio.some((r) => r.ratio !== null)
      ? figure(w.activeRatio, activeRatioChart(d.series, band, w))
      : '',
    d.series.nps.some((n) => n.nps !== null) ? figure(w.npsTrend, npsChart(d.series, w)) : '',
  ].join('');
  return `${table([w.metric, w.value, w.previous, w.change], rows, [1, 2, 3])}${charts}`;
}

function retention(data: ReportData, w: ReportWords, f: Format): string | null {
  const cohorts = data.dashboard.series.cohorts;
  if (cohorts.length === 0) return null;
  const cell = (x: number | null) =>
    x === null
      ? '<span class="muted">—</span>'
      : `<span class="heat" style="background:rgba(31,111,139,${(0.08 + x * 0.6).toFixed(2)})">${f.pct(x, 0)}</span>`;
  return table(
    [w.cohort, w.size, 'D1', 'D7', 'D30', 'D90'],
    cohorts.map((c) => [e(c.cohort), f.number.format(c.size), cell(c.d1), cell(c.d7), cell(c.d30), cell(c.d90)]),
    [1, 2, 3, 4, 5],
  );
}

function tiers(data: ReportData, w: ReportWords): string | null {
  const s = data.dashboard.series;
  if (s.tiers.length === 0) return null;
  const named = s.tiers.map((t) => ({ name: data.tierNames.get(t.tier) ?? t.tier, count: t.count }));
  return (
    figure(w.tierDistribution, tierChart(named)) +
    (s.tierMoves.some((m) => m.promoted + m.demoted > 0) ? figure(w.tierMoves, tierMovesChart(s, w)) : '')
  );
}

function memberName(row: MemberRow, data: ReportData): string {
  return e(data.maskNames ? maskName(row.name) : row.name);
}

function advocates(data: ReportData, w: ReportWords, f: Format): string | null {
  if (data.advocates.length === 0) return null;
  return (
    table(
      [w.name, w.tier, w.influence, w.points],
      data.advocates.map((m) => [
        memberName(m, data),
        e(data.tierNames.get(m.tier) ?? m.tier),
        f.decimal.format(m.influence),
        f.number.format(m.points),
      ]),
      [2, 3],
    ) + (data.maskNames ? `<p class="note">${e(w.masked)}</p>` : '')
  );
}

function churn(data: ReportData, w: ReportWords, f: Format): string | null {
  if (data.atRisk.length === 0) return null;
  return (
    `<p class="note">${e(w.churnNote)}</p>` +
    table(
      [w.name, w.tier, w.churnRisk, w.clv, w.lastSeen],
      data.atRisk.map((m) => [
        memberName(m, data),
        e(data.tierNames.get(m.tier) ?? m.tier),
        m.churnRisk === null ? '—' : f.pct(m.churnRisk, 0),
        m.clv === null ? '—' : f.money.format(m.clv),
        m.lastSeen === null ? '—' : e(f.date.format(m.lastSeen)),
      ]),
      [2, 3],
    ) +
    (data.maskNames ? `<p class="note">${e(w.masked)}</p>` : '')
  );
}

function content(data: ReportData, w: ReportWords, f: Format): string | null {
  const c = data.content;
  if (c.planned + c.cancelled === 0) return null;
  const kpi = (label: string, value: string) => `<div class="kpi"><span>${e(label)}</span><b>${value}</b></div>`;
  const mix = c.mix
    .filter((g) => g.total > 0)
    .flatMap((g) =>
      g.parts.map((p) => [
        e(w[`group_${g.group}`]),
        e(w[`value_${p.key}` as keyof ReportWords] ?? p.key),
        p.share === null ? '—' : `${p.share.toFixed(1)}%`,
        `${p.target}%`,
        p.drift === null ? '—' : `${p.drift > 0 ? '+' : ''}${p.drift.toFixed(1)}`,
        dot(p.status === 'amber' ? 'orange' : p.status === 'ok' ? 'green' : 'none', p.status === 'amber' ? '!' : '✓'),
      ]),
    );
  return [
    '<div class="kpis">',
    kpi(w.planned, f.number.format(c.planned)),
    kpi(w.published, f.number.format(c.published)),
    kpi(w.cancelled, f.number.format(c.cancelled)),
    kpi(w.highValue, f.number.format(c.highValue)),
    kpi(w.reach, c.reach === null ? '—' : f.number.format(c.reach)),
    '</div>',
    mix.length > 0
      ? `<h3>${e(w.mix)}</h3>${table([w.group_pillar + ' / ' + w.group_format, '', w.share, w.target, w.drift, w.status], mix, [2, 3, 4])}`
      : '',
  ].join('');
}

function incidents(data: ReportData, w: ReportWords, f: Format): string | null {
  if (data.incidents.length === 0) return null;
  return data.incidents
    .map((i) => {
      const pm = i.postmortem;
      const when = `${e(w.started)} ${e(f.dateTime.format(i.startedAt))} · ${i.closedAt === null ? e(w.open) : `${e(w.closed)} ${e(f.dateTime.format(i.closedAt))}`}`;
      const body = pm
        ? `<h4>${e(w.postmortem)}</h4><p>${e(pm.summary)}</p>` +
          (pm.wentWell ? `<p><b>${e(w.wentWell)}</b>: ${e(pm.wentWell)}</p>` : '') +
          (pm.toChange ? `<p><b>${e(w.toChange)}</b>: ${e(pm.toChange)}</p>` : '') +
          (pm.followUps.length > 0
            ? `<p><b>${e(w.followUps)}</b></p><ul>${pm.followUps.map((u) => `<li>${e(u.title)}${u.owner ? ` — ${e(u.owner)}` : ''}${u.due ? ` (${e(u.due)})` : ''}</li>`).join('')}</ul>`
            : '')
        : '';
      return `<div class="incident">${dot(i.colour, `${w[`colour_${i.colour}`]} · ${w.level} ${i.level}`)} ${i.isDrill ? `<span class="drill">${e(w.drill)}</span>` : ''}<h3>${e(i.title)}</h3><p class="muted">${when}</p>${body}</div>`;
    })
    .join('');
}

function goals(data: ReportData, w: ReportWords, f: Format): string | null {
  const list = data.dashboard.goals;
  if (list.length === 0) return null;
  return table(
    [w.metric, w.goalTarget, w.due, w.current, w.progress, w.forecast, w.status],
    list.map((g) => {
      const m = data.dashboard.metrics.find((x) => x.id === g.metric);
      const show = (v: number | null) => (m ? f.metric(m, v) : v === null ? '—' : f.decimal.format(v));
      return [
        e(metricNames[g.metric][data.locale]),
        show(g.target),
        e(g.dueDay),
        show(g.current),
        g.progress === null ? '—' : f.pct(g.progress, 0),
        show(g.forecast),
        e(w[`goal_${g.status}` as keyof ReportWords] ?? g.status),
      ];
    }),
    [1, 3, 4, 5],
  );
}

function definitions(data: ReportData): string {
  return `<dl>${data.dashboard.metrics.map((m) => `<dt>${e(metricName(m, data))}</dt><dd>${e(metricDefinition(m.id, data.locale))}</dd>`).join('')}</dl>`;
}

const CSS = `
@page { size: A4; }
* { box-sizing: border-box; }
html { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
body { margin: 0; color: #1e293b; font: 10.5pt/1.55 "Noto Sans CJK SC", "Source Han Sans SC", "PingFang SC", "Microsoft YaHei", "Helvetica Neue", Arial, sans-serif; }
.cover { height: 250mm; display: flex; flex-direction: column; justify-content: center; padding: 0 8mm; border-left: 6mm solid var(--brand); page-break-after: always; }
.cover img { max-height: 28mm; max-width: 80mm; object-fit: contain; align-self: flex-start; margin-bottom: 12mm; }
.cover h1 { font-size: 26pt; margin: 0 0 4mm; color: var(--brand); }
.cover .subtitle { font-size: 15pt; margin: 0 0 10mm; }
.cover dl { display: grid; grid-template-columns: max-content 1fr; gap: 1mm 6mm; margin: 0; align-items: baseline; }
.cover dt { color: #64748b; }
.cover dd { margin: 0; }
section { padding: 0 2mm; margin-bottom: 8mm; }
section + section { page-break-before: auto; }
h2 { font-size: 15pt; color: var(--brand); border-bottom: 0.4mm solid var(--brand); padding-bottom: 1mm; margin: 6mm 0 3mm; page-break-after: avoid; }
h3 { font-size: 11.5pt; margin: 5mm 0 2mm; page-break-after: avoid; }
h4 { font-size: 10.5pt; margin: 3mm 0 1mm; }
table { width: 100%; border-collapse: collapse; margin: 2mm 0 4mm; font-size: 9.5pt; }
thead { display: table-header-group; }
tr { page-break-inside: avoid; }
th, td { padding: 1.4mm 2mm; border-bottom: 0.2mm solid #e2e8f0; text-align: left; vertical-align: top; }
th { background: #f1f5f9; font-weight: 600; }
.num { text-align: right; font-variant-numeric: tabular-nums; }
.kpis { display: flex; flex-wrap: wrap; gap: 3mm; margin: 2mm 0 4mm; }
.kpi { border: 0.3mm solid #e2e8f0; border-radius: 2mm; padding: 2mm 4mm; min-width: 30mm; }
.kpi span { display: block; color: #64748b; font-size: 8.5pt; }
.kpi b { font-size: 13pt; }
.kpi.big b { font-size: 18pt; }
.light { white-space: nowrap; }
.dot { display: inline-block; width: 2.6mm; height: 2.6mm; border-radius: 50%; margin-right: 1.5mm; vertical-align: baseline; }
.heat { display: inline-block; min-width: 12mm; padding: 0 1mm; border-radius: 1mm; }
figure { margin: 3mm 0 5mm; page-break-inside: avoid; }
figcaption { font-weight: 600; font-size: 9.5pt; margin-bottom: 1mm; }
figure svg { width: 100%; height: auto; }
.muted, .note { color: #64748b; }
.note { font-size: 9pt; }
.empty { color: #64748b; font-style: italic; }
.incident { border-left: 1mm solid #e2e8f0; padding: 1mm 0 1mm 4mm; margin: 3mm 0; page-break-inside: avoid; }
.incident h3 { margin: 1mm 0; }
.drill { background: #7048a8; color: white; font-size: 8pt; padding: 0.3mm 1.5mm; border-radius: 1mm; margin-left: 2mm; }
dl dt { font-weight: 600; margin-top: 2mm; }
dl dd { margin: 0 0 1mm; }
ol.toc { columns: 2; }
`;

/**
 * The report's HTML and which of its sections found data.
 *
 * @example
 * const { html } = renderReportHtml(data, { low: 0.5, high: 0.7 }, logoDataUrl);
 */
export function renderReportHtml(
  data: ReportData,
  band: { low: number; high: number },
  logo: string | null,
): { html: string; sections: ReportSection[] } {
  const w = reportWords(data.locale);
  const f = formatter(data);
  const empty = data.dashboard.empty;
  const parts: [ReportSection['id'], string, string | null][] = [
    ['summary', w.summary, empty ? null : summary(data, w, f)],
    ['kpis', w.kpis, empty ? null : kpis(data, w, f, band)],
    ['retention', w.retention, empty ? null : retention(data, w, f)],
    ['tiers', w.tiers, empty ? null : tiers(data, w)],
    ['advocates', w.advocates, advocates(data, w, f)],
    ['churn', w.churn, churn(data, w, f)],
    ['content', w.content, content(data, w, f)],
    ['incidents', w.incidents, incidents(data, w, f)],
    ['goals', w.goals, goals(data, w, f)],
    ['definitions', w.definitions, definitions(data)],
  ];
  const title = data.branding.title || data.workspace.name;
  const period = `${data.from} – ${data.to}`;
  const cover = `<div class="cover">${logo ? `<img src="${e(logo)}" alt="">` : ''}<h1>${e(title)}</h1><p class="subtitle">${e(w.reportTitle)}</p>
<dl><dt>${e(w.period)}</dt><dd data-period>${e(period)}</dd><dt>${e(w.generated)}</dt><dd>${e(f.dateTime.format(data.generatedAt))}</dd>
<dt>${e(w.timeZone)}</dt><dd>${e(data.workspace.timeZone)}</dd></dl>
<h3>${e(w.contents)}</h3><ol class="toc">${parts.map(([id, t]) => `<li><a href="#${id}">${e(t)}</a></li>`).join('')}</ol></div>`;
  const html = `<!doctype html>
<html lang="${data.locale}">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:; font-src data:">
<title>${e(`${title} · ${w.reportTitle} · ${period}`)}</title>
<style>:root { --brand: ${/^#[0-9a-fA-F]{6}$/.test(data.branding.colour) ? data.branding.colour : '#b9532b'}; }${CSS}</style>
</head>
<body>
${cover}
${parts.map(([id, t, body]) => section(id, t, body, w)).join('\n')}
</body>
</html>
`;
  return { html, sections: parts.map(([id, , body]) => ({ id, hasData: body !== null })) };
}
