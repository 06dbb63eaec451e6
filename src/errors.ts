/** An input the user can fix. Thrown before anything is minted or written. */
export class InputError extends Error {
  override name = 'InputError';
}

/** A remote API refused or failed a call; `hint` tells the user what to do about it. */
export class ApiError extends Error {
  override name = 'ApiError';
  constructor(
    message: string,
    readonly service: 'fly' | 'github',
    readonly status?: number,
    readonly code?: string,
  ) {
    super(message);
  }
}

export function errorMessage(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}
