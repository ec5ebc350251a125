/** The receipt a reporter gets by e-mail: the reference only, never what was reported (mail is not private). */
export function confirmationMail(input: { reference: string; organisationName: string; locale: 'nl' | 'en' }): { subject: string; text: string } {
  if (input.locale === 'en') {
    return {
      subject: `Your report ${input.reference} has been received`,
      text: `Thank you for reporting a possible data breach to ${input.organisationName}.\n\nYour reference is ${input.reference}. Please quote it if you contact us about this report.\n`,
    };
  }
  return {
    subject: `Uw melding ${input.reference} is ontvangen`,
    text: `Bedankt voor uw melding van een mogelijk datalek bij ${input.organisationName}.\n\nUw referentie is ${input.reference}. Noem deze als u over deze melding contact met ons opneemt.\n`,
  };
}
