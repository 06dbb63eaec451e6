// The variable's description records which Fly token it holds, so a later run (or one settling a lost write)
// can tell from GitLab alone. Only our own form is read back: anything else in the description, which anyone
// with access can edit, yields no token id.

const SUFFIX = ' · fly-token-rotator';
/** Fly token ids are short opaque node ids; anything else is not ours. */
const ID = /^[A-Za-z0-9_-]{1,100}$/;
const NOTE = /^Fly token ([A-Za-z0-9_-]{1,100}) · fly-token-rotator$/;

/** `Fly token <id> · fly-token-rotator`, or undefined when the id could not be read back from it. */
export function tokenNote(id: string): string | undefined {
  return ID.test(id) ? `Fly token ${id}${SUFFIX}` : undefined;
}

/** The token id of a description written by tokenNote, else undefined. */
export function tokenIdOf(description: unknown): string | undefined {
  return typeof description === 'string' ? NOTE.exec(description)?.[1] : undefined;
}
