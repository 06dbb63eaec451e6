// A flag that would change nothing is a mistake the user should hear about (`--only` without `--config`
// once rotated everything), so each flag names where it takes effect and anything else is refused.
// Only flags count: credentials from the environment are welcome in every mode.
import { InputError } from '../core/errors.js';
import { STORE_INPUTS } from '../stores.js';

type Mode = string;

/** Per-rotation settings that a config file sets itself (the rest are refused by readRunSpec). */
const IN_CONFIG = ['token-type', 'secret-name', 'expiry', 'not-before', 'keep-previous'];

/** The modes in which each flag does something; flags not listed work in every mode. */
const MODES_OF: Record<string, Mode[]> = {
  'token-ids': ['revoke'],
  force: ['revoke'],
  'warn-before': ['status'],
  'dry-run': ['rotate', 'revoke', 'revoke-all'],
  expiry: ['rotate'],
  'not-before': ['rotate'],
  'keep-previous': ['rotate'],
  // Store credentials write in rotate and read what each target holds in the other modes (each store says).
  ...Object.fromEntries(STORE_INPUTS.flatMap((i) => (i.modes ? [[i.name, [...i.modes]]] : []))),
  'fly-api-token': ['rotate', 'revoke', 'revoke-all', 'status'],
  // The plan matrix shows names, kinds and how many targets: not what the secrets or tokens are called.
  'token-name': ['rotate', 'revoke', 'revoke-all', 'status'],
  'secret-name': ['rotate', 'revoke', 'revoke-all', 'status'],
  'request-timeout': ['rotate', 'revoke', 'revoke-all', 'status'],
  timeout: ['rotate', 'revoke', 'revoke-all', 'status'],
};

/** Throws for the first flag in `given` that has no effect with this mode and config. */
export function refuseIneffectiveFlags(given: Set<string>, mode: Mode, config: boolean): void {
  if (given.has('only') && !config)
    throw new InputError(
      '--only has no effect without --config: it picks rotations of a config file. Expected --config FILE --only NAME.',
    );
  for (const name of IN_CONFIG) {
    if (config && given.has(name))
      throw new InputError(
        `--${name} has no effect with --config. Expected it in the config file (under defaults or a rotation).`,
      );
  }
  for (const [name, modes] of Object.entries(MODES_OF)) {
    if (given.has(name) && !modes.includes(mode))
      throw new InputError(
        `--${name} has no effect in mode ${mode}. Expected it only with --mode ${modes.join(' or ')}.`,
      );
  }
}
