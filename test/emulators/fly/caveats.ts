// Caveats the emulator mints, and the evaluation of every caveat a presented token carries against one
// request (MACAROON.md §5): all top-level caveats must allow it. A caveat that names a resource the
// request does not have is "unspecified": a refusal at top level, "not relevant" inside IfPresent.
// Type ids and action masks are the format's, shared with the library; how caveats are judged is the
// emulator's own, so that it checks the library's output independently.
import { Action, type Caveat, CaveatType, type MsgValue as Msg } from '../../../src/fly/macaroon/index.js';

export type { Caveat };
export { Action, CaveatType };

/** What one API call asks for, in the terms caveats speak. */
export interface AccessRequest {
  orgId?: number;
  appId?: number;
  action: number;
  mutation?: string;
  /** argv of a machine exec. */
  command?: string[];
  feature?: string;
  cluster?: string;
  machine?: string;
  /** Unix seconds. */
  now: number;
}

type Verdict = 'allow' | 'deny' | 'unspecified';

const subset = (action: number, mask: number) => (action & ~mask) === 0;
const isInt = (v: Msg): v is number | bigint => typeof v === 'number' || typeof v === 'bigint';

/** Resource set: map id → mask; the zero key (0 or "") means any resource. */
function resourceSet(body: Msg, key: number | string | undefined, action: number, prefix = false): Verdict {
  if (!Array.isArray(body) || body.length !== 1 || !(body[0] instanceof Map)) return 'deny';
  if (key === undefined) return 'unspecified';
  const set = body[0];
  for (const [k, mask] of set) {
    if (!isInt(mask)) return 'deny';
    const zero = k === '' || (isInt(k) && BigInt(k) === 0n);
    const hit =
      zero ||
      (isInt(k) && typeof key === 'number' && BigInt(k) === BigInt(key)) ||
      (typeof k === 'string' && typeof key === 'string' && (prefix ? key.startsWith(k) : k === key));
    if (hit) return subset(action, Number(mask)) ? 'allow' : 'deny';
  }
  return 'deny';
}

function commandMatches(entry: Msg, argv: string[]): boolean {
  if (
    !Array.isArray(entry) ||
    entry.length !== 2 ||
    !Array.isArray(entry[0]) ||
    typeof entry[1] !== 'boolean'
  ) {
    return false;
  }
  const args = entry[0];
  if (!args.every((a) => typeof a === 'string')) return false;
  if (entry[1] && args.length !== argv.length) return false;
  if (args.length > argv.length) return false;
  return args.every((a, i) => a === argv[i]);
}

function flatPairs(flat: Msg): Caveat[] | undefined {
  if (!Array.isArray(flat) || flat.length % 2 !== 0) return undefined;
  const out: Caveat[] = [];
  for (let i = 0; i < flat.length; i += 2) {
    const t = flat[i];
    if (!isInt(t)) return undefined;
    out.push({ type: t, body: flat[i + 1] });
  }
  return out;
}

export function check(c: Caveat, r: AccessRequest): Verdict {
  const b = c.body;
  const type = typeof c.type === 'bigint' ? (c.type < 64n ? Number(c.type) : -1) : c.type;
  switch (type) {
    case CaveatType.Organization: {
      if (!Array.isArray(b) || b.length !== 2 || !isInt(b[0]) || !isInt(b[1])) return 'deny';
      if (r.orgId === undefined) return 'unspecified';
      if (BigInt(b[0]) !== 0n && BigInt(b[0]) !== BigInt(r.orgId)) return 'deny';
      return subset(r.action, Number(b[1])) ? 'allow' : 'deny';
    }
    case CaveatType.Apps:
      return resourceSet(b, r.appId, r.action);
    case CaveatType.Volumes:
      return resourceSet(b, undefined, r.action);
    case CaveatType.Machines:
      return resourceSet(b, r.machine, r.action);
    case CaveatType.FeatureSet:
      return resourceSet(b, r.feature, r.action);
    case CaveatType.Clusters:
      return resourceSet(b, r.cluster, r.action);
    case CaveatType.MachineFeatureSet:
    case CaveatType.AppFeatureSet:
    case CaveatType.StorageObjects:
      return resourceSet(b, undefined, r.action);
    case CaveatType.ValidityWindow: {
      if (!Array.isArray(b) || b.length !== 2 || !isInt(b[0]) || !isInt(b[1])) return 'deny';
      return BigInt(b[0]) <= BigInt(r.now) && BigInt(r.now) <= BigInt(b[1]) ? 'allow' : 'deny';
    }
    case CaveatType.Mutations: {
      if (!Array.isArray(b) || b.length !== 1 || !Array.isArray(b[0])) return 'deny';
      if (r.mutation === undefined) return 'unspecified';
      return b[0].includes(r.mutation) ? 'allow' : 'deny';
    }
    case CaveatType.Action:
      return isInt(b) && subset(r.action, Number(b)) ? 'allow' : 'deny';
    case CaveatType.Commands: {
      if (!Array.isArray(b)) return 'deny';
      if (r.command === undefined) return 'unspecified';
      const argv = r.command;
      return b.some((e) => commandMatches(e, argv)) ? 'allow' : 'deny';
    }
    case CaveatType.IfPresent: {
      if (!Array.isArray(b) || b.length !== 2 || !isInt(b[1])) return 'deny';
      const ifs = flatPairs(b[0]);
      if (!ifs) return 'deny';
      const verdicts = ifs.map((inner) => check(inner, r)).filter((v) => v !== 'unspecified');
      if (verdicts.length > 0) return verdicts.every((v) => v === 'allow') ? 'allow' : 'deny';
      return subset(r.action, Number(b[1])) ? 'allow' : 'deny';
    }
    // Metadata the API does not enforce on a permission token.
    case CaveatType.IsUser:
    case CaveatType.IsMember:
    case CaveatType.AllowedRoles:
    case CaveatType.MaxValidity:
    case CaveatType.BindToParentToken:
    // Attestations in a discharge state facts about the caller; they restrict nothing.
    case 23:
    case 24:
    case 25:
      return 'allow';
    // Requests to the emulator never come from a Fly machine.
    case CaveatType.FromMachineSource:
    case CaveatType.FlySrc:
      return 'unspecified';
    default:
      // Third-party caveats (no discharge service here), ticket-only and attestation caveats in a
      // permission token, and unregistered types: Fly's verifier refuses them.
      return 'deny';
  }
}

/** True when every caveat allows the request (an empty list allows everything). */
export function allows(caveats: Caveat[], r: AccessRequest): boolean {
  return caveats.every((c) => check(c, r) === 'allow');
}

/** The expiry a token states about itself: the earliest top-level ValidityWindow end, in Unix seconds. */
export function statedExpiry(caveats: Caveat[]): number | undefined {
  let min: number | undefined;
  for (const c of caveats) {
    if (Number(c.type) === CaveatType.ValidityWindow && Array.isArray(c.body) && isInt(c.body[1])) {
      const end = Number(c.body[1]);
      min = min === undefined ? end : Math.min(min, end);
    }
  }
  return min;
}
