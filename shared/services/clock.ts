/** The one place services read the time: the dependencies' `now` when set (tests fix it), else the system clock. */
export interface WithClock {
  now?: () => Date;
}

/** The clock the container's dependencies carry. */
export const systemClock = (): Date => new Date();

export const nowOf = (deps: WithClock = {}): Date => (deps.now ?? systemClock)();
export const timestampOf = (deps: WithClock = {}): string => nowOf(deps).toISOString();
