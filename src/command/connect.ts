// The command writer for a run (see ./store.ts).
import type { ConnectContext, ConnectedStore } from '../core/store.js';
import type { CommandTargetSpec } from './spec.js';
import { CommandWriter } from './writer.js';

export function connect(credentials: unknown, ctx: ConnectContext): ConnectedStore<CommandTargetSpec> {
  const { timeoutMs } = (credentials ?? {}) as { timeoutMs?: number };
  return {
    canRead: true,
    // Output lines are made printable by the run's log; the writer cuts the token out of them itself.
    writer: (targets) =>
      new CommandWriter(targets, {
        log: (line) => ctx.log.info?.(line),
        ...(timeoutMs ? { timeoutMs } : {}),
        credentialVariables: ctx.credentialVariables,
      }),
  };
}
