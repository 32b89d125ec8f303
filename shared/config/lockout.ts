/** Brute-force protection: one place for the thresholds. */
export const LOCKOUT_POLICY = {
  /** Consecutive failed logins of one account before it is locked. */
  accountFailures: 5,
  /** Failed logins from one source IP (any accounts) before it is locked. */
  ipFailures: 20,
  /** The first lockout; each further one within `memoryHours` doubles it. */
  lockMinutes: 15,
  maxLockMinutes: 24 * 60,
  /** How long failures and past lockouts are remembered. */
  memoryHours: 24,
  /** A source the owner logged in from successfully this recently is theirs: failures elsewhere cannot lock it. */
  knownSourceDays: 30,
  /** How long login history is kept. */
  historyDays: 90,
} as const;
