import { describeExposedData } from './exposed-data-phrases.ts';
import { compileTemplate, type CompiledTemplate, type TemplateValues } from './template-renderer.ts';
import type { Campaign, Language } from './notifications.types.ts';

export interface Recipient {
  id: string;
  language: Language;
  categories: string[];
  name: string | null;
}

export interface ComposedMessage {
  subject: string;
  text: string;
  html: string;
}

export interface CampaignComposer {
  compose(recipient: Recipient, caseReference: string): ComposedMessage;
}

const greetingFallback: Record<Language, string> = { nl: 'klant', en: 'customer' };

/** Compiles the campaign's templates once; composing a message for a person is then string joins only. */
export function createComposer(campaign: Pick<Campaign, 'templates' | 'contact' | 'organisation' | 'url' | 'startedAt' | 'createdAt'>): CampaignComposer {
  const compiled: Record<Language, { subject: CompiledTemplate; body: CompiledTemplate }> = {
    nl: { subject: compileTemplate(campaign.templates.nl.subject), body: compileTemplate(campaign.templates.nl.body) },
    en: { subject: compileTemplate(campaign.templates.en.subject), body: compileTemplate(campaign.templates.en.body) },
  };
  const date = (campaign.startedAt ?? campaign.createdAt).slice(0, 10);
  return {
    compose(recipient, caseReference) {
      const values: TemplateValues = {
        name: recipient.name ?? greetingFallback[recipient.language],
        exposed_data: describeExposedData(recipient.categories, recipient.language),
        contact: campaign.contact,
        reference: caseReference,
        organisation: campaign.organisation,
        date,
        url: campaign.url,
      };
      const t = compiled[recipient.language];
      // A subject is one line: a name with a line break must not be able to add a header.
      const subject = t.subject.render(values).replace(/[\r\n]+/g, ' ');
      return { subject, text: t.body.render(values), html: t.body.renderHtml(values) };
    },
  };
}
