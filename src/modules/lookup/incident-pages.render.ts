import { escapeHtml as e, renderPublicPage } from '../intake/index.ts';
import type { IncidentTexts } from './incident-page.schemas.ts';
import { lookupTexts, type LookupLocale } from './lookup-texts.ts';
import type { LookupChannels } from './public-lookup.service.ts';

/** The same frame and stylesheet as the public report pages. */
function layout(locale: LookupLocale, title: string, body: string, switchUrl: string | null): string {
  return renderPublicPage({ locale, title, body, switchTo: switchUrl ? { url: switchUrl, label: lookupTexts[locale].switchLanguage } : null });
}

function langUrl(url: string, locale: LookupLocale): string {
  return locale === 'en' ? `${url}?lang=en` : url;
}

export interface IncidentPageInput {
  locale: LookupLocale;
  slug: string;
  organisationName: string;
  caseReference: string;
  texts: IncidentTexts;
  updatedAt: string;
  csrfToken: string;
  channels: LookupChannels;
}

function paragraphs(text: string): string {
  return text
    .split(/\n{2,}/)
    .map((part) => part.trim())
    .filter(Boolean)
    .map((part) => `<p>${e(part).replace(/\n/g, '<br>')}</p>`)
    .join('');
}

function customerFields(t: (typeof lookupTexts)[LookupLocale]): string {
  return `<fieldset aria-describedby="customer-intro"><legend>${e(t.customerTitle)}</legend>
<p id="customer-intro">${e(t.customerIntro)}</p>
<div class="field"><label for="customerNumber">${e(t.customerNumber)}</label><input id="customerNumber" name="customerNumber" type="text" autocomplete="off" maxlength="64"></div>
<div class="field"><label for="postcode">${e(t.postcode)}</label><input id="postcode" name="postcode" type="text" autocomplete="postal-code" maxlength="7"></div>
</fieldset>`;
}

export function renderIncidentPage(input: IncidentPageInput): string {
  const t = lookupTexts[input.locale];
  const base = `/incident/${encodeURIComponent(input.slug)}`;
  const sections = (['whatHappened', 'whatData', 'whatWeDid', 'whatToDo', 'phishing', 'contact'] as const)
    .filter((key) => input.texts[key].trim() !== '')
    .map((key) => `<section aria-labelledby="s-${key}"><h2 id="s-${key}">${e(t[key])}</h2>${paragraphs(input.texts[key])}</section>`)
    .join('\n');
  const updated = input.updatedAt.slice(0, 10);
  const body = `<h1>${e(t.pageTitle)}</h1>
<p class="org">${e(input.organisationName)}</p>
<p>${e(t.reference)}: ${e(input.caseReference)} · ${e(t.lastUpdated)}: <time datetime="${e(input.updatedAt)}">${e(updated)}</time></p>
${sections}
<section aria-labelledby="lookup-title">
<h2 id="lookup-title">${e(t.lookupTitle)}</h2>
<p id="lookup-intro">${e(input.channels.phone ? t.lookupIntro : t.lookupIntroEmailOnly)}</p>
${input.channels.phone ? '' : `<p>${e(t.noPhoneLookup)}</p>`}
<form method="post" action="${e(langUrl(`${base}/lookup`, input.locale))}" novalidate>
<input type="hidden" name="_csrf" value="${e(input.csrfToken)}">
<div class="field"><label for="identifier">${e(input.channels.phone ? t.identifier : t.identifierEmailOnly)}</label><input id="identifier" name="identifier" type="text" autocomplete="email" maxlength="254" aria-describedby="lookup-intro"></div>
${input.channels.customerNumber ? customerFields(t) : ''}
<button type="submit">${e(t.submit)}</button>
</form>
</section>
<section aria-labelledby="verify-title">
<h2 id="verify-title">${e(t.verifyTitle)}</h2>
<p><a href="${e(langUrl(`${base}/verify`, input.locale))}">${e(t.verifyIntro)}</a></p>
</section>`;
  return layout(input.locale, `${t.pageTitle} – ${input.organisationName}`, body, langUrl(base, input.locale === 'nl' ? 'en' : 'nl'));
}

/** The one answer to every lookup, whatever was entered: it holds nothing that depends on the input. */
export function renderLookupAnswer(input: { locale: LookupLocale; slug: string; organisationName: string; channels: LookupChannels }): string {
  const t = lookupTexts[input.locale];
  const base = `/incident/${encodeURIComponent(input.slug)}`;
  const body = `<h1>${e(t.answerTitle)}</h1>
<p class="org">${e(input.organisationName)}</p>
<p class="message" role="status">${e(t.answer)}</p>
${input.channels.customerNumber ? `<p>${e(t.answerCustomer)}</p>` : ''}
<p><a href="${e(langUrl(base, input.locale))}">${e(t.back)}</a></p>`;
  return layout(input.locale, `${t.answerTitle} – ${input.organisationName}`, body, null);
}

export function renderVerifyPage(input: { locale: LookupLocale; slug: string; organisationName: string; csrfToken: string; result: 'genuine' | 'not_genuine' | null }): string {
  const t = lookupTexts[input.locale];
  const base = `/incident/${encodeURIComponent(input.slug)}`;
  const result =
    input.result === null ? '' : `<p class="message ${input.result === 'genuine' ? 'genuine' : 'not-genuine'}" role="status">${e(input.result === 'genuine' ? t.genuine : t.notGenuine)}</p>`;
  const body = `<h1>${e(t.verifyTitle)}</h1>
<p class="org">${e(input.organisationName)}</p>
${result}
<p id="verify-intro">${e(t.verifyIntro)}</p>
<form method="post" action="${e(langUrl(`${base}/verify`, input.locale))}" novalidate>
<input type="hidden" name="_csrf" value="${e(input.csrfToken)}">
<div class="field"><label for="code">${e(t.verifyCode)}</label><input id="code" name="code" type="text" autocomplete="off" maxlength="40" required aria-describedby="verify-intro"></div>
<button type="submit">${e(t.verifySubmit)}</button>
</form>
<p><a href="${e(langUrl(base, input.locale))}">${e(t.back)}</a></p>`;
  return layout(input.locale, `${t.verifyTitle} – ${input.organisationName}`, body, langUrl(`${base}/verify`, input.locale === 'nl' ? 'en' : 'nl'));
}

export function renderLookupMessagePage(locale: LookupLocale, message: 'notFound' | 'failed'): string {
  const t = lookupTexts[locale];
  return layout(locale, t.pageTitle, `<h1>${e(t.pageTitle)}</h1><p class="message">${e(t[message])}</p>`, null);
}
