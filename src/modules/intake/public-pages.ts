import type { FieldIssue } from '../../shared/app-error.ts';
import { dataCategories } from '../risk/index.ts';
import { categoryProfiles } from '../risk/data-categories.ts';
import type { PublicFormValues } from './public-form.ts';
import { honeypotField } from './public-form.ts';
import { escapeHtml, renderPublicPage } from './public-layout.ts';
import { publicTexts, type PublicLocale } from './public-texts.ts';
import { reporterRoles, triState } from './reports.schemas.ts';


const e = escapeHtml;

function page(locale: PublicLocale, title: string, body: string, switchUrl: string | null): string {
  return renderPublicPage({ locale, title, body, switchTo: switchUrl ? { url: switchUrl, label: publicTexts[locale].switchLanguage } : null });
}

function withLang(url: string, locale: PublicLocale): string {
  return `${url}?lang=${locale}`;
}

export interface FormPageInput {
  locale: PublicLocale;
  organisationName: string;
  action: string;
  csrfToken: string;
  values: PublicFormValues;
  errors: FieldIssue[];
  /** Set for a processor's signed link: the form then asks when the processor became aware. */
  processorName?: string;
  maxUploadBytes: number;
  /** Whether the rejected submit carried files, which the person must choose again. */
  filesWereSent?: boolean;
}

function errorMessage(locale: PublicLocale, message: string): string {
  const messages = publicTexts[locale].errors as Record<string, string>;
  return messages[message] ?? messages.invalid!;
}

export function renderReportForm(input: FormPageInput): string {
  const { locale, values } = input;
  const t = publicTexts[locale];
  const errorOf = (field: string) => input.errors.find((issue) => issue.field === field);
  const describedBy = (field: string) => (errorOf(field) ? ` aria-describedby="${field}-error" aria-invalid="true"` : '');
  const errorLine = (field: string) => {
    const issue = errorOf(field);
    return issue ? `<p class="field-error" id="${field}-error">${e(errorMessage(locale, issue.message))}</p>` : '';
  };
  const text = (field: keyof PublicFormValues & string, label: string, type = 'text', extra = '') =>
    `<div class="field"><label for="${field}">${e(label)}</label>${errorLine(field)}<input id="${field}" name="${field}" type="${type}" value="${e(String(values[field]))}"${describedBy(field)}${extra}></div>`;
  const radios = (field: 'ongoing' | 'dataEncrypted', legend: string) =>
    `<fieldset class="choices"${describedBy(field)}><legend>${e(legend)}</legend>${errorLine(field)}${triState
      .map((option) => `<label><input type="radio" name="${field}" value="${option}"${values[field] === option ? ' checked' : ''}> ${e(t.triState[option])}</label>`)
      .join('')}</fieldset>`;

  const labels: Record<string, string> = {
    reporterRole: t.role,
    reporterOrgName: t.orgName,
    reporterName: t.name,
    reporterEmail: t.email,
    reporterPhone: t.phone,
    processorAwareAt: t.processorAwareAt,
    description: t.description,
    occurredAt: t.occurredAt,
    discoveredAt: t.discoveredAt,
    ongoing: t.ongoing,
    systems: t.systems,
    dataCategories: t.categories,
    personsMin: `${t.persons}: ${t.personsMin}`,
    personsMax: `${t.persons}: ${t.personsMax}`,
    dataEncrypted: t.encrypted,
    attachments: t.attachments,
  };
  const fieldOrder = Object.keys(labels);
  const ordered = [...input.errors].sort((a, b) => fieldOrder.indexOf(a.field) - fieldOrder.indexOf(b.field));
  const anchor = (field: string) => (field === 'dataCategories' ? `category-${dataCategories[0]}` : field === 'ongoing' || field === 'dataEncrypted' ? `${field}-error` : field);
  // Files cannot be kept across a failed submit without JavaScript: say so when some were sent.
  const summary =
    ordered.length > 0
      ? `<div class="error-summary" role="alert" tabindex="-1" autofocus><h2>${e(t.errorSummary)}</h2><ul>${ordered
          .map((issue) => `<li><a href="#${e(anchor(issue.field))}">${e((labels[issue.field] ?? '').replace(/ \*$/, ''))}: ${e(errorMessage(locale, issue.message))}</a></li>`)
          .join('')}${input.filesWereSent ? `<li>${e(t.errors.reattach)}</li>` : ''}</ul></div>`
      : '';

  const who = input.processorName
    ? `<p class="processor">${e(t.processorFor)} <strong>${e(input.processorName)}</strong>.</p>${text('processorAwareAt', t.processorAwareAt, 'datetime-local', ' required')}${text('reporterName', t.name, 'text', ' autocomplete="name" maxlength="200"')}${text('reporterEmail', t.email, 'email', ' autocomplete="email" maxlength="254"')}${text('reporterPhone', t.phone, 'tel', ' autocomplete="tel" maxlength="40"')}`
    : `<div class="field"><label for="reporterRole">${e(t.role)}</label>${errorLine('reporterRole')}<select id="reporterRole" name="reporterRole"${describedBy('reporterRole')}><option value=""></option>${reporterRoles
        .map((role) => `<option value="${role}"${values.reporterRole === role ? ' selected' : ''}>${e(t.roles[role])}</option>`)
        .join('')}</select></div>${text('reporterOrgName', t.orgName, 'text', ' autocomplete="organization" maxlength="200"')}${text('reporterName', t.name, 'text', ' autocomplete="name" maxlength="200"')}${text('reporterEmail', t.email, 'email', ' autocomplete="email" maxlength="254"')}${text('reporterPhone', t.phone, 'tel', ' autocomplete="tel" maxlength="40"')}`;

  const categories = dataCategories
    .map((category) => `<label><input type="checkbox" id="category-${category}" name="dataCategories" value="${category}"${values.dataCategories.includes(category) ? ' checked' : ''}> ${e(categoryProfiles[category][locale])}</label>`)
    .join('');

  const body = `<h1>${e(t.title)}</h1>
<p class="org">${e(input.organisationName)}</p>
<p>${e(t.intro)}</p>
${summary}
<form method="post" action="${e(withLang(input.action, locale))}" enctype="multipart/form-data" novalidate>
<input type="hidden" name="_csrf" value="${e(input.csrfToken)}">
<div class="hp" aria-hidden="true"><label for="${honeypotField}">${e(t.honeypot)}</label><input id="${honeypotField}" name="${honeypotField}" type="text" tabindex="-1" autocomplete="off"></div>
<fieldset><legend>${e(t.who)}</legend>${who}</fieldset>
<fieldset><legend>${e(t.what)}</legend>
<div class="field"><label for="description">${e(t.description)}</label>${errorLine('description')}<textarea id="description" name="description" rows="8" maxlength="10000" required${describedBy('description')}>${e(values.description)}</textarea></div>
${text('occurredAt', t.occurredAt, 'datetime-local')}
${text('discoveredAt', t.discoveredAt, 'datetime-local')}
${radios('ongoing', t.ongoing)}
<div class="field"><label for="systems">${e(t.systems)}</label>${errorLine('systems')}<textarea id="systems" name="systems" rows="3" maxlength="2000"${describedBy('systems')}>${e(values.systems)}</textarea></div>
</fieldset>
<fieldset class="choices categories"><legend>${e(t.categories)}</legend>${errorLine('dataCategories')}${categories}</fieldset>
<fieldset><legend>${e(t.persons)}</legend>${text('personsMin', t.personsMin, 'number', ' min="0" inputmode="numeric"')}${text('personsMax', t.personsMax, 'number', ' min="0" inputmode="numeric"')}</fieldset>
${radios('dataEncrypted', t.encrypted)}
<div class="field"><label for="attachments">${e(t.attachments)}</label>${errorLine('attachments')}<input id="attachments" name="attachments" type="file" multiple${describedBy('attachments')}><p class="hint">max. ${Math.floor(input.maxUploadBytes / 1024 / 1024)} MB</p></div>
<button type="submit">${e(t.submit)}</button>
</form>`;
  return page(locale, t.title, body, withLang(input.action, locale === 'nl' ? 'en' : 'nl'));
}

export function renderConfirmation(input: { locale: PublicLocale; organisationName: string; reference: string; emailed: boolean }): string {
  const t = publicTexts[input.locale];
  const body = `<h1>${e(t.thanksTitle)}</h1>
<p class="org">${e(input.organisationName)}</p>
<p>${e(t.thanks)}</p>
<p class="reference"><strong>${e(input.reference)}</strong></p>
${input.emailed ? `<p>${e(t.emailed)}</p>` : ''}`;
  return page(input.locale, t.thanksTitle, body, null);
}

export function renderChooser(input: { locale: PublicLocale; organisations: Array<{ name: string; slug: string }> }): string {
  const t = publicTexts[input.locale];
  const items = input.organisations.map((org) => `<li><a href="${e(withLang(`/report/${encodeURIComponent(org.slug)}`, input.locale))}">${e(org.name)}</a></li>`).join('');
  return page(input.locale, t.title, `<h1>${e(t.title)}</h1><p>${e(t.chooser)}</p><ul class="orgs">${items}</ul>`, withLang('/report', input.locale === 'nl' ? 'en' : 'nl'));
}

export function renderMessagePage(locale: PublicLocale, message: 'tooMany' | 'notFound' | 'failed'): string {
  const t = publicTexts[locale];
  return page(locale, t.title, `<h1>${e(t.title)}</h1><p class="message">${e(t[message])}</p>`, null);
}
