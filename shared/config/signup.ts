/** Business self sign-up: how long a sign-up waits for its confirmation, and how many one source IP may start. */
export const SIGNUP_POLICY = {
  /** The pending business name is kept this long (DynamoDB TTL); Cognito's confirmation code lasts a day too. */
  pendingHours: 24,
  /** Sign-ups per source IP per clock hour before 429. */
  perIpPerHour: 10,
} as const;
