import { describe, expect, it } from 'vitest';
import { checkArt34Message } from '../../src/modules/messages-check/art34-checker.ts';
import { campaignActions, durationParts, failingItems, mayApprove, missingFields, moveChannel, progressFraction, starterTemplates, templateFields, type CampaignDraft } from './campaign-view.ts';

const draft: CampaignDraft = {
  name: 'Customers',
  brand: 'Telco',
  organisation: 'Telco B.V.',
  contact: '0800-1234',
  url: '',
  audienceSets: ['confirmed'],
  channelOrder: ['email', 'letter'],
  elderlyRoute: 'same',
  templates: starterTemplates,
};

describe('campaign view', () => {
  it('offers only the actions the server accepts from each state', () => {
    expect(campaignActions('draft')).toEqual(['approve', 'cancel']);
    expect(campaignActions('approved')).toEqual(['start', 'cancel']);
    expect(campaignActions('running')).toEqual(['pause', 'cancel']);
    expect(campaignActions('paused')).toEqual(['resume', 'cancel']);
    expect(campaignActions('completed')).toEqual([]);
    expect(campaignActions('cancelled')).toEqual([]);
  });

  it('lets a second officer approve a draft, never its author', () => {
    expect(mayApprove({ state: 'draft', createdBy: 'u1' }, 'u1')).toBe(false);
    expect(mayApprove({ state: 'draft', createdBy: 'u1' }, 'u2')).toBe(true);
    expect(mayApprove({ state: 'approved', createdBy: 'u1' }, 'u2')).toBe(false);
  });

  it('counts progress as the share of people no longer pending', () => {
    expect(progressFraction({ total: 200, pending: 50, state: 'running' })).toBe(0.75);
    expect(progressFraction({ total: 0, pending: 0, state: 'running' })).toBe(0);
    expect(progressFraction({ total: 0, pending: 0, state: 'completed' })).toBe(1);
  });

  it('splits the time left into hours, minutes and seconds', () => {
    expect(durationParts(3723.2)).toEqual({ hours: 1, minutes: 2, seconds: 4 });
    expect(durationParts(-5)).toEqual({ hours: 0, minutes: 0, seconds: 0 });
  });

  it('moves a channel within the order and ignores a move past either end', () => {
    expect(moveChannel(['email', 'sms', 'letter'], 2, -1)).toEqual(['email', 'letter', 'sms']);
    expect(moveChannel(['email', 'sms', 'letter'], 0, -1)).toEqual(['email', 'sms', 'letter']);
    expect(moveChannel(['email', 'sms', 'letter'], 2, 1)).toEqual(['email', 'sms', 'letter']);
  });

  it('names the empty fields the way the API names them', () => {
    expect(missingFields(draft)).toEqual([]);
    const empty = { ...draft, brand: ' ', channelOrder: [], templates: { ...draft.templates, en: { subject: 'x', body: '' } } };
    expect(missingFields(empty)).toEqual(['brand', 'channelOrder', 'templates.en.body']);
  });

  it('starts the author from templates that pass the art. 34(2) check and use only known fields', () => {
    for (const locale of ['nl', 'en'] as const) expect(checkArt34Message({ ...starterTemplates[locale], locale }).passed).toBe(true);
    expect(templateFields).toContain('{{exposed_data}}');
  });

  it('lists each failing check element with its reason in the reader language', () => {
    const check = checkArt34Message({ subject: 'Update', body: 'Er is iets gebeurd, {{name}}.', locale: 'nl' });
    const failing = failingItems(check, 'en');
    expect(failing.map((f) => f.item)).toEqual(expect.arrayContaining(['contact', 'advice', 'exposed_data']));
    expect(failing.every((f) => f.reason === check.items.find((i) => i.item === f.item)!.reason.en)).toBe(true);
  });
});
