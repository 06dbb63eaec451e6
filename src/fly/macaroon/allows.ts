// Caveat evaluation for the emulator's verifier (MACAROON.md §5). Fails closed.
import { CaveatType } from './caveats.js';
import type { MsgValue } from './msgpack.js';
import type { Caveat } from './token.js';

export type AccessRequest = {
  orgId?: number | bigint;
  appId?: number | bigint;
  /** Action mask requested (see `Action`). */
  action: number;
  mutation?: string;
  command?: string[];
  feature?: string;
  cluster?: string;
  /** Unix seconds. */
  now: number;
};

type Verdict = 'allow' | 'deny' | 'unspecified';

const isInt = (v: MsgValue): v is number | bigint => typeof v === 'number' || typeof v === 'bigint';
const subset = (action: number, mask: MsgValue): boolean =>
  isInt(mask) && (BigInt(action) & ~BigInt(mask)) === 0n;
const ok = (b: boolean): Verdict => (b ? 'allow' : 'deny');

/** Resource-set check: the zero key means any resource; otherwise look the id up. */
function inResourceSet(body: MsgValue, id: number | bigint | string, action: number): boolean {
  if (!Array.isArray(body) || body.length !== 1 || !(body[0] instanceof Map)) return false;
  const set = body[0];
  const isZero = (k: MsgValue) => k === '' || (isInt(k) && BigInt(k) === 0n);
  const keys = [...set.keys()];
  if (keys.some(isZero)) return set.size === 1 && subset(action, set.get(keys[0]!)!);
  for (const [k, mask] of set) {
    const match = typeof id === 'string' ? k === id : isInt(k) && BigInt(k) === BigInt(id);
    if (match) return subset(action, mask);
  }
  return false;
}

function commandsAllow(body: MsgValue, argv: string[]): boolean {
  if (!Array.isArray(body)) return false;
  return body.some((entry) => {
    if (!Array.isArray(entry) || entry.length !== 2) return false;
    const [args, exact] = entry;
    if (!Array.isArray(args) || typeof exact !== 'boolean') return false;
    if (exact ? args.length !== argv.length : args.length > argv.length) return false;
    return args.every((a, i) => a === argv[i]);
  });
}

function evaluate(c: Caveat, r: AccessRequest, depth: number): Verdict {
  const b = c.body;
  switch (Number(c.type)) {
    case CaveatType.Organization: {
      if (r.orgId === undefined) return 'unspecified';
      if (!Array.isArray(b) || b.length !== 2 || !isInt(b[0]!)) return 'deny';
      const id = BigInt(b[0]);
      return ok((id === 0n || id === BigInt(r.orgId)) && subset(r.action, b[1]!));
    }
    case CaveatType.Apps:
      return r.appId === undefined ? 'unspecified' : ok(inResourceSet(b, r.appId, r.action));
    case CaveatType.FeatureSet:
      return r.feature === undefined ? 'unspecified' : ok(inResourceSet(b, r.feature, r.action));
    case CaveatType.Clusters:
      return r.cluster === undefined ? 'unspecified' : ok(inResourceSet(b, r.cluster, r.action));
    case CaveatType.Mutations: {
      if (r.mutation === undefined) return 'unspecified';
      return ok(Array.isArray(b) && b.length === 1 && Array.isArray(b[0]) && b[0].includes(r.mutation));
    }
    case CaveatType.Commands:
      return r.command === undefined ? 'unspecified' : ok(commandsAllow(b, r.command));
    case CaveatType.ValidityWindow: {
      if (!Array.isArray(b) || b.length !== 2 || !isInt(b[0]!) || !isInt(b[1]!)) return 'deny';
      const now = BigInt(Math.floor(r.now));
      return ok(BigInt(b[0]) <= now && now <= BigInt(b[1]));
    }
    case CaveatType.Action:
      return ok(subset(r.action, b));
    case CaveatType.IfPresent:
      return ok(ifPresentAllows(b, r, depth));
    case CaveatType.IsUser:
    case CaveatType.FlyioUserID:
    case CaveatType.GitHubUserID:
    case CaveatType.GoogleUserID:
      return 'allow'; // metadata / attestations: they state facts, restrict nothing
    default:
      return 'deny'; // unknown or unsupported: fail closed
  }
}

function ifPresentAllows(b: MsgValue, r: AccessRequest, depth: number): boolean {
  if (depth > 8 || !Array.isArray(b) || b.length !== 2 || !Array.isArray(b[0]) || b[0].length % 2 !== 0)
    return false;
  const ifs = b[0];
  let relevant = 0;
  for (let i = 0; i < ifs.length; i += 2) {
    const type = ifs[i]!;
    if (!isInt(type)) return false;
    const v = evaluate({ type, body: ifs[i + 1]! }, r, depth + 1);
    if (v === 'unspecified') continue;
    relevant++;
    if (v === 'deny') return false;
  }
  return relevant > 0 || subset(r.action, b[1]!);
}

/** True iff every caveat allows the request (a caveat about an unnamed resource denies). */
export function allows(cavs: Caveat[], request: AccessRequest): boolean {
  return cavs.every((c) => evaluate(c, request, 0) === 'allow');
}
