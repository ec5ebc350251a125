import { describe, expect, it } from 'vitest';
import { checkArt34Message, measureReadability, type CheckItem, type MessageTemplate } from './art34-checker.ts';

const goodNl: MessageTemplate = {
  locale: 'nl',
  subject: 'Uw gegevens zijn gelekt bij een hack',
  body: [
    'Beste {{name}},',
    'Criminelen hebben ingebroken in ons klantsysteem. Zij hebben gegevens van klanten gestolen.',
    'Van u ging het om: {{exposed_data}}.',
    'Het risico is dat oplichters u nepberichten sturen. Zij doen zich dan voor als ons bedrijf of uw bank.',
    'Wij hebben de ingang gedicht en aangifte gedaan bij de politie. Ook hebben wij het gemeld bij de Autoriteit Persoonsgegevens.',
    'Wees alert op phishing. Deel nooit uw pincode. Controleer uw facturen goed.',
    'Heeft u vragen? Neem dan contact op via {{contact}}. Noem uw kenmerk {{reference}}.',
  ].join('\n'),
};

const goodEn: MessageTemplate = {
  locale: 'en',
  subject: 'Your data was stolen in a cyber attack',
  body: [
    'Dear {{name}},',
    'Criminals gained access to our customer system and stole customer data.',
    'For you this was: {{exposed_data}}.',
    'The risk is that criminals could send you fake messages that look like they come from us or your bank.',
    'We have closed the gap and reported it to the police. We also told the data protection authority.',
    'Be alert to phishing. Never share your PIN. Check your invoices.',
    'Questions? Contact us at {{contact}} and mention {{reference}}.',
  ].join('\n'),
};

function failing(result: ReturnType<typeof checkArt34Message>): CheckItem[] {
  return result.items.filter((i) => !i.passed).map((i) => i.item);
}

describe('art. 34(2) message check', () => {
  it.each([
    ['nl', goodNl],
    ['en', goodEn],
  ])('passes a complete, plain message in %s', (_locale, template) => {
    const result = checkArt34Message(template);
    expect(failing(result)).toEqual([]);
    expect(result.passed).toBe(true);
    expect(result.items.every((i) => i.reason.nl.length > 0 && i.reason.en.length > 0)).toBe(true);
  });

  const without = (template: MessageTemplate, ...lines: RegExp[]): MessageTemplate => ({
    ...template,
    body: template.body
      .split('\n')
      .filter((line) => !lines.some((l) => l.test(line)))
      .join('\n'),
  });

  it.each<[string, MessageTemplate, CheckItem[]]>([
    ['nl without exposed data', without(goodNl, /exposed_data/), ['exposed_data']],
    ['en without exposed data', without(goodEn, /exposed_data/), ['exposed_data']],
    ['nl without contact', without(goodNl, /contact/), ['contact']],
    ['en without contact', without(goodEn, /Contact us/), ['contact']],
    ['nl without advice', without(goodNl, /phishing/), ['advice']],
    ['en without advice', without(goodEn, /phishing/), ['advice']],
    ['nl without measures', without(goodNl, /gedicht/), ['measures']],
    ['en without measures', without(goodEn, /closed the gap/), ['measures']],
    ['nl without consequences', without(goodNl, /risico/), ['consequences']],
    ['en without consequences', without(goodEn, /The risk/), ['consequences']],
    [
      'nl without saying what happened',
      { ...without(goodNl, /ingebroken/), subject: 'Belangrijk bericht over uw account' },
      ['description'],
    ],
    ['en without saying what happened', { ...without(goodEn, /gained access/), subject: 'Important news about your account' }, ['description']],
    ['nl with an unknown placeholder', { ...goodNl, body: `${goodNl.body}\nGroet, {{afzender}}` }, ['placeholders']],
  ])('fails %s on exactly that item', (_name, template, items) => {
    const result = checkArt34Message(template);
    expect(failing(result)).toEqual(items);
    expect(result.passed).toBe(false);
    const verdict = result.items.find((i) => i.item === items[0])!;
    expect(verdict.reason.nl).not.toEqual(verdict.reason.en);
  });

  it('fails a Dutch letter in legal language with long sentences', () => {
    const legal: MessageTemplate = {
      ...goodNl,
      body:
        goodNl.body +
        '\nIngevolge artikel 34 van de Algemene verordening gegevensbescherming informeert de verwerkingsverantwoordelijke betrokkenen overeenkomstig de daartoe strekkende bepalingen omtrent de inbreuk in verband met persoonsgegevens die zich heeft voorgedaan teneinde betrokkenen in staat te stellen passende voorzorgsmaatregelen te treffen.',
    };
    const result = checkArt34Message(legal);
    expect(failing(result)).toEqual(['plain_language']);
    const reason = result.items.find((i) => i.item === 'plain_language')!.reason;
    expect(reason.nl).toContain('vaktaal');
    expect(reason.en).toContain('jargon');
  });

  it('fails an English text whose sentences run on', () => {
    const long = 'We are writing to let you know that on the evening of the first of March someone who should not have had access to our systems was able to look at some information that we hold about you and other customers of ours';
    const result = checkArt34Message({ ...goodEn, body: `${goodEn.body}\n${long}.` });
    expect(result.readability.averageSentenceLength).toBeGreaterThan(0);
    expect(measureReadability(`${long}.`, 'en').averageSentenceLength).toBe(long.split(' ').length);
  });

  it.each<[string, 'nl' | 'en', number, number, number]>([
    ['Dit is kort. Dit ook!', 'nl', 2, 5, 2.5],
    ['Twee zinnen hier? Ja.', 'nl', 2, 4, 2],
    ['One two three\nfour five', 'en', 2, 5, 2.5],
    ['Mail info@example.test or see https://example.test/faq now.', 'en', 1, 4, 4],
  ])('measures %j', (body, locale, sentences, words, average) => {
    const figures = measureReadability(body, locale);
    expect([figures.sentences, figures.words, figures.averageSentenceLength]).toEqual([sentences, words, average]);
  });

  it('counts words at the long-word limit of each language', () => {
    expect(measureReadability('Aansprakelijk woord.', 'nl').longWordShare).toBe(0.5); // 13 letters
    expect(measureReadability('Aansprakelij woord.', 'nl').longWordShare).toBe(0); // 12 letters
    expect(measureReadability('Information word.', 'en').longWordShare).toBe(0.5); // 11 letters
    expect(measureReadability('Informatio word.', 'en').longWordShare).toBe(0); // 10 letters
  });
});
