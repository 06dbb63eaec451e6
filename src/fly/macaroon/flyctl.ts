// The local attenuations flyctl performs for each `fly tokens create` kind (MACAROON.md §6).

import { shellSplit } from '../../core/shlex.js';
import { type AttenuateOptions, attenuateDecoded, attenuateHeader } from './attenuate.js';
import { Action, CaveatType, type Command, caveats } from './caveats.js';
import type { MsgValue } from './msgpack.js';
import { type Caveat, decodeMacaroon, formatHeader, PERMISSION_LOCATION, parseHeader } from './token.js';

export type MachineExecOptions = AttenuateOptions & {
  /** Positional command (flyctl `tokens create machine-exec ls -la`): one exact command. */
  args?: string[];
  /** `--command` values: exact commands; strings are shell-split. */
  commands?: Array<string | string[]>;
  /** `--command-prefix` values: prefix matches; strings are shell-split. */
  prefixes?: Array<string | string[]>;
};

const words = (c: string | string[]) => (typeof c === 'string' ? shellSplit(c) : [...c]);

/** The Commands list flyctl builds for machine-exec. */
export function machineExecCommands(opts: MachineExecOptions = {}): Command[] {
  const list: Command[] = [];
  if (opts.args && opts.args.length > 0) list.push({ args: [...opts.args], exact: true });
  for (const c of opts.commands ?? []) list.push({ args: words(c), exact: true });
  for (const c of opts.prefixes ?? []) list.push({ args: words(c), exact: false });
  if (list.length === 0) list.push({ args: [], exact: false });
  return list;
}

/** machine-exec: IfPresent{ifs: [Commands], else: read}. */
export function machineExec(header: string, opts: MachineExecOptions = {}): string {
  const cav = caveats.ifPresent([caveats.commands(machineExecCommands(opts))], Action.read);
  return attenuateHeader(header, [cav], opts);
}

function collectOrgIds(type: MsgValue, body: MsgValue, out: Set<bigint>, depth = 0): void {
  if (typeof type !== 'number' && typeof type !== 'bigint') return;
  if (Number(type) === CaveatType.Organization && Array.isArray(body)) {
    const id = body[0];
    if (typeof id === 'number' || typeof id === 'bigint') out.add(BigInt(id));
  } else if (
    Number(type) === CaveatType.IfPresent &&
    Array.isArray(body) &&
    Array.isArray(body[0]) &&
    depth < 8
  ) {
    const ifs = body[0];
    for (let i = 0; i + 1 < ifs.length; i += 2) collectOrgIds(ifs[i]!, ifs[i + 1]!, out, depth + 1);
  }
}

/** The single organization id named by the bundle's Organization caveats (incl. inside IfPresent). */
export function findOrgId(header: string, opts: AttenuateOptions = {}): number | bigint {
  const ids = new Set<bigint>();
  for (const bytes of parseHeader(header)) {
    const m = decodeMacaroon(bytes);
    if (!m.isPermission(opts.permissionLocation ?? PERMISSION_LOCATION)) continue;
    for (const c of m.caveats) collectOrgIds(c.type, c.body, ids);
  }
  if (ids.size !== 1) throw new Error(`expected exactly one organization in token, found ${ids.size}`);
  const [id] = ids;
  return id! <= BigInt(Number.MAX_SAFE_INTEGER) ? Number(id) : id!;
}

/** readonly: Organization{id found in the token, mask: read}. */
export function readonly(header: string, opts: AttenuateOptions = {}): string {
  return attenuateHeader(header, [caveats.organization(findOrgId(header, opts), Action.read)], opts);
}

/** Add ValidityWindow{notBefore, notAfter} (Unix seconds). */
export function withValidityWindow(
  header: string,
  notBefore: number,
  notAfter: number,
  opts: AttenuateOptions = {},
): string {
  if (notAfter < notBefore) throw new RangeError('validity window ends before it starts');
  return attenuateHeader(header, [caveats.validityWindow(notBefore, notAfter)], opts);
}

/** wireguard: IfPresent{ifs: [Apps{}, FeatureSet{wg: all}], else: read}. */
export function wireguard(header: string, opts: AttenuateOptions = {}): string {
  const cav = caveats.ifPresent(
    [caveats.apps(new Map()), caveats.featureSet({ wg: Action.all })],
    Action.read,
  );
  return attenuateHeader(header, [cav], opts);
}

export const SSH_MUTATIONS = ['issueCertificate', 'addWireGuardPeer'];

/** ssh: two copies of the permission token (A + Action(read), B + Mutations[...]), then the discharges. */
export function ssh(header: string, opts: AttenuateOptions = {}): string {
  const loc = opts.permissionLocation ?? PERMISSION_LOCATION;
  const decoded = parseHeader(header).map(decodeMacaroon);
  const perms = decoded.filter((m) => m.isPermission(loc));
  if (perms.length !== 1) throw new Error(`expected exactly one permission token, found ${perms.length}`);
  const perm = perms[0]!;
  const a: Caveat[] = [caveats.action(Action.read)];
  const b: Caveat[] = [caveats.mutations(SSH_MUTATIONS)];
  const rest = decoded.filter((m) => m !== perm).map((m) => m.bytes);
  return formatHeader([attenuateDecoded(perm, a), attenuateDecoded(perm, b), ...rest]);
}
