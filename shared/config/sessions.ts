/** Token lifetimes: CDK applies them to the app clients; the service sizes its session records by them. */
export const SESSION_SETTINGS = {
  accessTokenValidityMinutes: 60,
  idTokenValidityMinutes: 60,
  refreshTokenValidityDays: 30,
} as const;
