import type { NotApplicableReason, ObligationId, ObligationStatus, Recipient, StartMoment } from './clocks.schemas.ts';
import type { DisplayLocale } from './format-deadline.ts';

export interface ObligationLabel {
  title: string;
  /** One plain sentence: who must be told what, and by when. */
  summary: string;
}

type Localised<T> = Record<DisplayLocale, T>;

export const obligationLabels: Record<ObligationId, Localised<ObligationLabel>> = {
  gdpr_authority: {
    nl: {
      title: 'Melding aan de Autoriteit Persoonsgegevens',
      summary: 'Meld het datalek binnen 72 uur nadat u ervan op de hoogte bent. Meldt u later, geef dan de reden voor de vertraging.',
    },
    en: {
      title: 'Notification to the supervisory authority',
      summary: 'Notify the breach within 72 hours of becoming aware of it. If you notify later, give the reason for the delay.',
    },
  },
  telecom_initial: {
    nl: {
      title: 'Eerste melding telecomaanbieder',
      summary: 'Als telecomaanbieder meldt u elk datalek binnen 24 uur na ontdekking aan de toezichthouder.',
    },
    en: {
      title: 'Initial telecom notification',
      summary: 'As a telecom provider you report every personal data breach to the authority within 24 hours of detecting it.',
    },
  },
  telecom_complete: {
    nl: {
      title: 'Volledige melding telecomaanbieder',
      summary: 'Was de eerste melding onvolledig, lever de rest dan uiterlijk 3 dagen na die eerste melding aan.',
    },
    en: {
      title: 'Complete telecom notification',
      summary: 'If the first notification was incomplete, send the rest no later than 3 days after it.',
    },
  },
  nis2_early_warning: {
    nl: {
      title: 'Vroege waarschuwing NIS2',
      summary: 'Waarschuw het CSIRT binnen 24 uur nadat u op de hoogte bent van een significant incident.',
    },
    en: {
      title: 'NIS2 early warning',
      summary: 'Warn the CSIRT within 24 hours of becoming aware of a significant incident.',
    },
  },
  nis2_notification: {
    nl: {
      title: 'Incidentmelding NIS2',
      summary: 'Meld het significante incident binnen 72 uur met een eerste beoordeling aan het CSIRT.',
    },
    en: {
      title: 'NIS2 incident notification',
      summary: 'Notify the significant incident to the CSIRT, with a first assessment, within 72 hours.',
    },
  },
  nis2_final_report: {
    nl: {
      title: 'Eindrapport NIS2',
      summary: 'Stuur het CSIRT uiterlijk een maand na de incidentmelding een eindrapport.',
    },
    en: {
      title: 'NIS2 final report',
      summary: 'Send the CSIRT a final report no later than one month after the incident notification.',
    },
  },
  processor_to_controller: {
    nl: {
      title: 'Melding verwerker aan verwerkingsverantwoordelijke',
      summary: 'De verwerker meldt het datalek aan de verwerkingsverantwoordelijke binnen de termijn uit de verwerkersovereenkomst.',
    },
    en: {
      title: 'Processor notification to the controller',
      summary: 'The processor reports the breach to the controller within the time agreed in the processing agreement.',
    },
  },
};

export const recipientLabels: Record<Recipient, Localised<string>> = {
  supervisory_authority: { nl: 'Autoriteit Persoonsgegevens (toezichthouder)', en: 'Supervisory authority' },
  csirt: { nl: 'CSIRT / bevoegde autoriteit (NIS2)', en: 'CSIRT / competent authority (NIS2)' },
  controller: { nl: 'Verwerkingsverantwoordelijke', en: 'Controller' },
};

export const startMomentLabels: Record<StartMoment, Localised<string>> = {
  awareness: { nl: 'vanaf het moment dat u op de hoogte was', en: 'from the moment you became aware' },
  detection: { nl: 'vanaf de ontdekking', en: 'from detection' },
  processor_awareness: { nl: 'vanaf het moment dat de verwerker op de hoogte was', en: 'from the moment the processor became aware' },
  telecom_initial_deadline: { nl: 'vanaf de uiterste termijn van de eerste melding', en: 'from the deadline of the initial notification' },
  telecom_initial_notification: { nl: 'vanaf de eerste melding', en: 'from the initial notification' },
  nis2_notification: { nl: 'vanaf de incidentmelding', en: 'from the incident notification' },
};

export const statusLabels: Record<ObligationStatus, Localised<string>> = {
  open: { nl: 'Loopt', en: 'Running' },
  met: { nl: 'Op tijd gemeld', en: 'Notified on time' },
  met_late: { nl: 'Te laat gemeld', en: 'Notified late' },
  overdue: { nl: 'Termijn verstreken', en: 'Overdue' },
  not_applicable: { nl: 'Niet van toepassing', en: 'Does not apply' },
};

export const notApplicableReasonLabels: Record<NotApplicableReason, Localised<string>> = {
  risk_unlikely: {
    nl: 'Het datalek leidt waarschijnlijk niet tot een risico: niet melden, wel vastleggen in het register.',
    en: 'The breach is unlikely to result in a risk: no notification, but record it in the register.',
  },
  not_telecom_provider: { nl: 'De organisatie is geen telecomaanbieder.', en: 'The organisation is not a telecom provider.' },
  not_nis2_entity: {
    nl: 'De organisatie is geen essentiële of belangrijke entiteit onder NIS2.',
    en: 'The organisation is not an essential or important entity under NIS2.',
  },
  nis2_not_significant: { nl: 'Het incident is niet significant in de zin van NIS2.', en: 'The incident is not significant under NIS2.' },
  awaiting_nis2_notification: {
    nl: 'Deze termijn begint pas als de NIS2-incidentmelding is gedaan.',
    en: 'This clock starts only once the NIS2 incident notification has been made.',
  },
  no_processor_involved: { nl: 'Er is geen verwerker bij betrokken.', en: 'No processor is involved.' },
};
