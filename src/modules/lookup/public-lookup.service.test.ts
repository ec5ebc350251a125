import { describe, expect, it } from 'vitest';
import { renderIncidentPage, renderLookupAnswer } from './incident-pages.render.ts';
import { emptyIncidentTexts } from './incident-page.schemas.ts';
import { normaliseIdentifier } from './public-lookup.service.ts';

describe('normaliseIdentifier', () => {
  const all = { phone: true, customerNumber: true };

  it('joins a customer number and postcode into one identifier only when the page offers it', () => {
    expect(normaliseIdentifier({ identifier: '', customerNumber: ' kl-12345 ', postcode: '1234ab' }, all)).toEqual({ kind: 'customer_postcode', value: 'KL-12345|1234 AB' });
    expect(normaliseIdentifier({ identifier: '', customerNumber: 'KL-12345', postcode: '' }, all)).toBeNull();
    expect(normaliseIdentifier({ identifier: 'a@example.nl', customerNumber: 'KL-12345', postcode: '1234 AB' }, { phone: true, customerNumber: false })).toEqual({ kind: 'email', value: 'a@example.nl' });
  });

  it('takes a phone number only when text messages can answer it', () => {
    expect(normaliseIdentifier({ identifier: '06 1234 5678' }, all)).toEqual({ kind: 'phone', value: '+31612345678' });
    expect(normaliseIdentifier({ identifier: '06 1234 5678' }, { phone: false, customerNumber: false })).toBeNull();
    expect(normaliseIdentifier({ identifier: 'Jan@Example.NL' }, { phone: false, customerNumber: false })).toEqual({ kind: 'email', value: 'jan@example.nl' });
  });
});

describe('the public page offers what can be answered', () => {
  const page = { locale: 'en' as const, slug: 'leak', organisationName: 'Telco', caseReference: 'BD-1', texts: emptyIncidentTexts, updatedAt: '2026-11-24T05:00:00.000Z', csrfToken: 't' };

  it('says phone numbers cannot be checked without an SMS gateway, and shows customer fields only when enabled', () => {
    const emailOnly = renderIncidentPage({ ...page, channels: { phone: false, customerNumber: false } });
    expect(emailOnly).toContain('we cannot send text messages');
    expect(emailOnly).not.toContain('name="customerNumber"');
    const everything = renderIncidentPage({ ...page, channels: { phone: true, customerNumber: true } });
    expect(everything).not.toContain('we cannot send text messages');
    expect(everything).toContain('<label for="identifier">E-mail address or phone number</label>');
    expect(everything).toContain('name="customerNumber"');
    expect(everything).toContain('name="postcode"');
  });

  it('tells, on a page with customer-number checks, where such an answer goes', () => {
    const answer = (customerNumber: boolean) => renderLookupAnswer({ locale: 'nl', slug: 'leak', organisationName: 'Telco', channels: { phone: false, customerNumber } });
    expect(answer(true)).toContain('dat wij al van u hadden');
    expect(answer(false)).not.toContain('klantnummer');
  });
});
