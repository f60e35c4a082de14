'use strict';
// Amity dashboard: one page script for the overview, the partner table and the partner page; live via SSE.
const I18N = {
  en: {
    overview: 'Overview', partners: 'Partners', signOut: 'Sign out', langButton: '中文',
    byOffice: 'Relationships by band, per office', ranking: 'Office ranking by activity (last 365 days)',
    newestAlerts: 'Newest alerts', notificationFailures: 'Notifications not delivered', deadLetters: 'Records set aside (dead letters)', office: 'Office', officeAbove: 'Office above', partner: 'Partner', score: 'Vitality', band: 'Band',
    trend: 'Trend', days: 'Days since last exchange', region: 'Region', kind: 'Kind', country: 'Country',
    all: 'All', search: 'Search', exportCsv: 'Export CSV', lastYear: 'Last year', rank: 'Rank',
    points: 'Points', exchanges: 'Exchanges', total: 'Total', none: 'No data yet',
    partnerCount: 'Partners', reminder: 'Reminder', withBelow: 'With the offices below (relationships / partners)',
    endedNote: 'This relationship has ended: its history is kept, it raises no alert and counts in no band.',
    suspendedNote: 'This relationship is suspended: it is counted apart and raises no dormancy alert.',
    history: 'Score history', why: 'Why this score', momentum: 'Momentum', breadth: 'Breadth',
    reciprocity: 'Reciprocity', substance: 'Substance', momentumHint: (m) => m.halfLifeDays ? `recent exchanges, halving every ${m.halfLifeDays} days` : 'recent exchanges, fading with time',
    breadthHint: (m) => m.breadthWindowDays ? `fields touched in ${m.breadthWindowDays} days (${m.breadthDomains} = full)` : 'fields touched recently',
    reciprocityHint: (m) => m.reciprocityWindowDays ? `delegations both ways in ${m.reciprocityWindowDays} days` : 'delegations both ways recently',
    substanceHint: (m) => m.substanceWindowDays ? `agreements, projects, programmes in ${m.substanceWindowDays} days` : 'agreements, projects, programmes recently',
    top: 'Top contributing exchanges',
    pointsToday: 'points today', forecast: 'Forecast', upcoming: 'Upcoming', alerts: 'Alerts',
    turnsDormant: (d) => `Turns dormant on ${d} unless a new exchange is recorded.`,
    alreadyDormant: 'Dormant now: one substantive exchange would revive it.',
    notWithinYear: 'Not expected to turn dormant within a year.',
    daysAgo: (n) => n == null ? 'never' : n === 1 ? '1 day' : `${n} days`, scoredAt: 'scored', source: 'source',
    seenHere: 'records seen by the dashboard', fromStreams: 'computed by the streams application',
    timeline: 'Timeline of exchanges', newestFirst: 'newest first',
    followUp: 'Follow-up', act_acknowledge: 'Acknowledge', act_assign: 'Assign', act_plan: 'Plan an exchange',
    act_decide: 'Decide', act_close: 'Close', f_officer: 'Officer', f_dueOn: 'Answer by', f_eventType: 'Exchange',
    f_plannedOn: 'Planned for', f_variant: 'Level or kind', f_direction: 'Direction', f_domains: 'Fields', f_ledBy: 'Led by',
    f_decision: 'Decision', f_exchangeEventId: 'Recorded exchange (optional)', noExchangeChosen: '(none)', f_note: 'Note',
    officePartners: 'Its partners', ownPartners: 'Own partners', withOfficesBelow: 'With the offices below',
    eventsBehind: (y) => `Events behind the figures of ${y}`, date: 'Date', exchange: 'Exchange',
    yielded: 'What it yielded', year: 'Year', money: 'Values committed', people: 'People taking part', events: 'Events',
    submit: 'Record', cancel: 'Cancel', notRecorded: 'Not recorded: the dashboard did not answer; try again', recorded: 'Recorded: the follow-up updates as soon as it is processed.',
    dueBy: (d) => `answer by ${d}`, assignedTo: (o) => `assigned to ${o}`,
    whatIf: (score, band, dormant) => `if it happens: vitality ${score} (${band})` + (dormant ? `, dormant from ${dormant}` : ''),
    closedByExchange: (id) => `carried out by exchange ${id}`,
    map: 'Network map', mapTitle: 'The partner network at a glance', allOffices: 'All my offices', list: 'Hold against',
    mapNote: 'Schematic map drawn from Natural Earth data: not a standard map, not for publication.',
    continent: 'Continent', formalPartners: 'Formal', countriesCount: (n) => `${n} countries`,
    gaps: (l) => `Gaps: ${l} with no formal partner`, noGaps: 'None: every one has a formal partner.',
    ceremonyOnly: 'Ceremony only', ceremonyOnlyHint: 'exchanges in the last two years, but no agreement, project or programme',
    oneWay: 'One-way', oneWayHint: 'delegations in the last year all went the same way, none the other way in two years',
    INBOUND: 'only visits to us', OUTBOUND: 'only visits from us', unplaced: 'Not on the map (country code unknown)',
    partnersOn: (n, c) => `${n} partners in ${c} countries`,
    report: 'Report for the leadership', reportPeriod: 'Period (2024, 2024-03 or 2024-01-01..2024-06-30)',
    reportIn: (format, language) => `${format}, ${language}`,
  },
  zh: {
    overview: '总览', partners: '友城伙伴', signOut: '退出', langButton: 'English',
    byOffice: '各外办的友城关系（按活力等级）', ranking: '外办活跃度排名（近365天）',
    newestAlerts: '最新提醒', notificationFailures: '未能送达的通知', deadLetters: '无法处理的记录（死信）', office: '外办', officeAbove: '上级外办', partner: '伙伴', score: '活力值', band: '等级',
    trend: '趋势', days: '距上次交流天数', region: '地区', kind: '类型', country: '国家',
    all: '全部', search: '搜索', exportCsv: '导出CSV', lastYear: '近一年', rank: '排名',
    points: '分值', exchanges: '交流次数', total: '合计', none: '暂无数据',
    partnerCount: '伙伴数', reminder: '提醒', withBelow: '含下级外办（关系 / 伙伴）',
    endedNote: '该友好关系已终止：保留交流历史，不再提醒，也不计入活力等级。',
    suspendedNote: '该友好关系已暂停：单独统计，不发出休眠提醒。',
    history: '活力值历史', why: '评分依据', momentum: '交流势头', breadth: '领域广度',
    reciprocity: '双向往来', substance: '实质合作', momentumHint: (m) => m.halfLifeDays ? `近期交流，每${m.halfLifeDays}天减半` : '近期交流，随时间递减',
    breadthHint: (m) => m.breadthWindowDays ? `${m.breadthWindowDays}天内涉及的领域（${m.breadthDomains}个为满分）` : '近期涉及的领域',
    reciprocityHint: (m) => m.reciprocityWindowDays ? `${m.reciprocityWindowDays}天内双向互访` : '近期双向互访',
    substanceHint: (m) => m.substanceWindowDays ? `${m.substanceWindowDays}天内的协议、项目、交流项目` : '近期的协议、项目、交流项目',
    top: '贡献最大的交流',
    pointsToday: '当前分值', forecast: '预测', upcoming: '即将到来', alerts: '提醒',
    turnsDormant: (d) => `如无新的交流，将于 ${d} 转入休眠。`,
    alreadyDormant: '已休眠：一次实质性交流即可恢复。',
    notWithinYear: '一年内不会转入休眠。',
    daysAgo: (n) => n == null ? '从未' : `${n} 天`, scoredAt: '评分时间', source: '来源',
    seenHere: '看板收到的记录', fromStreams: '由流处理应用计算',
    timeline: '交流时间线', newestFirst: '最新在前',
    followUp: '跟进', act_acknowledge: '确认知悉', act_assign: '指派', act_plan: '计划交流',
    act_decide: '作出决定', act_close: '关闭', f_officer: '负责人', f_dueOn: '答复期限', f_eventType: '交流类型',
    f_plannedOn: '计划日期', f_variant: '级别或类别', f_direction: '方向', f_domains: '领域', f_ledBy: '带队人',
    f_decision: '决定', f_exchangeEventId: '已记录的交流（可不选）', noExchangeChosen: '（不选）', f_note: '备注',
    officePartners: '友城伙伴列表', ownPartners: '本外办', withOfficesBelow: '含下级外办',
    eventsBehind: (y) => `${y}年成果所依据的交流`, date: '日期', exchange: '交流',
    yielded: '交流成果', year: '年份', money: '协议与项目金额', people: '参与人数', events: '事件',
    submit: '记录', cancel: '取消', notRecorded: '未记录：看板没有应答，请重试', recorded: '已记录：处理后跟进状态即更新。',
    dueBy: (d) => `${d} 前答复`, assignedTo: (o) => `指派给 ${o}`,
    whatIf: (score, band, dormant) => `如按计划进行：活力值 ${score}（${band}）` + (dormant ? `，${dormant} 起休眠` : ''),
    closedByExchange: (id) => `已由交流 ${id} 落实`,
    map: '伙伴网络图', mapTitle: '友城网络一览', allOffices: '我的全部外办', list: '对照',
    mapNote: '示意图，依据 Natural Earth 数据绘制，非标准地图，不得用于出版。',
    continent: '大洲', formalPartners: '正式关系', countriesCount: (n) => `${n} 个国家`,
    gaps: (l) => `空白（${l}中尚无正式友城）`, noGaps: '无：均已有正式友城。',
    ceremonyOnly: '仅礼节性往来', ceremonyOnlyHint: '近两年有交流，但没有协议、项目或交流项目',
    oneWay: '单向往来', oneWayHint: '近一年代表团往来均为同一方向，两年内无反向互访',
    INBOUND: '只有对方来访', OUTBOUND: '只有我方出访', unplaced: '未能标注（国家代码无法识别）',
    partnersOn: (n, c) => `${c} 个国家的 ${n} 个伙伴`,
    report: '领导报告', reportPeriod: '报告期（2024、2024-03 或 2024-01-01..2024-06-30）',
    reportIn: (format, language) => `${format}，${language}`,
  },
};
const BAND_COLOURS = { THRIVING: '#1b9e4b', ACTIVE: '#3f7fd0', NEW: '#8a63d2', COOLING: '#e69a1f', DORMANT: '#8d99a6', SUSPENDED: '#b07cc6', ENDED: '#444b52' };
// how the table shows a relationship: its band, or its status when it is not alive
const STANDINGS = ['THRIVING', 'ACTIVE', 'NEW', 'COOLING', 'DORMANT', 'SUSPENDED', 'ENDED'];
const BANDS = ['THRIVING', 'ACTIVE', 'NEW', 'COOLING', 'DORMANT'];
let lang = localStorage.getItem('amity.lang') || ((navigator.language || '').startsWith('zh') ? 'zh' : 'en');
const t = (key, ...args) => { const v = I18N[lang][key] ?? I18N.en[key] ?? key; return typeof v === 'function' ? v(...args) : v; };
// the words of the contract's symbols and event types, served by the dashboard from Amity's labels ("Band.DORMANT")
let LABELS = { zh: {}, en: {} };
// the signed-in user ({ user, role, office }) and what a follow-up step may say (from the dashboard)
let ME = {};
let CHOICES = { eventTypes: [], decisions: [], directions: [], domains: [] };
// the model's settings in force, from the streams application ({} when it does not answer: hints without figures)
let MODEL = {};
const capitalised = (w) => lang === 'en' ? w.charAt(0).toUpperCase() + w.slice(1) : w;
const label = (type, symbol) => symbol == null ? '' : capitalised(LABELS[lang][type + '.' + symbol] ?? symbol);
const standing = (b) => b === 'SUSPENDED' || b === 'ENDED' ? label('RelationshipStatus', b) : label('Band', b);
const esc = (s) => s == null ? '' : String(s).replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' }[c]));
const main = document.getElementById('main');
const charts = [];
const table = { sort: 'score', order: 'desc', office: '', band: '', region: '', kind: '', q: '' };

function name(en, zh) {
  if (lang === 'zh') return zh ? `${esc(zh)} <span class="muted">${esc(en)}</span>` : esc(en);
  return zh ? `${esc(en)} <span class="muted">${esc(zh)}</span>` : esc(en);
}
function exchangeItem(x, timeZone) {
  const en = capitalisedEn(LABELS.en['EventType.' + x.type] ?? x.type); const zh = LABELS.zh['EventType.' + x.type];
  const words = (x.detailsText || {})[lang] || '';
  return `<li data-event="${esc(x.eventId)}"><span class="when">${esc(dayOf(x.occurredAt, timeZone))}</span>
     <span class="type">${name(en, zh)}</span> <span class="summary">${esc(x.summary || '')}</span>
     ${words ? `<span class="muted details">${esc(words)}</span>` : ''}</li>`;
}
// a day (2027-08-05) as the page's language writes it: 2027年8月5日, 5 August 2027
function day(iso) {
  return new Intl.DateTimeFormat(lang === 'zh' ? 'zh-CN' : 'en-GB', { dateStyle: 'long', timeZone: 'UTC' }).format(new Date(iso + 'T00:00:00Z'));
}
// the office's time zone, or UTC should the browser not know it (a zone it cannot read would stop the page)
function zone(timeZone) {
  try { new Intl.DateTimeFormat('en', { timeZone: timeZone || 'Asia/Shanghai' }); return timeZone || 'Asia/Shanghai'; } catch (e) { return 'UTC'; }
}
// a moment as the office reads it: in its time zone, in the page's language
function moment(iso, timeZone) { return inOfficeZone(iso, timeZone, { dateStyle: 'long', timeStyle: 'short' }); }
// the day of a moment in the office's time zone
function dayOf(iso, timeZone) { return inOfficeZone(iso, timeZone, { dateStyle: 'long' }); }
function inOfficeZone(iso, timeZone, style) {
  return new Intl.DateTimeFormat(lang === 'zh' ? 'zh-CN' : 'en-GB', { ...style, timeZone: zone(timeZone) }).format(new Date(iso));
}
function capitalisedEn(w) { return w.charAt(0).toUpperCase() + w.slice(1); }
function band(b) { return `<span class="band band-${esc(b || 'NONE')}" data-band="${esc(b || '')}">${esc(b ? standing(b) : '—')}</span>`; }
function trend(n) {
  if (n == null) return '';
  if (n > 0) return `<span class="up" title="+${n}">▲ ${n}</span>`;
  if (n < 0) return `<span class="down" title="${n}">▼ ${-n}</span>`;
  return '<span class="flat">▶ 0</span>';
}
/** Thrown when a newer render started while this one waited for its data: the newest render draws the page. */
class Superseded extends Error {}
let renders = 0;
/** Whether the newest render came from a live update, which waits for an officer's open form. */
let liveRender = false;
async function api(path) {
  const asked = renders;
  const answer = await fetch(path, { headers: { Accept: 'application/json' } });
  if (answer.status === 401) { location.href = '/login?next=' + encodeURIComponent(location.pathname); throw new Error('signed out'); }
  if (!answer.ok) throw new Error(path + ' answered ' + answer.status);
  const body = await answer.json();
  if (renders !== asked) throw new Superseded();
  if (liveRender && document.querySelector('form.follow-up-form')) { renderWaiting = true; throw new Superseded(); }
  return body;
}
function translateStatic() {
  document.documentElement.lang = lang === 'zh' ? 'zh-CN' : 'en';
  document.querySelectorAll('[data-i18n]').forEach((el) => { el.textContent = t(el.dataset.i18n); });
  document.getElementById('lang').textContent = t('langButton');
}
function destroyCharts() { while (charts.length) charts.pop().destroy(); }

async function renderOverview() {
  const data = await api('/api/v1/overview?alerts=10');
  destroyCharts();
  const officeRows = data.offices.map((o) => {
    const bar = BANDS.map((b) => o.bands[b] ? `<span style="flex:${o.bands[b]};background:${BAND_COLOURS[b]}" title="${esc(standing(b))}: ${o.bands[b]}"></span>` : '').join('');
    const below = o.rollup ? o.rollup.withDistricts.relationships : o.relationships;
    return `<tr data-office="${esc(o.officeId)}" data-depth="${o.depth}"><td style="padding-left:${0.4 + o.depth * 1.5}em">
      <a href="/offices/${encodeURIComponent(o.officeId)}">${name(o.nameEn, o.nameZh)}</a></td>
      ${BANDS.map((b) => `<td class="count-${b}">${o.bands[b]}</td>`).join('')}<td>${o.relationships}</td>
      <td class="partners">${o.partners}</td><td class="count-SUSPENDED">${o.suspended}</td><td class="count-ENDED">${o.ended}</td>
      <td class="with-below">${below} / ${o.partnersWithDescendants}</td>
      <td><div class="bands-bar">${bar}</div></td></tr>`;
  }).join('');
  const above = (id) => data.offices.filter((o) => o.officeId === id).map((o) => name(o.nameEn, o.nameZh))[0] || esc(id || '');
  const ranking = data.ranking.map((r) => `<tr><td>${r.rankByActivity} / ${r.peers}</td><td>${name(r.nameEn || r.officeId, r.nameZh)}</td>
      <td>${above(r.parentOfficeId)}</td><td>${r.pointsLast365Days}</td><td>${r.exchangesLast365Days}</td></tr>`).join('');
  const alerts = data.alerts.map((a) => alertItem(a)).join('');
  const failures = data.notificationFailures.map((f) => `<li><span class="muted">${esc(f.at.slice(0, 10))}</span>
      ${esc(f.recipient)}: ${esc(f.reason)} <span class="muted">(${esc(f.alertId)}, ${f.attempts}×)</span></li>`).join('');
  main.innerHTML = `
    <section class="card" id="by-office"><h2>${t('byOffice')}</h2>
      <table><thead><tr><th>${t('office')}</th>${BANDS.map((b) => `<th>${band(b)}</th>`).join('')}<th>${t('total')}</th>
        <th>${t('partnerCount')}</th><th>${band('SUSPENDED')}</th><th>${band('ENDED')}</th><th>${t('withBelow')}</th><th></th></tr></thead>
      <tbody>${officeRows || `<tr><td colspan="12" class="muted">${t('none')}</td></tr>`}</tbody></table></section>
    <div class="grid">
      <section class="card" id="ranking"><h2>${t('ranking')}</h2>
        <table><thead><tr><th>${t('rank')}</th><th>${t('office')}</th><th>${t('officeAbove')}</th><th>${t('points')}</th><th>${t('exchanges')}</th></tr></thead>
        <tbody>${ranking || `<tr><td colspan="5" class="muted">${t('none')}</td></tr>`}</tbody></table></section>
      <section class="card" id="alerts"><h2>${t('newestAlerts')}</h2><ul class="alerts">${alerts || `<li class="muted">${t('none')}</li>`}</ul></section>
    </div>
    ${data.notificationFailureCount ? `<section class="card" id="notification-failures"><h2>${t('notificationFailures')}
      (${data.notificationFailureCount})</h2><ul class="alerts">${failures}</ul></section>` : ''}
    ${data.deadLetters.total ? `<section class="card" id="dead-letters"><h2>${t('deadLetters')} (${data.deadLetters.total})</h2>
      <ul class="alerts">${Object.entries(data.deadLetters.byTopic).map(([topic, n]) => `<li>${esc(topic)}: ${n}</li>`).join('')}</ul></section>` : ''}`;
}
function alertItem(a, actions) {
  const [office, partner] = a.relationshipId.split('/');
  const badge = a.fromBand || ['COOLING', 'WENT_DORMANT', 'REVIVED', 'THRIVING', 'SLOWED', 'STARTED', 'BAND_CHANGED'].includes(a.kind)
    ? band(a.band) : `<span class="band band-REMINDER">${esc(t('reminder'))}</span>`;
  return `<li data-alert="${esc(a.alertId)}">${badge} <a href="/partners/${encodeURIComponent(office)}/${encodeURIComponent(partner)}">${name(a.partnerNameEn, a.partnerNameZh)}</a>
    <span class="muted">${esc(label('AlertKind', a.kind))} · ${esc(a.text[lang].raisedAt)}</span><br><span class="muted">${esc(a.text[lang].headline)}</span>
    <br><span class="muted evidence">${esc(a.text[lang].evidence)}</span>${followUpLine(a.followUp)}${actions ? followUpActions(a) : ''}</li>`;
}
// figures of what partnerships yield: values by currency, people by what they took part in
const numberLocale = () => (lang === 'zh' ? 'zh-CN' : 'en-GB');
function moneyText(m) {
  return Object.entries(m).map(([currency, minor]) => {
    const format = new Intl.NumberFormat(numberLocale(), { style: 'currency', currency });
    return format.format(minor / 10 ** format.resolvedOptions().maximumFractionDigits);
  }).join('<br>');
}
function peopleText(p) {
  return Object.entries(p).map(([type, n]) => `${esc(label('People', type))} ${n.toLocaleString(numberLocale())}`).join('<br>');
}
function eventCount(e) { return Object.values(e).reduce((a, b) => a + b, 0); }
// what the relationship yielded, year by year, newest first
function yieldCard(y) {
  if (!y || !y.years.length) return '';
  const rows = [...y.years].reverse().map((year) => `<tr data-year="${year.year}"><td>${year.year}</td><td class="money">${moneyText(year.money)}</td>
    <td class="people">${peopleText(year.people)}</td><td title="${esc(year.events.map((e) => e.eventId).join('\n'))}">${year.events.length}</td></tr>`).join('');
  return `<section class="card" id="yield"><h2>${t('yielded')}</h2><table><thead><tr><th>${t('year')}</th><th>${t('money')}</th>
    <th>${t('people')}</th><th>${t('events')}</th></tr></thead><tbody>${rows}</tbody></table></section>`;
}
// a message's link names its alert (#alert=ID): that alert is marked, and shown once
let linkedAlertShown = false;
function showLinkedAlert() {
  if (!location.hash.startsWith('#alert=')) return;
  let id;
  try { id = decodeURIComponent(location.hash.slice(7).replace(/\+/g, ' ')); } catch (e) { return; }
  const item = [...document.querySelectorAll('#partner-alerts li[data-alert]')].find((li) => li.dataset.alert === id);
  if (!item) return;
  item.classList.add('linked');
  if (!linkedAlertShown) { linkedAlertShown = true; item.scrollIntoView({ block: 'center' }); }
}
// where an alert's follow-up stands: status, assignee, the plan with its what-if figures, the decision
function followUpLine(f) {
  if (!f) return '';
  const parts = [esc(label('FollowUpStatus', f.status))];
  if (f.assignee) parts.push(esc(t('assignedTo', f.assignee)) + (f.dueOn ? ' · ' + esc(t('dueBy', day(f.dueOn))) : ''));
  if (f.planned) {
    const p = f.planned.plan;
    parts.push(`<span class="plan">${esc(label('EventType', p.eventType))} ${esc(day(p.plannedOn))}${p.ledBy ? ' · ' + esc(p.ledBy) : ''}</span>`);
    if (f.status === 'PLANNED') parts.push(`<span class="what-if" data-score="${f.planned.whatIfScore}" data-band="${esc(f.planned.whatIfBand)}">${esc(t('whatIf', f.planned.whatIfScore, standing(f.planned.whatIfBand), f.planned.whatIfDormantOn ? day(f.planned.whatIfDormantOn) : null))}</span>`);
  }
  if (f.decision) parts.push(esc(label('Decision', f.decision)));
  if (f.closedByEventId) parts.push(esc(t('closedByExchange', f.closedByEventId)));
  if (f.note) parts.push(`<span class="muted">${esc(f.note)}</span>`);
  return `<div class="follow-up" data-status="${esc(f.status)}"><b>${t('followUp')}:</b> ${parts.join(' · ')}</div>`;
}
function followUpActions(a) {
  if (ME.role !== 'officer' || (a.followUp && a.followUp.status === 'CLOSED')) return '';
  return `<div class="actions">${['acknowledge', 'assign', 'plan', 'decide', 'close'].map((k) =>
    `<button type="button" class="act" data-action="${k}" data-alert="${esc(a.alertId)}">${t('act_' + k)}</button>`).join('')}</div>`;
}
// the form of one step: its fields, as the dashboard's choices say
function stepForm(alertId, action) {
  const input = (name, type = 'text') => `<label>${t('f_' + name)} <input name="${name}" type="${type}"></label>`;
  let fields = '';
  if (action === 'assign') fields = input('officer') + input('dueOn', 'date');
  if (action === 'plan') {
    const type = CHOICES.eventTypes[0] || {};
    fields = select('eventType', CHOICES.eventTypes.map((x) => x.name), (v) => label('EventType', v)) + input('plannedOn', 'date')
      + `<span class="variant">${variantSelect(type)}</span>` + `<span class="direction">${directionSelect(type)}</span>`
      + select('domains', CHOICES.domains, (v) => label('Domain', v), true) + input('ledBy');
  }
  if (action === 'decide') fields = select('decision', CHOICES.decisions, (v) => label('Decision', v));
  if (action === 'close') {
    fields = partnerExchanges.length ? select('exchangeEventId', ['', ...partnerExchanges.map((x) => x.eventId)],
      (v) => (v ? exchangeWords(partnerExchanges.find((x) => x.eventId === v)) : t('noExchangeChosen'))) : input('exchangeEventId');
  }
  return `<form class="follow-up-form" data-alert="${esc(alertId)}" data-action="${action}"><b>${t('act_' + action)}</b> ${fields}${input('note')}
    <button type="submit">${t('submit')}</button> <button type="button" class="cancel">${t('cancel')}</button><div class="error" role="alert"></div></form>`;
}
// the partner's recent exchanges, newest first, that closing a follow-up may name (set by its page)
let partnerExchanges = [];
function exchangeWords(x) {
  return `${x.occurredAt.slice(0, 10)} ${label('EventType', x.type)}${x.summary ? ' · ' + x.summary : ''}`;
}
// a problem's path as the form calls its field: action.plannedOn is 计划日期
function fieldWord(path) {
  const name = path.replace(/^action\./, '');
  const word = t('f_' + name);
  return word === 'f_' + name ? path : word;
}
function select(name, values, labelOf, multiple) {
  return `<label>${t('f_' + name)} <select name="${name}"${multiple ? ' multiple size="4"' : ''}>${values.map((v) => `<option value="${esc(v)}">${esc(labelOf(v))}</option>`).join('')}</select></label>`;
}
// what a planned exchange's type asks besides its day: the level or kind its points depend on, a delegation's direction
function variantSelect(type) {
  return type.variants ? select('variant', type.variants, (v) => label(type.variantEnum, v)) : '';
}
function directionSelect(type) {
  return type.direction ? select('direction', CHOICES.directions, (v) => label('Direction', v)) : '';
}
async function takeStep(form) {
  const body = { alertId: form.dataset.alert, action: form.dataset.action };
  for (const field of form.elements) {
    if (!field.name) continue;
    if (field.multiple) { const chosen = [...field.selectedOptions].map((o) => o.value); if (chosen.length) body[field.name] = chosen; } else if (field.value) body[field.name] = field.value;
  }
  const answer = await fetch('/api/v1/follow-ups', { method: 'POST', headers: { 'Content-Type': 'application/json', Accept: 'application/json' }, body: JSON.stringify(body) });
  if (answer.ok) { closeForm(form, t('recorded')); return; }
  const error = await answer.json().catch(() => ({ error: `${t('notRecorded')} (${answer.status})`, problems: [] }));
  form.querySelector('.error').innerHTML = `${esc(error.error)}${(error.problems || []).map((p) => `<br>${esc(fieldWord(p.path))}: ${esc(p.reason)}`).join('')}`;
}
let renderWaiting = false;
function closeForm(form, message) {
  const item = form.closest('li');
  form.remove();
  if (message && item) item.insertAdjacentHTML('beforeend', `<div class="recorded muted">${esc(message)}</div>`);
  if (renderWaiting && !document.querySelector('form.follow-up-form')) { renderWaiting = false; render(); }
}
main.addEventListener('click', async (e) => {
  const button = e.target.closest('button');
  if (!button) return;
  if (button.classList.contains('cancel')) { closeForm(button.closest('form')); return; }
  if (!button.classList.contains('act')) return;
  const item = button.closest('li');
  if (item.querySelector('form.follow-up-form')) return;
  item.insertAdjacentHTML('beforeend', stepForm(button.dataset.alert, button.dataset.action));
  const form = item.querySelector('form.follow-up-form');
  if (button.dataset.action === 'acknowledge') { await takeStep(form); }
});
main.addEventListener('change', (e) => {
  if (e.target.name !== 'eventType') return;
  const form = e.target.closest('form'); const type = CHOICES.eventTypes.find((x) => x.name === e.target.value) || {};
  form.querySelector('.variant').innerHTML = variantSelect(type);
  form.querySelector('.direction').innerHTML = directionSelect(type);
});
main.addEventListener('submit', (e) => { e.preventDefault(); takeStep(e.target); });

// the frame (filters, head) stays while the officer uses it; data and live updates refill it
async function renderPartners() {
  const params = new URLSearchParams();
  Object.entries(table).forEach(([k, v]) => { if (v) params.set(k, v); });
  const data = await api('/api/v1/partners?' + params);
  destroyCharts();
  const card = document.getElementById('partners-card');
  if (!card || card.dataset.lang !== lang) drawPartnersFrame();
  fillPartners(data, params);
}
function drawPartnersFrame() {
  const head = (key, label) => `<th class="sortable" data-sort="${key}">${label}</th>`;
  main.innerHTML = `<section class="card" id="partners-card" data-lang="${lang}"><h2>${t('partners')} <span class="muted" id="count"></span></h2>
    <div class="filters">
      <label>${t('office')} <select id="f-office"></select></label>
      <label>${t('band')} <select id="f-band"></select></label>
      <label>${t('region')} <select id="f-region"></select></label>
      <label>${t('kind')} <select id="f-kind"></select></label>
      <label>${t('search')} <input id="f-q" value="${esc(table.q)}"></label>
      <a id="csv">${t('exportCsv')}</a>
    </div>
    <table id="partners"><thead><tr>${head('name', t('partner'))}${head('office', t('office'))}<th>${t('country')}</th>
      ${head('region', t('region'))}${head('kind', t('kind'))}${head('score', t('score'))}${head('band', t('band'))}
      ${head('trend', t('trend'))}${head('days', t('days'))}<th>${t('lastYear')}</th></tr></thead><tbody></tbody></table></section>`;
  ['office', 'band', 'region', 'kind'].forEach((f) => document.getElementById('f-' + f).addEventListener('change', (e) => { table[f] = e.target.value; syncQuery(); render(); }));
  document.getElementById('f-q').addEventListener('change', (e) => { table.q = e.target.value; syncQuery(); render(); });
  main.querySelectorAll('th.sortable').forEach((th) => th.addEventListener('click', () => {
    const key = th.dataset.sort;
    table.order = table.sort === key && table.order === 'desc' ? 'asc' : 'desc';
    table.sort = key; syncQuery(); render();
  }));
}
function fillPartners(data, params) {
  fillOptions('f-office', data.facets.offices, table.office);
  fillOptions('f-band', STANDINGS, table.band, standing);
  fillOptions('f-region', data.facets.regions, table.region, (r) => label('Region', r));
  fillOptions('f-kind', data.facets.kinds, table.kind, (k) => label('RelationshipKind', k));
  document.getElementById('count').textContent = data.count;
  document.getElementById('csv').href = `/api/v1/partners.csv?${params}${params.toString() ? '&' : ''}lang=${lang}`;
  main.querySelectorAll('th.sortable').forEach((th) => { th.className = `sortable ${table.sort === th.dataset.sort ? 'sorted ' + table.order : ''}`; });
  const rows = data.partners.map((p) => `<tr data-id="${esc(p.relationshipId)}">
      <td><a class="partner-link" href="/partners/${encodeURIComponent(p.officeId)}/${encodeURIComponent(p.partnerId)}">${name(p.partnerNameEn, p.partnerNameZh)}</a></td>
      <td>${esc(p.officeId)}</td><td>${esc(p.country)}</td><td>${esc(label('Region', p.region))}</td><td>${esc(label('RelationshipKind', p.kind))}</td>
      <td class="score">${p.score ?? '—'}</td><td>${band(p.band)}</td><td>${trend(p.trend)}</td>
      <td>${esc(t('daysAgo', p.daysSinceLastExchange))}</td>
      <td><canvas class="spark" width="100" height="24" data-spark="${esc(JSON.stringify(p.sparkline))}"></canvas></td></tr>`).join('');
  main.querySelector('#partners tbody').innerHTML = rows || `<tr><td colspan="10" class="muted">${t('none')}</td></tr>`;
  main.querySelectorAll('canvas.spark').forEach(drawSpark);
}
/**
 * A filter's choices (and the one chosen, even if no partner has it now), replaced only when they change, so that a
 * list the officer has open stays open.
 */
function fillOptions(id, values, selected, labelOf) {
  const select = document.getElementById(id);
  const shown = selected && !values.includes(selected) ? [...values, selected] : values;
  const html = `<option value="">${esc(t('all'))}</option>` +
    shown.map((v) => `<option value="${esc(v)}">${esc(labelOf ? labelOf(v) : v)}</option>`).join('');
  if (select.dataset.options !== html) { select.innerHTML = html; select.dataset.options = html; }
  select.value = selected || '';
}
function syncQuery() {
  const params = new URLSearchParams();
  Object.entries(table).forEach(([k, v]) => { if (v) params.set(k, v); });
  history.replaceState(null, '', '/partners' + (params.toString() ? '?' + params : ''));
}
function drawSpark(canvas) {
  const values = JSON.parse(canvas.dataset.spark || '[]');
  const g = canvas.getContext('2d');
  if (values.length < 2) return;
  g.strokeStyle = '#1f6f8b'; g.lineWidth = 1.5; g.beginPath();
  values.forEach((v, i) => { const x = i * (canvas.width - 2) / (values.length - 1) + 1; const y = canvas.height - 2 - v * (canvas.height - 4) / 100; i ? g.lineTo(x, y) : g.moveTo(x, y); });
  g.stroke();
}

async function renderPartner(office, partner) {
  const base = `/api/v1/partners/${encodeURIComponent(office)}/${encodeURIComponent(partner)}`;
  const [data, hist] = await Promise.all([api(base), api(base + '/history?days=365&step=7')]);
  destroyCharts();
  const v = data.vitality; const r = data.relationship || {};
  const nameEn = r.partnerNameEn || (v && v.partnerNameEn) || partner; const nameZh = r.partnerNameZh || (v && v.partnerNameZh);
  const comp = (key, value) => `<div class="component" id="c-${key}" data-value="${value}"><div>${t(key)}</div>
      <div class="value">${Math.round(value * 100)}%</div><div class="meter"><span style="width:${Math.round(value * 100)}%"></span></div>
      <div class="muted">${esc(t(key + 'Hint', MODEL))}</div></div>`;
  let forecast = '';
  const apart = r.status === 'ENDED' || r.status === 'SUSPENDED' ? r.status : null;
  if (apart) forecast = t(apart === 'ENDED' ? 'endedNote' : 'suspendedNote');
  else if (v) forecast = v.band === 'DORMANT' ? t('alreadyDormant') : v.forecastDormantOn ? t('turnsDormant', day(v.forecastDormantOn)) : t('notWithinYear');
  const upcoming = data.upcoming.map((a) => `<li>${esc(a.text[lang].headline)}</li>`).join('');
  const summaries = Object.fromEntries((data.exchanges || []).map((x) => [x.eventId, x.summary || '']));
  partnerExchanges = (data.exchanges || []).slice(0, 30);
  const top = v ? v.topContributors.map((c) => `<tr><td>${esc(label('EventType', c.type))}</td><td>${esc(summaries[c.eventId] ?? '')}</td><td>${esc(c.occurredAt.slice(0, 10))}</td>
     <td>${c.pointsToday.toFixed(1)} ${t('pointsToday')}</td></tr>`).join('') : '';
  main.innerHTML = `<section class="card" id="partner" data-id="${esc(data.relationshipId)}">
      <h2>${name(nameEn, nameZh)} <span class="muted">${esc(data.relationshipId)} · ${esc(r.country || (v && v.country) || '')} · ${esc(label('RelationshipKind', r.kind || (v && v.kind) || 'OTHER'))}</span></h2>
      <div class="headline"><span class="big" id="score">${v ? v.score : '—'}</span>${band(apart || (v && v.band))}${trend(v && v.trend)}
        <span class="muted">${t('days')}: <span id="days">${esc(t('daysAgo', v && v.daysSinceLastExchange))}</span></span>
        <span class="muted">${t('exchanges')}: <span id="exchanges">${v ? v.exchanges : 0}</span></span>
        <span class="muted">${t('scoredAt')}: ${esc(v ? moment(v.at, data.timeZone) : '')}</span></div>
      <p class="forecast" id="forecast"><b>${t('forecast')}:</b> ${esc(forecast)}</p></section>
    <section class="card"><h2>${t('history')} <span class="muted">${t('source')}: ${t(hist.source === 'streams' ? 'fromStreams' : 'seenHere')}</span></h2>
      <div style="height:260px"><canvas id="history-chart" data-points="${hist.history.length}"></canvas></div></section>
    <section class="card" id="why"><h2>${t('why')}</h2>
      <div class="components" id="components">${v ? comp('momentum', v.momentum) + comp('breadth', v.breadth) + comp('reciprocity', v.reciprocity) + comp('substance', v.substance) : t('none')}</div></section>
    <div class="grid">
      <section class="card"><h2>${t('top')}</h2><table id="top"><tbody>${top || `<tr><td class="muted">${t('none')}</td></tr>`}</tbody></table></section>
      <section class="card"><h2>${t('upcoming')}</h2><ul class="alerts" id="upcoming">${upcoming || `<li class="muted">${t('none')}</li>`}</ul>
        <h2>${t('alerts')}</h2><ul class="alerts" id="partner-alerts">${data.alerts.slice(0, 10).map((a) => alertItem(a, true)).join('') || `<li class="muted">${t('none')}</li>`}</ul></section>
    </div>
    ${yieldCard(data.yield)}
    <section class="card"><h2>${t('timeline')} <span class="muted">${t('newestFirst')} · ${(data.exchanges || []).length}</span></h2>
      <ol class="timeline" id="timeline">${(data.exchanges || []).map((x) => exchangeItem(x, data.timeZone)).join('') || `<li class="muted">${t('none')}</li>`}</ol></section>`;
  showLinkedAlert();
  const points = hist.history;
  if (window.Chart) {
    charts.push(new Chart(document.getElementById('history-chart'), {
      type: 'line',
      data: {
        labels: points.map((p) => p.at.slice(0, 10)),
        datasets: [{ label: t('score'), data: points.map((p) => p.score), tension: 0.2, borderColor: '#1f6f8b',
          pointBackgroundColor: points.map((p) => BAND_COLOURS[p.band] || '#999'), pointRadius: 3,
          segment: { borderColor: (ctx) => BAND_COLOURS[points[ctx.p1DataIndex].band] || '#1f6f8b' } }],
      },
      options: { animation: false, maintainAspectRatio: false, scales: { y: { min: 0, max: 100 } }, plugins: { legend: { display: false } } },
    }));
  }
}

// the office page: what its partnerships yielded, own and with the offices under it, and the events behind a year
async function renderOffice(officeId) {
  const year = new URLSearchParams(location.search).get('year');
  const data = await api(`/api/v1/offices/${encodeURIComponent(officeId)}` + (year ? `?year=${encodeURIComponent(year)}` : ''));
  destroyCharts();
  const cell = (sum, cls) => `<td class="${cls}">${cls === 'money' ? moneyText(sum.money) : cls === 'people' ? peopleText(sum.people) : eventCount(sum.events)}</td>`;
  const rows = data.yields.map((y) => `<tr data-year="${y.year}"${y.year === data.year ? ' class="chosen"' : ''}>
    <td><a href="?year=${y.year}">${y.year}</a></td>${cell(y.own, 'money')}${cell(y.own, 'people')}${cell(y.own, 'events')}
    ${cell(y.withDistricts, 'money')}${cell(y.withDistricts, 'people')}${cell(y.withDistricts, 'events')}</tr>`).join('');
  const partner = (p) => { const [o, id] = p.relationshipId.split('/'); return `<a href="/partners/${encodeURIComponent(o)}/${encodeURIComponent(id)}">${name(p.nameEn, p.nameZh)}</a>`; };
  const events = data.events.map((e) => `<tr data-event="${esc(e.eventId)}"><td>${esc(dayOf(e.occurredAt, data.timeZone))}</td>
    <td>${esc(label('EventType', e.type))}</td><td>${e.partners.map(partner).join('、')}</td>
    <td class="money">${e.money ? moneyText({ [e.money.currency]: e.money.amountMinor }) : ''}</td>
    <td class="people">${e.people == null ? '' : e.people.toLocaleString(numberLocale())}</td></tr>`).join('');
  // the report card stays while the page is redrawn: a period being typed keeps its text and its focus
  const frame = document.getElementById('office-page');
  if (!frame || frame.dataset.lang !== lang || frame.dataset.office !== data.officeId) {
    main.innerHTML = `<div id="office-page" data-lang="${lang}" data-office="${esc(data.officeId)}">
      <div id="office-head"></div>${reportCard()}<div id="office-figures"></div></div>`;
  }
  document.getElementById('office-head').innerHTML = `
    <section class="card" id="office"><h2>${name(data.nameEn, data.nameZh)}</h2>
      <p><a href="/partners?office=${encodeURIComponent(data.officeId)}">${t('officePartners')}</a> ·
        <a href="/map?office=${encodeURIComponent(data.officeId)}">${t('map')}</a></p></section>`;
  document.getElementById('office-figures').innerHTML = `
    <section class="card" id="office-yield"><h2>${t('yielded')}</h2>
      <table><thead><tr><th rowspan="2">${t('year')}</th><th colspan="3">${t('ownPartners')}</th><th colspan="3">${t('withOfficesBelow')}</th></tr>
      <tr>${[1, 2].map(() => `<th>${t('money')}</th><th>${t('people')}</th><th>${t('events')}</th>`).join('')}</tr></thead>
      <tbody>${rows || `<tr><td colspan="7" class="muted">${t('none')}</td></tr>`}</tbody></table></section>
    ${data.year ? `<section class="card" id="office-yield-events"><h2>${t('eventsBehind', data.year)}</h2>
      <table><thead><tr><th>${t('date')}</th><th>${t('exchange')}</th><th>${t('partner')}</th><th>${t('money')}</th><th>${t('people')}</th></tr></thead>
      <tbody>${events || `<tr><td colspan="5" class="muted">${t('none')}</td></tr>`}</tbody></table></section>` : ''}`;
}

// the leadership report of the office: a period, then a file in either format and language
function reportCard() {
  const link = (format, language) => `<a class="report-link" data-format="${format}" data-lang="${language}" href="#">${esc(t('reportIn', format.toUpperCase(), language === 'zh' ? '中文' : 'English'))}</a>`;
  return `<section class="card" id="report"><h2>${t('report')}</h2><div class="filters">
    <label>${t('reportPeriod')} <input id="report-period" value="${new Date().getFullYear() - 1}" size="24"></label>
    ${[['xlsx', 'zh'], ['pdf', 'zh'], ['xlsx', 'en'], ['pdf', 'en']].map(([f, l]) => link(f, l)).join(' ')}</div>
    <div class="error" role="alert" id="report-error"></div></section>`;
}
main.addEventListener('click', async (e) => {
  const link = e.target.closest('a.report-link');
  if (!link) return;
  e.preventDefault();
  const office = location.pathname.split('/')[2];
  const query = new URLSearchParams({ office: decodeURIComponent(office), period: document.getElementById('report-period').value.trim(), format: link.dataset.format, lang: link.dataset.lang });
  const answer = await fetch('/api/v1/report?' + query);
  const error = document.getElementById('report-error');
  if (!answer.ok) { const body = await answer.json().catch(() => ({ error: String(answer.status) })); error.textContent = body.error; return; }
  error.textContent = '';
  const name = (answer.headers.get('Content-Disposition') || '').match(/filename="([^"]+)"/);
  const a = document.createElement('a');
  a.href = URL.createObjectURL(await answer.blob());
  a.download = name ? name[1] : 'amity-report.' + link.dataset.format;
  document.body.appendChild(a); a.click(); a.remove();
});

// the network map: the shipped world outlines, each partner a dot in its band's colour at its country
let WORLD = null;
const mapQuery = () => new URLSearchParams(location.search);
async function renderMap() {
  const query = mapQuery();
  const params = new URLSearchParams();
  ['office', 'list'].forEach((k) => { if (query.get(k)) params.set(k, query.get(k)); });
  const [data, world] = await Promise.all([api('/api/v1/map?' + params), WORLD || api('/assets/world.json')]);
  WORLD = world;
  const placed = (code) => Object.prototype.hasOwnProperty.call(world.countries, code);
  destroyCharts();
  const listName = name(data.list.nameEn, data.list.nameZh);
  const gapCodes = new Set(data.gaps.map((g) => g.code));
  const withPartners = new Set(data.countries.map((c) => c.country));
  const countryClass = (code, c) => code === 'CN' ? 'home' : withPartners.has(code) ? 'has-partner' : gapCodes.has(code) || gapCodes.has(c.continent) ? 'gap' : '';
  const shapes = Object.entries(world.countries).filter(([, c]) => c.path).map(([code, c]) =>
    `<path d="${c.path}" class="country ${countryClass(code, c)}" data-country="${code}"><title>${esc(lang === 'zh' ? c.zh : c.en)}</title></path>`).join('');
  const byCountry = {};
  data.partners.forEach((p) => { (byCountry[p.country] = byCountry[p.country] || []).push(p); });
  const dots = Object.entries(byCountry).filter(([code]) => placed(code) && world.countries[code].at).map(([code, ps]) => {
    const [x, y] = world.countries[code].at;
    return ps.map((p, i) => {
      const r = 4.4 * Math.sqrt(i); const a = i * 2.4;
      return `<circle class="dot" cx="${(x + r * Math.cos(a)).toFixed(1)}" cy="${(y + r * Math.sin(a)).toFixed(1)}" r="3.4"
        fill="${BAND_COLOURS[p.band] || '#bbb'}" data-id="${esc(p.relationshipId)}" data-band="${esc(p.band || '')}"><title>${esc(lang === 'zh' ? (p.nameZh || p.nameEn) : p.nameEn)} · ${esc(p.band ? standing(p.band) : '—')}${p.ceremonyOnly ? ' · ' + esc(t('ceremonyOnly')) : ''}${p.oneWay ? ' · ' + esc(t(p.oneWay)) : ''}</title></circle>`;
    }).join('');
  }).join('');
  const counts = (x) => BANDS.concat(['SUSPENDED']).map((b) => `<td class="count-${b}">${x.bands[b] || ''}</td>`).join('');
  const continents = data.continents.map((c) => `<tr data-continent="${c.continent}"><td>${name(c.nameEn, c.nameZh)}</td><td>${c.partners}</td><td>${c.formal}</td>${counts(c)}</tr>`).join('');
  const countries = data.countries.map((c) => `<tr data-country="${c.country}"><td>${name(c.nameEn, c.nameZh)}</td><td>${esc(world.continents[c.continent] ? world.continents[c.continent][lang] : '')}</td>
    <td>${c.partners}</td><td>${c.formal}</td>${counts(c)}</tr>`).join('');
  const partnerLink = (p) => `<a href="/partners/${encodeURIComponent(p.officeId)}/${encodeURIComponent(p.partnerId)}">${name(p.nameEn, p.nameZh)}</a>`;
  const flagged = (key, extra) => data.partners.filter((p) => p[key]).map((p) => `<li data-id="${esc(p.relationshipId)}">${band(p.band)} ${partnerLink(p)}
    <span class="muted">${esc(placed(p.country) ? world.countries[p.country][lang] : p.country)}${extra ? ' · ' + esc(extra(p)) : ''}</span></li>`).join('') || `<li class="muted">${t('none')}</li>`;
  const unplaced = data.partners.filter((p) => !placed(p.country));
  const select = (id, options, chosen) => `<select id="${id}">${options.map(([v, text]) => `<option value="${esc(v)}"${v === chosen ? ' selected' : ''}>${text}</option>`).join('')}</select>`;
  const head = `<tr><th></th><th>${t('partnerCount')}</th><th>${t('formalPartners')}</th>${BANDS.concat(['SUSPENDED']).map((b) => `<th>${band(b)}</th>`).join('')}</tr>`;
  main.innerHTML = `
    <section class="card" id="map-card"><h2>${t('mapTitle')} <span class="muted" id="map-counts">${esc(t('partnersOn', data.counts.partners, data.counts.countries))}</span></h2>
      <div class="filters">
        <label>${t('office')} ${select('m-office', [['', esc(t('allOffices'))]].concat(data.offices.map((o) => [o.officeId, name(o.nameEn, o.nameZh)])), data.office || '')}</label>
        <label>${t('list')} ${select('m-list', data.lists.map((l) => [l.id, lang === 'zh' ? esc(l.nameZh) : esc(l.nameEn)]), data.list.id)}</label>
      </div>
      <svg id="world" viewBox="0 0 ${world.width} ${world.height}" role="img" aria-label="${esc(t('mapTitle'))}">
        <path d="${world.land}" class="land"></path>${shapes}${dots}</svg>
      <div class="legend">${BANDS.concat(['SUSPENDED']).map((b) => band(b)).join(' ')}
        <span class="key"><span class="swatch gap"></span> ${t('gaps', lang === 'zh' ? data.list.nameZh : data.list.nameEn)}</span></div>
      <p class="muted map-note">${t('mapNote')}</p></section>
    <section class="card" id="gaps"><h2>${esc(t('gaps', lang === 'zh' ? data.list.nameZh : data.list.nameEn))} (${data.gaps.length})</h2>
      <p>${data.gaps.map((g) => `<span class="gap-item" data-code="${g.code}">${name(g.nameEn, g.nameZh)}</span>`).join(lang === 'zh' ? '、' : ', ') || t('noGaps')}</p></section>
    <div class="grid">
      <section class="card" id="ceremony-only"><h2>${t('ceremonyOnly')} (${data.counts.ceremonyOnly})</h2><p class="muted">${t('ceremonyOnlyHint')}</p>
        <ul class="alerts">${flagged('ceremonyOnly')}</ul></section>
      <section class="card" id="one-way"><h2>${t('oneWay')} (${data.counts.oneWay})</h2><p class="muted">${t('oneWayHint')}</p>
        <ul class="alerts">${flagged('oneWay', (p) => t(p.oneWay))}</ul></section>
    </div>
    <section class="card" id="by-continent"><h2>${t('continent')}</h2><table><thead>${head}</thead><tbody>${continents}</tbody></table></section>
    <section class="card" id="by-country"><h2>${t('country')} <span class="muted">${esc(t('countriesCount', data.countries.length))}</span></h2>
      <table><thead>${head.replace('<th></th>', `<th></th><th>${t('continent')}</th>`)}</thead>
      <tbody>${countries || `<tr><td colspan="10" class="muted">${t('none')}</td></tr>`}</tbody></table></section>
    ${unplaced.length ? `<section class="card" id="unplaced"><h2>${t('unplaced')}</h2><ul class="alerts">${unplaced.map((p) => `<li>${partnerLink(p)} <span class="muted">${esc(p.country)}</span></li>`).join('')}</ul></section>` : ''}`;
  ['office', 'list'].forEach((k) => document.getElementById('m-' + k).addEventListener('change', (e) => {
    const next = mapQuery();
    if (e.target.value) next.set(k, e.target.value); else next.delete(k);
    history.replaceState(null, '', '/map' + (next.toString() ? '?' + next : ''));
    render();
  }));
}

async function render(live = false) {
  renders++;
  liveRender = live;
  translateStatic();
  const path = location.pathname;
  const m = path.match(/^\/partners\/([^/]+)\/([^/]+)$/);
  const o = path.match(/^\/offices\/([^/]+)$/);
  try {
    if (m) await renderPartner(decodeURIComponent(m[1]), decodeURIComponent(m[2]));
    else if (o) await renderOffice(decodeURIComponent(o[1]));
    else if (path === '/partners') await renderPartners();
    else if (path === '/map') await renderMap();
    else await renderOverview();
    return true;
  } catch (e) {
    if (!(e instanceof Superseded)) console.error(e);
    return false;
  }
}

function readQuery() {
  const params = new URLSearchParams(location.search);
  Object.keys(table).forEach((k) => { if (params.get(k)) table[k] = params.get(k); });
}

let pendingRender = null;
function live() {
  const source = new EventSource('/api/v1/live');
  const dot = document.getElementById('live');
  source.addEventListener('open', () => dot.classList.add('on'));
  source.addEventListener('error', () => dot.classList.remove('on'));
  source.addEventListener('change', (e) => {
    const change = JSON.parse(e.data);
    if (pendingRender) return;
    pendingRender = setTimeout(() => { pendingRender = null; renderLive(change.version); }, 250);
  });
}

/** A live update's render. An officer's form being filled in is not swept away: the page renders once it is closed. */
async function renderLive(version) {
  if (document.querySelector('form.follow-up-form')) { renderWaiting = true; return; }
  if (!await render(true)) return;
  main.dataset.version = version;
  main.classList.remove('flash'); void main.offsetWidth; main.classList.add('flash');
}

document.getElementById('lang').addEventListener('click', () => {
  lang = lang === 'en' ? 'zh' : 'en';
  localStorage.setItem('amity.lang', lang);
  render();
});
readQuery();
Promise.allSettled([
  api('/api/v1/labels').then((labels) => { LABELS = labels; }),
  api('/api/v1/model').then((model) => { MODEL = model; }),
  api('/api/v1/me').then((me) => { ME = me; }),
  api('/api/v1/follow-ups/choices').then((choices) => { CHOICES = choices; }),
]).then((results) => results.filter((r) => r.status === 'rejected').forEach((r) => console.error(r.reason)))
  .finally(() => { render(); live(); });
