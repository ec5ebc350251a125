import type { SendOutcome } from './recipient-routing.ts';

export interface SmsMessage {
  to: string;
  text: string;
  reference: string;
}

export interface SmsGateway {
  send(message: SmsMessage): Promise<SendOutcome>;
}

export interface HttpSmsGatewayOptions {
  url: string;
  token?: string;
  /** Sent as `from`: the name or number the recipient sees; absent leaves it to the gateway. */
  sender?: string;
  timeoutMs?: number;
}

/**
 * A generic JSON gateway: POST {to, text, reference, from?} with a bearer token. 2xx accepted; 4xx refused for good
 * (bad number), so the next channel is tried; 5xx and network errors are temporary. The reference is the
 * outbox Message-ID, so a gateway that deduplicates on it turns a retry into a no-op.
 */
export function createHttpSmsGateway(options: HttpSmsGatewayOptions): SmsGateway {
  return {
    async send(message) {
      let response: Response;
      try {
        response = await fetch(options.url, {
          method: 'POST',
          headers: { 'content-type': 'application/json', ...(options.token ? { authorization: `Bearer ${options.token}` } : {}) },
          body: JSON.stringify(options.sender ? { ...message, from: options.sender } : message),
          signal: AbortSignal.timeout(options.timeoutMs ?? 15_000),
        });
      } catch (error) {
        const timedOut = error instanceof Error && error.name === 'TimeoutError';
        return timedOut ? { kind: 'unknown', response: 'gateway timeout' } : { kind: 'deferred', response: `gateway unreachable: ${error instanceof Error ? error.message : String(error)}` };
      }
      const body = (await response.text()).slice(0, 200);
      const reply = `${response.status} ${body}`.trim();
      if (response.ok) return { kind: 'accepted', response: reply };
      if (response.status >= 400 && response.status < 500 && response.status !== 429) return { kind: 'bounced', response: reply };
      return { kind: 'deferred', response: reply };
    },
  };
}

/** SMS is short: a pointer to the full message, with the person's own data named. */
export function smsText(language: 'nl' | 'en', organisation: string, exposed: string, url: string, reference: string): string {
  return language === 'nl'
    ? `${organisation}: bij een datalek zijn ${exposed} buitgemaakt. Pas op voor phishing en deel nooit uw pincode. Meer info: ${url} (${reference})`
    : `${organisation}: in a data breach ${exposed} were stolen. Beware of phishing and never share your PIN. More: ${url} (${reference})`;
}
