// Apply for disclosure: the authority, the information wanted, its purpose, how to receive it and
// how to reach the applicant. The server checks everything again and answers problem+json.

import { api } from './api.js';
import { t } from './i18n.js';
import { el, setBilingual, setText } from './inquiry-common.js';
import { clearErrors, setBusy, showProblem, validate } from './forms.js';
import { DELIVERIES, isApplicant, requireUser } from './disclosure-request-common.js';

const $ = (id) => document.getElementById(id);
const form = $('apply-form');

async function fillDepartments() {
  const select = $('departmentId');
  const departments = await api('GET', '/api/departments');
  const groups = {
    municipal: el('optgroup', { attrs: { label: t('dreq.apply.groupMunicipal') } }),
    district: el('optgroup', { attrs: { label: t('dreq.apply.groupDistrict') } }),
  };
  for (const d of Array.isArray(departments) ? departments : []) {
    const option = setBilingual(el('option', { attrs: { value: d.id } }), d.nameZh || d.name, d.nameEn);
    (groups[d.kind] || groups.municipal).append(option);
  }
  select.append(groups.municipal, groups.district);
}

function fillDeliveries() {
  const row = $('delivery-options');
  DELIVERIES.forEach((code, i) => {
    const id = `delivery-${code}`;
    row.append(el('div', { className: 'radio' },
      el('input', { attrs: { type: 'radio', id, name: 'delivery', value: code, required: true, checked: i === 0 } }),
      ' ', el('label', { i18n: `dreq.delivery.${code}`, attrs: { for: id } })));
  });
}

function body() {
  const value = (name) => {
    const v = form.elements.namedItem(name).value.trim();
    return v === '' ? null : v;
  };
  const delivery = form.querySelector('input[name="delivery"]:checked');
  return {
    departmentId: value('departmentId') === null ? null : Number(value('departmentId')),
    description: value('description'),
    documentTitle: value('documentTitle'),
    documentNumber: value('documentNumber'),
    purpose: value('purpose'),
    delivery: delivery ? delivery.value : null,
    contactPhone: value('contactPhone'),
    contactEmail: value('contactEmail'),
    contactAddress: value('contactAddress'),
  };
}

async function submit(event) {
  event.preventDefault();
  clearErrors(form);
  const local = validate(form);
  if (local) {
    showProblem(form, local);
    return;
  }
  const button = $('apply-submit');
  setBusy(form, button, true);
  try {
    const result = await api('POST', '/api/disclosure/requests', body());
    form.hidden = true;
    setText($('success-text'), 'dreq.apply.successText', { number: result.number, due: result.clock.dueOn });
    $('view-request').href = `/disclosure/request.html?id=${encodeURIComponent(result.id)}`;
    $('success').hidden = false;
    $('success').focus();
  } catch (err) {
    showProblem(form, err.problem);
  } finally {
    setBusy(form, button, false);
  }
}

async function start() {
  const user = await requireUser();
  if (!user) return;
  if (!isApplicant(user)) {
    $('not-applicant').hidden = false;
    return;
  }
  try {
    await fillDepartments();
  } catch (err) {
    $('page-error').textContent = err.message || t('error.generic');
    $('page-error').hidden = false;
    return;
  }
  fillDeliveries();
  form.addEventListener('submit', submit);
  form.hidden = false;
}

start();
