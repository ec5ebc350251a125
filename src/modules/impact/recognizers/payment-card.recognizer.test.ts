import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cardScheme, maskPaymentCard, passesLuhn, validatePaymentCard } from './payment-card.recognizer.ts';

function withLuhnDigit(body: string): string {
  for (let d = 0; d <= 9; d += 1) if (passesLuhn(`${body}${d}`)) return `${body}${d}`;
  throw new Error('unreachable');
}

describe('payment card recognizer', () => {
  it('accepts the card networks’ published test numbers', () => {
    expect(validatePaymentCard('4111 1111 1111 1111')).toEqual({ valid: true });
    expect(validatePaymentCard('5555-5555-5555-4444')).toEqual({ valid: true });
    expect(validatePaymentCard('378282246310005')).toEqual({ valid: true });
    expect(cardScheme('378282246310005')).toBe('amex');
    expect(cardScheme('2221000000000009')).toBe('mastercard');
  });

  it('rejects a wrong check digit, unknown schemes, zeros and other shapes', () => {
    expect(validatePaymentCard('4111111111111112')).toEqual({ valid: false, reason: 'fails_luhn' });
    expect(validatePaymentCard(withLuhnDigit('912345678901234'))).toEqual({ valid: false, reason: 'unknown_card_scheme' });
    expect(validatePaymentCard('0000000000000000')).toEqual({ valid: false, reason: 'all_zero' });
    expect(validatePaymentCard('41111111111')).toEqual({ valid: false, reason: 'not_card_number_shape' });
  });

  it('accepts any Visa-prefixed number completed with the Luhn digit', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^4\d{14}$/), (body) => {
        expect(validatePaymentCard(withLuhnDigit(body)).valid).toBe(true);
      }),
    );
  });

  it('shows only the last four digits', () => {
    expect(maskPaymentCard('4111111111111111')).toBe('•••• •••• •••• 1111');
  });

  it('never throws on arbitrary strings', () => {
    fc.assert(fc.property(fc.string(), (value) => typeof validatePaymentCard(value).valid === 'boolean'));
  });
});
