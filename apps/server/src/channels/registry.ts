// The connector of each network, built from an account's decrypted configuration.
import { createMaxConnector } from './max/connector';
import { createOkConnector } from './ok/connector';
import { createTelegramConnector } from './telegram/connector';
import type { AccountConfig, Connector } from './types';
import { createVkConnector } from './vk/connector';

export function createConnector(account: AccountConfig): Connector {
  switch (account.network) {
    case 'vk':
      return createVkConnector(account);
    case 'telegram':
      return createTelegramConnector(account);
    case 'max':
      return createMaxConnector(account);
    case 'ok':
      return createOkConnector(account);
  }
}
