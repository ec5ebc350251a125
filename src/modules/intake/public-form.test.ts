import { describe, expect, it } from 'vitest';
import { emptyFormValues, formValuesOf, validatePublicForm, wallTimeToInstant } from './public-form.ts';
import { organisationSlug, uniqueSlug } from './organisation-slug.ts';
import { escapeHtml } from './public-layout.ts';

const options = { timeZone: 'Europe/Amsterdam', maxUploadBytes: 1000, requireProcessorAwareAt: false };

describe('public report form', () => {
  it('reads datetime-local values as Amsterdam wall time across daylight saving', () => {
    expect(wallTimeToInstant('2026-01-15T10:00', 'Europe/Amsterdam')).toBe('2026-01-15T09:00:00.000Z');
    expect(wallTimeToInstant('2026-07-15T10:00', 'Europe/Amsterdam')).toBe('2026-07-15T08:00:00.000Z');
    expect(wallTimeToInstant('2024-02-29T00:30', 'Europe/Amsterdam')).toBe('2024-02-28T23:30:00.000Z');
    expect(wallTimeToInstant('2026-02-30T10:00', 'Europe/Amsterdam')).toBeNull();
    expect(wallTimeToInstant('yesterday', 'Europe/Amsterdam')).toBeNull();
    expect(wallTimeToInstant('', 'Europe/Amsterdam')).toBeUndefined();
  });

  it('names each bad field and accepts a minimal report', () => {
    const bad = validatePublicForm({ ...emptyFormValues(), personsMin: 'ten', reporterEmail: 'not-an-address', occurredAt: 'x' }, [], options);
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(bad.errors.map((e) => e.field).sort()).toEqual(['description', 'occurredAt', 'personsMin', 'reporterEmail']);
    const good = validatePublicForm({ ...emptyFormValues(), description: 'USB stick lost' }, [], options);
    expect(good.ok).toBe(true);
  });

  it('rejects a range whose maximum is below its minimum, and unknown categories', () => {
    const result = validatePublicForm({ ...emptyFormValues(), description: 'x', personsMin: '10', personsMax: '2', dataCategories: ['name', 'shoe_size'] }, [], options);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.errors.map((e) => e.field).sort()).toEqual(['dataCategories', 'personsMax']);
  });

  it('rejects truncated, oversized and unaccepted files, and more than five', () => {
    const file = (overrides = {}) => ({ name: 'a.pdf', contentType: 'application/pdf', data: Buffer.alloc(10), truncated: false, ...overrides });
    const values = { ...emptyFormValues(), description: 'x' };
    expect(validatePublicForm(values, [file({ truncated: true })], options)).toMatchObject({ ok: false, errors: [{ field: 'attachments', message: 'file_too_large' }] });
    expect(validatePublicForm(values, [file({ contentType: 'text/html' })], options)).toMatchObject({ ok: false, errors: [{ field: 'attachments', message: 'file_type' }] });
    expect(validatePublicForm(values, Array.from({ length: 6 }, () => file()), options)).toMatchObject({ ok: false, errors: [{ field: 'attachments', message: 'too_many_files' }] });
    expect(validatePublicForm(values, [file()], options).ok).toBe(true);
  });

  it('asks a processor when it became aware', () => {
    const result = validatePublicForm({ ...emptyFormValues(), description: 'x' }, [], { ...options, requireProcessorAwareAt: true });
    expect(result).toMatchObject({ ok: false, errors: [{ field: 'processorAwareAt', message: 'required' }] });
  });

  it('keeps only text from whatever shape the body had', () => {
    const values = formValuesOf({ description: ['first', 'second'], dataCategories: 'name', personsMin: { nested: 1 } });
    expect(values.description).toBe('first');
    expect(values.dataCategories).toEqual(['name']);
    expect(values.personsMin).toBe('');
  });
});

describe('organisation slugs and escaping', () => {
  it('derives readable slugs and numbers duplicates', () => {
    expect(organisationSlug('Zorg & Co B.V.')).toBe('zorg-co-bv');
    expect(organisationSlug('Café Ünïcode')).toBe('cafe-unicode');
    expect(organisationSlug('***')).toBe('organisation');
    const taken = new Set(['acme', 'acme-2']);
    expect(uniqueSlug('acme', (s) => taken.has(s))).toBe('acme-3');
  });

  it('escapes every markup character', () => {
    expect(escapeHtml(`<script>alert("x")</script>&'`)).toBe('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;&amp;&#39;');
  });
});
