import type { Config } from '../../config/config.ts';
import { createHttpSmsGateway, type SmsGateway } from './sms-gateway.ts';

export type SmsGatewayConfig = Pick<Config, 'SMS_GATEWAY_URL' | 'SMS_GATEWAY_TOKEN' | 'SMS_SENDER_NAME'>;

/** The SMS driver the configuration asks for, or null when no gateway is configured (SMS is then skipped as a channel). */
export function createSmsGatewayFromConfig(config: SmsGatewayConfig): SmsGateway | null {
  if (!config.SMS_GATEWAY_URL) return null;
  return createHttpSmsGateway({
    url: config.SMS_GATEWAY_URL,
    ...(config.SMS_GATEWAY_TOKEN ? { token: config.SMS_GATEWAY_TOKEN } : {}),
    ...(config.SMS_SENDER_NAME ? { sender: config.SMS_SENDER_NAME } : {}),
  });
}
