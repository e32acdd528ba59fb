// The guide of one service (办事指南): basic facts, description, legal basis, conditions,
// materials (original or copy, copies, blank form), fees, statutory and promised time limits,
// steps and channels; "在线办理" leads to the application form when the service is fully online.

import './servicehall-i18n.js';
import { api } from './api.js';
import { currentLang, t } from './i18n.js';
import { el, onLangChange, setText } from './inquiry-common.js';
import { bilingual, factRow, labelFor } from './servicehall-common.js';

const $ = (id) => document.getElementById(id);
const code = (new URLSearchParams(window.location.search).get('code') || '').trim();
let guide = null;

function days(n, zeroKey) {
  return n ? setText(el('span'), 'sh.guide.days', { n }) : el('span', { i18n: zeroKey });
}

function depthNode(g) {
  const node = labelFor('sh.depth', g.onlineDepth);
  return g.fullyOnline ? el('span', {}, node, ' ', el('span', { className: 'badge sh-online', i18n: 'sh.fullyOnline' })) : node;
}

function facts(g) {
  const events = (g.lifeEvents || []).map((e) => bilingual(e.name, e.nameEn, 'sh-event'));
  const eventNodes = el('span', { className: 'sh-events' });
  events.forEach((e, i) => eventNodes.append(...(i ? ['、', e] : [e])));
  $('facts').replaceChildren(
    factRow('sh.guide.code', el('span', { className: 'sh-code', text: g.code })),
    factRow('sh.guide.department', bilingual(g.department && g.department.name, g.department && g.department.nameEn)),
    factRow('sh.guide.area', bilingual(g.area && g.area.name, g.area && g.area.nameEn)),
    factRow('sh.guide.type', labelFor('sh.type', g.itemType)),
    factRow('sh.guide.audience', labelFor('sh.audience', g.audience)),
    factRow('sh.guide.depth', depthNode(g)),
    factRow('sh.guide.visits', g.onSiteVisits ? setText(el('span'), 'sh.visits', { n: g.onSiteVisits }) : el('span', { i18n: 'sh.visits0' })),
    factRow('sh.guide.statutory', days(g.statutoryDays, 'sh.guide.noStatutory')),
    factRow('sh.guide.promised', days(g.promisedDays, 'sh.promised0')),
    factRow('sh.guide.result', g.result ? el('span', { text: g.result }) : el('span', { i18n: 'sh.guide.noResult' })),
    ...(events.length ? [factRow('sh.guide.lifeEvents', eventNodes)] : []));
}

function materials(list) {
  $('material-rows').replaceChildren(...(list || []).map((m) => el('tr', { attrs: { 'data-material': m.key } },
    el('th', { attrs: { scope: 'row' }, text: m.name }),
    el('td', {}, labelFor('sh.guide.form', m.form)),
    el('td', { text: String(m.copies) }),
    el('td', {}, el('span', { i18n: m.required ? 'sh.guide.required' : 'sh.guide.optional' })),
    // The catalogue names the blank form but does not serve it, so it is named, not linked.
    el('td', {}, m.template
      ? el('span', {}, el('span', { className: 'sh-template', text: m.template }), '（', el('span', { i18n: 'sh.guide.templateNote' }), '）')
      : el('span', { className: 'muted', i18n: 'sh.guide.noTemplate' })))));
}

function fees(list) {
  const items = list || [];
  $('no-fees').hidden = items.length > 0;
  $('fees').hidden = items.length === 0;
  $('fee-rows').replaceChildren(...items.map((f) => el('tr', {},
    el('th', { attrs: { scope: 'row' }, text: f.item }),
    el('td', { text: new Intl.NumberFormat(currentLang(), { minimumFractionDigits: 2 }).format(Number(f.amount) || 0) }),
    el('td', { text: f.basis || '' }))));
}

function legal(g) {
  const basis = g.legalBasis || {};
  const node = $('legal-basis');
  node.replaceChildren(el('span', { text: basis.text || '' }));
  if (basis.url) {
    node.append(' ', el('a', { i18n: 'sh.guide.legalLink', attrs: { href: basis.url, rel: 'noopener noreferrer', target: '_blank' } }));
  }
}

function applyPanel(g) {
  const button = $('apply-button');
  if (g.fullyOnline) {
    button.href = `/servicehall/apply.html?service=${encodeURIComponent(g.code)}`;
    button.hidden = false;
    $('apply-note').setAttribute('data-i18n', 'sh.guide.applyNote');
    $('apply-note').textContent = t('sh.guide.applyNote');
  } else {
    button.hidden = true;
    setText($('apply-note'), 'sh.guide.notOnline', { n: g.onSiteVisits });
  }
}

function titles(g) {
  const name = currentLang() === 'en' ? (g.nameEn || g.name) : g.name;
  $('service-name').textContent = name;
  document.title = `${name} - ${t('title.shGuide')}`;
  $('description').textContent = currentLang() === 'en' ? (g.descriptionEn || g.description || '') : (g.description || '');
}

function render(g) {
  titles(g);
  $('service-badges').replaceChildren(labelFor('sh.type', g.itemType, 'badge sh-type'), ' ',
    g.fullyOnline ? el('span', { className: 'badge sh-online', i18n: 'sh.fullyOnline' })
      : setText(el('span', { className: 'badge sh-depth' }), 'sh.depthShort', { n: g.onlineDepth }));
  applyPanel(g);
  facts(g);
  legal(g);
  $('conditions').replaceChildren(...(g.conditions || []).map((c) => el('li', { text: c.text })));
  materials(g.materials);
  fees(g.fees);
  $('steps').replaceChildren(...(g.steps || []).map((s) => el('li', {},
    el('p', { className: 'sh-step-title', text: s.title }), el('p', { className: 'sh-step-detail', text: s.detail }))));
  $('channels').replaceChildren(...(g.channels || []).map((c) => el('li', { attrs: { 'data-channel': c } }, labelFor('sh.channel', c))));
  $('guide').hidden = false;
}

function keepCatalogueSearch() {
  try {
    const from = new URL(document.referrer);
    if (from.origin === window.location.origin && /^\/servicehall\/(index\.html)?$/.test(from.pathname)) {
      $('back-link').href = from.pathname + from.search;
    }
  } catch {
    // no referrer: the plain catalogue
  }
}

async function start() {
  keepCatalogueSearch();
  const status = $('guide-status');
  try {
    if (!code) throw Object.assign(new Error(t('sh.guide.notFound')), { status: 404 });
    guide = await api('GET', `/api/services/${encodeURIComponent(code)}`);
    render(guide);
    status.hidden = true;
  } catch (err) {
    status.hidden = true;
    const box = $('guide-error');
    box.textContent = err.status === 404 ? t('sh.guide.notFound') : (err.message || t('error.generic'));
    box.hidden = false;
  }
}

onLangChange(() => {
  if (guide) {
    titles(guide);
    fees(guide.fees);
  }
});
start();
