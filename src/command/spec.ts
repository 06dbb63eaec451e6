// What a command target line becomes (see ./store.ts).

/** A program given the token on standard input; exit status 0 means it stored it. */
export interface CommandTargetSpec {
  type: 'command';
  /** Program and arguments, run without a shell. */
  argv: string[];
  /** Names the target in messages and holdings (default: the program's name). */
  secret: string;
}
