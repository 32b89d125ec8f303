import { SESSION_SETTINGS } from '../../config/sessions.ts';
import { defineEntity } from './entity.ts';
import { keyTemplate } from './keyTemplate.ts';

/** Only the token's hash is kept, with whose it is and when it was issued. */
export const REFRESH_TOKEN_ENTITY = defineEntity({
  item: 'refresh token (hash)',
  type: 'refreshToken',
  pk: keyTemplate('REFRESH#<sha256>'),
  sk: keyTemplate('REFRESH'),
  fields: ['email', 'issuedAt'],
  expires: `${SESSION_SETTINGS.refreshTokenValidityDays} days after issue, with the token`,
});

export const refreshTokenKey = (tokenHash: string) => ({
  pk: REFRESH_TOKEN_ENTITY.pk.build({ sha256: tokenHash }),
  sk: REFRESH_TOKEN_ENTITY.sk.build({}),
});
