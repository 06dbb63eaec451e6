/**
 * Which input a problem is in, as data: the input's name as the action spells it (`targets`, `token-type`) and,
 * for an input that is a list, the entry (0-based). A config file turns it into the problem's line, so no
 * message wording is a contract.
 */
export interface InputPlace {
  input: string;
  entry?: number;
}

/** An input the user can fix. Thrown before anything is minted or written. */
export class InputError extends Error {
  override name = 'InputError';
  constructor(
    message: string,
    /** Where the problem is, when one input holds it (see InputPlace); set by the parser that found it. */
    public place?: InputPlace,
  ) {
    super(message);
  }
}

/** Runs `read`; the input errors it throws that say no place of their own are given `place`. */
export function placed<T>(place: InputPlace, read: () => T): T {
  try {
    return read();
  } catch (err) {
    if (err instanceof InputError)
      for (const e of err instanceof InputErrors ? err.errors : [err]) e.place ??= place;
    throw err;
  }
}

/** Several independent input problems, found in one pass so that the user can fix them all at once. */
export class InputErrors extends InputError {
  constructor(readonly errors: InputError[]) {
    super(
      errors.length === 1
        ? errors[0].message
        : `${errors.length} problems:\n${errors.map((e) => `  ${e.message}`).join('\n')}`,
    );
  }
}

/** Which remote a failure came from: 'fly', or a store's id (../stores.ts). */
export type Service = string;

/** A remote API refused or failed a call; `hint` tells the user what to do about it. */
export class ApiError extends Error {
  override name = 'ApiError';
  constructor(
    message: string,
    readonly service: Service,
    readonly status?: number,
    readonly code?: string,
  ) {
    super(message);
  }
}

/** A failure that may pass if the same call is made again (timeouts, resets, 5xx, rate limits). */
export class TransientError extends ApiError {
  constructor(
    message: string,
    readonly retryAfterMs?: number,
    service: Service = 'fly',
  ) {
    super(message, service);
  }
}

/** The HTTP status a failure carries (ApiError's, or any error object's `status`), if it has one. */
export function statusOf(err: unknown): number | undefined {
  const status = (err as { status?: unknown } | null | undefined)?.status;
  return typeof status === 'number' ? status : undefined;
}

export function errorMessage(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}
