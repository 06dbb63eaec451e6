// A sliver of the Machines API (flaps) on the same server, enough to exercise machine-exec tokens:
//   GET  /v1/apps/{app}/machines            operation Machines_list  (action read)
//   POST /v1/apps/{app}/machines/{id}/exec  operation Machines_exec  (action write + the command argv)
// Refusals answer like flaps: 401 {"error":"unauthorized"} for a bad credential, 403 when the token's
// caveats do not allow the call, 404 for an unknown app or machine.
import type { Reply, Routed } from '../http.js';
import type { Authenticator } from './auth.js';
import { Action } from './caveats.js';
import type { AppRecord, FlyState, MachineRecord } from './state.js';

export interface MachinesDeps {
  state: FlyState;
  authenticator: Authenticator;
}

const error = (status: number, message: string): Reply => ({ status, body: { error: message } });

function machineJson(app: AppRecord, m: MachineRecord) {
  return {
    id: m.id,
    name: m.name,
    state: m.state,
    region: m.region,
    instance_id: `01${m.id.toUpperCase()}`,
    private_ip: 'fdaa:0:1::2',
    image_ref: { registry: 'registry.fly.io', repository: app.name, tag: 'latest' },
    config: { image: `registry.fly.io/${app.name}:latest` },
    created_at: m.createdAt.toISOString(),
    updated_at: m.createdAt.toISOString(),
  };
}

/** Splits a `cmd` string like flaps does for exec: on white space, no shell quoting. */
function argvOf(body: unknown): string[] | undefined {
  if (typeof body !== 'object' || body === null) return undefined;
  const b = body as { cmd?: unknown; command?: unknown };
  if (Array.isArray(b.command) && b.command.length > 0 && b.command.every((a) => typeof a === 'string')) {
    return b.command as string[];
  }
  if (typeof b.cmd === 'string' && b.cmd.trim() !== '') return b.cmd.trim().split(/\s+/);
  return undefined;
}

export function routeMachines(
  deps: MachinesDeps,
  method: string,
  path: string,
  authorization: string | undefined,
  raw: string,
): Routed | undefined {
  const list = /^\/v1\/apps\/([^/]+)\/machines\/?$/.exec(path);
  const exec = /^\/v1\/apps\/([^/]+)\/machines\/([^/]+)\/exec\/?$/.exec(path);
  if (method === 'GET' && list) {
    return {
      operation: 'Machines_list',
      run: () => handle(deps, decodeURIComponent(list[1]), authorization),
    };
  }
  if (method === 'POST' && exec) {
    let body: unknown;
    try {
      body = raw ? JSON.parse(raw) : undefined;
    } catch {
      body = undefined;
    }
    const app = decodeURIComponent(exec[1]);
    const machine = decodeURIComponent(exec[2]);
    return {
      operation: 'Machines_exec',
      body,
      run: () => handle(deps, app, authorization, { machine, body }),
    };
  }
  return undefined;
}

function handle(
  deps: MachinesDeps,
  appName: string,
  authorization: string | undefined,
  exec?: { machine: string; body: unknown },
): Reply {
  const auth = deps.authenticator.authenticate(authorization);
  if (!auth.ok) return error(401, 'unauthorized');
  const app = deps.state.apps.get(appName);
  if (!app) return error(404, 'app not found');
  const org = deps.state.orgs.get(app.orgId)!;
  const base = { orgId: org.internalNumericId, appId: app.internalNumericId };
  if (!exec) {
    if (!deps.authenticator.authorize(auth.principal, { ...base, action: Action.read }))
      return error(403, 'forbidden');
    return { status: 200, body: app.machines.map((m) => machineJson(app, m)) };
  }
  const machine = app.machines.find((m) => m.id === exec.machine);
  if (!machine) return error(404, 'machine not found');
  const command = argvOf(exec.body);
  if (!command) return error(400, 'cmd or command is required');
  const q = { ...base, machine: machine.id, command, action: Action.write };
  if (!deps.authenticator.authorize(auth.principal, q))
    return error(403, 'forbidden: command not allowed by token');
  return { status: 200, body: { exit_code: 0, exit_signal: 0, stdout: '', stderr: '' } };
}
