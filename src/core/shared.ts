// One call shared by every caller that asks for the same thing while it runs or after it succeeded (a public
// key, an access check, a module load), and forgotten when it fails, so that a later caller tries again.

export class SharedCalls<T> {
  private readonly calls = new Map<string, Promise<T>>();

  /** The call for `key`: the one started before, unless it failed; else `start()`, now. */
  get(key: string, start: () => Promise<T>): Promise<T> {
    const running = this.calls.get(key);
    if (running) return running;
    const call = start();
    this.calls.set(key, call);
    call.catch(() => {
      if (this.calls.get(key) === call) this.calls.delete(key);
    });
    return call;
  }

  /** The call for `key` if one was started and has not failed; starts none. */
  peek(key: string): Promise<T> | undefined {
    return this.calls.get(key);
  }
}
