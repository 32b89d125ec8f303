/** The one place services read the time: the dependencies' `now` when set (tests fix it), else the system clock. */
export interface WithClock {
  now?: () => Date;
}

export const nowOf = (deps: WithClock = {}): Date => deps.now?.() ?? new Date();
export const timestampOf = (deps: WithClock = {}): string => nowOf(deps).toISOString();
