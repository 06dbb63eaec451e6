// The slice of the Actions runner protocol the action speaks: inputs from INPUT_* variables, workflow
// commands on stdout, outputs and the job summary through the files the runner names. Written here instead
// of importing @actions/core, whose HTTP client (undici) cost about 200 ms of start-up on every run.
import { randomUUID } from 'node:crypto';
import { appendFileSync } from 'node:fs';
import { EOL } from 'node:os';
import type { ActionCore } from './main.js';

/** Workflow-command data escaping, so a value cannot end its command or start another. */
const escapeData = (s: string) => s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');

export function runnerCore(env: Record<string, string | undefined>, out: (line: string) => void): ActionCore {
  const command = (name: string, message: string) => out(`::${name}::${escapeData(message)}${EOL}`);
  const appendTo = (variable: string, text: string) => {
    const file = env[variable];
    if (!file) throw new Error(`${variable} is not set: is this running on a GitHub Actions runner?`);
    appendFileSync(file, text, 'utf8');
  };
  return {
    getInput: (name) => (env[`INPUT_${name.replace(/ /g, '_').toUpperCase()}`] ?? '').trim(),
    setSecret: (value) => command('add-mask', value),
    setOutput: (name, value) => {
      const delimiter = `ghadelimiter_${randomUUID()}`;
      appendTo('GITHUB_OUTPUT', `${name}<<${delimiter}${EOL}${value}${EOL}${delimiter}${EOL}`);
    },
    info: (message) => out(`${message}${EOL}`),
    warning: (message) => command('warning', message),
    setFailed: (message) => {
      process.exitCode = 1;
      command('error', message);
    },
    group: async (name, fn) => {
      command('group', name);
      try {
        return await fn();
      } finally {
        out(`::endgroup::${EOL}`);
      }
    },
    summary: {
      addRaw: (text, addEOL) => ({
        write: async () => appendTo('GITHUB_STEP_SUMMARY', addEOL ? `${text}${EOL}` : text),
      }),
    },
  };
}
