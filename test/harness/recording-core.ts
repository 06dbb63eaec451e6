// An ActionCore for running src/action/main.ts inside a test process: it records what @actions/core would
// send the runner (stdout with its workflow commands, outputs, the summary, failures) instead of touching
// process.stdout, process.env or the runner's files, so runs in one process cannot disturb each other.
import type { ActionCore } from '../../src/action/main.js';

export interface Recording {
  core: ActionCore;
  stdout(): string;
  outputs: Record<string, string>;
  summary(): string;
  errors: string[];
}

/** How @actions/core escapes a workflow command's data: a value cannot end its command or start another. */
const escapeData = (s: string) => s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');

export function recordingCore(inputs: Record<string, string>): Recording {
  let stdout = '';
  let summary = '';
  const outputs: Record<string, string> = {};
  const errors: string[] = [];
  const command = (name: string, value: string) => {
    stdout += `::${name}::${escapeData(value)}\n`;
  };
  const core: ActionCore = {
    getInput: (name) => (inputs[name] ?? '').trim(),
    setSecret: (value) => command('add-mask', value),
    setOutput: (name, value) => {
      outputs[name] = value;
    },
    info: (message) => {
      stdout += `${message}\n`;
    },
    warning: (message) => command('warning', message),
    setFailed: (message) => {
      errors.push(message);
      command('error', message);
    },
    group: async (name, fn) => {
      command('group', name);
      try {
        return await fn();
      } finally {
        stdout += '::endgroup::\n';
      }
    },
    summary: {
      addRaw: (text, addEOL) => ({
        write: async () => {
          summary += addEOL ? `${text}\n` : text;
        },
      }),
    },
  };
  return { core, stdout: () => stdout, outputs, summary: () => summary, errors };
}
