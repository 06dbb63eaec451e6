// Caveat type ids, typed constructors and canonical encoders (MACAROON.md §5, §6).
import { concatBytes, decodeAt, encode, type MsgValue, RawMsg, readArrayHeader } from './msgpack.js';
import type { Caveat } from './token.js';

export const CaveatType = {
  Organization: 0,
  Volumes: 2,
  Apps: 3,
  ValidityWindow: 4,
  FeatureSet: 5,
  Mutations: 6,
  Machines: 7,
  ConfineUser: 8,
  ConfineOrganization: 9,
  IsUser: 10,
  ThirdParty: 11,
  BindToParentToken: 12,
  IfPresent: 13,
  MachineFeatureSet: 14,
  FromMachineSource: 15,
  Clusters: 16,
  ConfineGoogleHD: 19,
  ConfineGitHubOrg: 20,
  MaxValidity: 21,
  IsMember: 22,
  FlyioUserID: 23,
  GitHubUserID: 24,
  GoogleUserID: 25,
  Action: 26,
  Commands: 27,
  AppFeatureSet: 28,
  StorageObjects: 29,
  AllowedRoles: 30,
  FlySrc: 31,
} as const;

/** Types the Go verifier decodes and re-encodes canonically; anything else is hashed as sent. */
export const KNOWN_CAVEAT_TYPES: ReadonlySet<number> = new Set(Object.values(CaveatType));

/** Attestations may only appear in finalized proofs. */
export const ATTESTATION_TYPES: ReadonlySet<number> = new Set([23, 24, 25]);

export function isKnownType(type: number | bigint): boolean {
  return typeof type === 'number'
    ? KNOWN_CAVEAT_TYPES.has(type)
    : type < 64n && KNOWN_CAVEAT_TYPES.has(Number(type));
}

export const Action = { read: 1, write: 2, create: 4, delete: 8, control: 16, all: 31, none: 0 } as const;

export type Id = number | bigint;
export type IdSet = Map<Id, number> | Array<[Id, number]> | Record<string, number>;

function checkMask(mask: number): number {
  if (!Number.isInteger(mask) || mask < 0 || mask > 0xffff)
    throw new RangeError(`invalid action mask ${mask}`);
  return mask;
}

function checkId(id: Id, what: string): Id {
  if (typeof id === 'number' ? !Number.isSafeInteger(id) || id < 0 : id < 0n || id >= 1n << 64n)
    throw new RangeError(`invalid ${what} ${id}`);
  return id;
}

function resourceSet<K extends MsgValue>(
  entries: Iterable<[K, number]>,
  isZero: (k: K) => boolean,
): Map<MsgValue, MsgValue> {
  const m = new Map<MsgValue, MsgValue>();
  for (const [k, mask] of entries) m.set(k, checkMask(mask));
  for (const k of m.keys()) {
    if (isZero(k as K) && m.size > 1) throw new RangeError('resource set: zero id must be the only key');
  }
  return m;
}

function stringSet(rs: Map<string, number> | Record<string, number>): Map<MsgValue, MsgValue> {
  const entries = rs instanceof Map ? rs.entries() : Object.entries(rs);
  return resourceSet(entries, (k: string) => k === '');
}

function parseId(k: string): Id {
  if (!/^\d+$/.test(k)) throw new RangeError(`invalid id ${JSON.stringify(k)}`);
  const v = BigInt(k);
  return v <= BigInt(Number.MAX_SAFE_INTEGER) ? Number(v) : v;
}

function idSet(rs: IdSet): Map<MsgValue, MsgValue> {
  const pairs: Array<[Id, number]> =
    rs instanceof Map || Array.isArray(rs) ? [...rs] : Object.entries(rs).map(([k, v]) => [parseId(k), v]);
  const entries = pairs.map(([k, v]) => [checkId(k, 'id'), v] as [Id, number]);
  return resourceSet(entries, (k) => BigInt(k) === 0n);
}

export type Command = { args: string[]; exact: boolean };

export const caveats = {
  /** Organization{id, mask}: only this org (0 = any), actions within mask. */
  organization: (orgId: Id, mask: number): Caveat => ({
    type: CaveatType.Organization,
    body: [checkId(orgId, 'org id'), checkMask(mask)],
  }),
  /** Apps: numeric app id → action mask. An empty set allows no app. */
  apps: (set: IdSet): Caveat => ({ type: CaveatType.Apps, body: [idSet(set)] }),
  validityWindow: (notBefore: Id, notAfter: Id): Caveat => ({
    type: CaveatType.ValidityWindow,
    body: [notBefore, notAfter],
  }),
  featureSet: (set: Map<string, number> | Record<string, number>): Caveat => ({
    type: CaveatType.FeatureSet,
    body: [stringSet(set)],
  }),
  mutations: (names: string[]): Caveat => ({ type: CaveatType.Mutations, body: [[...names]] }),
  ifPresent: (ifs: Caveat[], elseMask: number): Caveat => ({
    type: CaveatType.IfPresent,
    body: [caveatSetBody(ifs), checkMask(elseMask)],
  }),
  commands: (cmds: Command[]): Caveat => ({
    type: CaveatType.Commands,
    body: cmds.map((c) => [[...c.args], c.exact]),
  }),
  action: (mask: number): Caveat => ({ type: CaveatType.Action, body: checkMask(mask) }),
  clusters: (set: Map<string, number> | Record<string, number>): Caveat => ({
    type: CaveatType.Clusters,
    body: [stringSet(set)],
  }),
  machines: (set: Map<string, number> | Record<string, number>): Caveat => ({
    type: CaveatType.Machines,
    body: [stringSet(set)],
  }),
  volumes: (set: Map<string, number> | Record<string, number>): Caveat => ({
    type: CaveatType.Volumes,
    body: [stringSet(set)],
  }),
  isMember: (): Caveat => ({ type: CaveatType.IsMember, body: [] }),
  /** A caveat whose body is already-encoded msgpack, hashed and emitted verbatim. */
  opaque: (type: Id, body: Uint8Array): Caveat => ({ type, body: new RawMsg(body) }),
};

function caveatSetBody(cavs: Caveat[]): MsgValue[] {
  const out: MsgValue[] = [];
  for (const c of cavs) out.push(c.type, c.body);
  return out;
}

/** The two array elements of a caveat: enc(type) || enc(body). */
export function encodeCaveatElements(c: Caveat): Uint8Array {
  if (typeof c.type === 'number' ? !Number.isSafeInteger(c.type) || c.type < 0 : c.type < 0n)
    throw new RangeError(`invalid caveat type ${c.type}`);
  return concatBytes([encode(c.type), encode(c.body)]);
}

/** The per-caveat HMAC message: 0x92 || enc(type) || enc(body). */
export function caveatMessage(c: Caveat): Uint8Array {
  return concatBytes([Uint8Array.of(0x92), encodeCaveatElements(c)]);
}

/** Encode a flat caveat set `[t1, b1, t2, b2, ...]`. */
export function encodeCaveatSet(cavs: Caveat[]): Uint8Array {
  return encode(caveatSetBody(cavs));
}

/** Decode a flat caveat set; bodies are kept as `RawMsg` so re-encoding is verbatim. */
export function decodeCaveatSet(bytes: Uint8Array): Caveat[] {
  return splitCaveatSet(bytes).map(({ type, rawBody }) => ({ type, body: new RawMsg(rawBody) }));
}

export function splitCaveatSet(bytes: Uint8Array): Array<{ type: Id; body: MsgValue; rawBody: Uint8Array }> {
  const head = readArrayHeader(bytes, 0);
  if (head.count % 2 !== 0) throw new RangeError('caveat set must have an even number of elements');
  const out: Array<{ type: Id; body: MsgValue; rawBody: Uint8Array }> = [];
  let pos = head.end;
  for (let i = 0; i < head.count; i += 2) {
    const t = decodeAt(bytes, pos);
    if (typeof t.value !== 'number' && typeof t.value !== 'bigint')
      throw new RangeError('caveat type must be int');
    const b = decodeAt(bytes, t.end);
    out.push({ type: t.value, body: b.value, rawBody: bytes.slice(t.end, b.end) });
    pos = b.end;
  }
  if (pos !== bytes.length) throw new RangeError('trailing bytes after caveat set');
  return out;
}
