// The run's deadlines as signals (made by ./budget.ts): the type on its own, so that ./result.ts and ./budget.ts
// do not import each other.
export interface RunSignals {
  work: AbortSignal;
  run: AbortSignal;
  /** The run's `timeout` (ms), for messages. */
  timeoutMs: number;
}
