// One application as both its applicant and its reviewer see it: the facts, the status timeline,
// the answers drawn read-only from the definition version it was filed under, the uploaded
// materials, and the result document once issued. Fills elements with fixed ids (app-*).

import './servicehall-i18n.js';
import { t } from './i18n.js';
import { el, timeNode } from './inquiry-common.js';
import { formatBytes, renderAnswers } from './form-engine.js';
import {
  bilingual, dateNode, factRow, materialHref, missingList, overdueBadge, statusBadge, timelineList,
} from './servicehall-common.js';

const $ = (id) => document.getElementById(id);

function materialsList(detail) {
  const files = Array.isArray(detail.materials) ? detail.materials : [];
  if (!files.length) return el('p', { className: 'muted', i18n: 'sh.app.noMaterials' });
  const names = new Map(((detail.definition && detail.definition.materials) || []).map((m) => [m.code, m.name]));
  const list = el('ul', { className: 'fe-files' });
  for (const f of files) {
    const name = names.get(f.materialCode);
    const label = name ? bilingual(name.zh || name, name.en || name.zh || name, 'sh-material-name') : el('span', { text: f.materialCode });
    list.append(el('li', { attrs: { 'data-material': f.materialCode } }, label, t('form.labelSep'),
      el('a', { className: 'fe-file-name', text: f.fileName, attrs: { href: materialHref(detail.id, f), download: f.fileName } }),
      ' ', el('span', { className: 'muted', text: `(${formatBytes(f.size)})` })));
  }
  return list;
}

/** Fills the page's app-* elements from an ApplicationDetail. */
export function renderDetail(detail) {
  $('app-title').textContent = detail.serviceName || '';
  document.title = `${detail.serviceName || ''} - ${t('title.shApplication')}`;
  const status = el('span', {}, statusBadge(detail.status));
  if (detail.overdue) status.append(' ', overdueBadge());
  $('app-status').replaceChildren(status.cloneNode(true));
  const service = el('a', { text: detail.serviceName || detail.serviceCode,
    attrs: { href: `/servicehall/service.html?code=${encodeURIComponent(detail.serviceCode)}` } });
  $('app-facts').replaceChildren(
    factRow('sh.app.number', detail.number ? el('span', { className: 'sh-code', text: detail.number }) : el('span', { className: 'muted', i18n: 'sh.app.noNumber' })),
    factRow('sh.app.service', service),
    factRow('sh.app.department', el('span', { text: detail.departmentName || '' })),
    factRow('sh.app.status', status),
    factRow('sh.app.submittedAt', detail.submittedAt ? timeNode(detail.submittedAt) : el('span', { className: 'muted', text: '—' })),
    factRow('sh.app.updatedAt', detail.updatedAt ? timeNode(detail.updatedAt) : el('span', { className: 'muted', text: '—' })),
    factRow('sh.app.dueDate', dateNode(detail.dueDate)));
  $('app-timeline').replaceChildren(timelineList(detail.timeline));
  $('app-answers').replaceChildren(renderAnswers(detail.definition, detail.data));
  $('app-materials').replaceChildren(materialsList(detail));
  const missing = Array.isArray(detail.missing) ? detail.missing : [];
  $('app-missing-box').hidden = !(detail.status === 'supplement_requested' && missing.length);
  $('app-missing').replaceChildren(missingList(detail.definition, missing));
  $('app-result').hidden = !detail.resultAvailable;
  $('app-result-download').href = `/api/applications/${encodeURIComponent(detail.id)}/result`;
}
