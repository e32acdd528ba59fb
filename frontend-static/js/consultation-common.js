// Shared pieces of the consultation pages: status and decision badges, the draft's paragraphs,
// and the id in the address. DOM and time helpers come from inquiry-common.js.

import { el } from './inquiry-common.js';

// Badge colours reuse the portal's existing status styles.
const STATUS_CLASS = {
  upcoming: 'status-scheduled',
  open: 'status-live',
  closed: 'status-ended',
  concluded: 'qstatus-approved',
  withdrawn: 'status-ended',
};

const DECISION_CLASS = {
  adopted: 'qstatus-approved',
  partly_adopted: 'qstatus-pending',
  not_adopted: 'qstatus-rejected',
};

export function consultationStatusBadge(status) {
  return el('span', {
    className: `badge status-badge ${STATUS_CLASS[status] || 'status-ended'}`,
    i18n: `consult.status.${status}`,
  });
}

export function decisionBadge(decision) {
  return el('span', { className: `badge decision ${DECISION_CLASS[decision] || ''}`, i18n: `consult.decision.${decision}` });
}

/** Plain text as paragraphs: blank lines separate paragraphs, single line breaks stay inside one. */
export function paragraphs(text) {
  return String(text || '').split(/\n\s*\n/).map((p) => p.trim()).filter(Boolean).map((p) => {
    const node = el('p');
    p.split('\n').forEach((line, i) => {
      if (i > 0) node.append(el('br'));
      node.append(document.createTextNode(line));
    });
    return node;
  });
}

export function consultationIdFromQuery() {
  const raw = new URLSearchParams(window.location.search).get('id');
  return raw && /^\d{1,18}$/.test(raw) ? raw : null;
}

export function consultationHref(consultation) {
  return `/consultations/detail.html?id=${encodeURIComponent(consultation.id)}`;
}
