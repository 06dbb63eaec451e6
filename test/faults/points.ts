// Where a fault can be injected (one API call of one mode) and what the fault is. Each point names the
// emulator, the operation, and a predicate for calls that share an operation name (Fly's `app` field serves
// the app lookup, the token list and the verification read).
import type { Fault, RecordedRequest } from '../emulators/http.js';

export type Side = 'fly' | 'github';
export type ModeName = 'rotate' | 'revoke' | 'revoke-all' | 'status';

export interface CallPoint {
  name: string;
  side: Side;
  operation: string;
  /** Whether the call changes state: only those get faults after the real handler too. */
  mutates: boolean;
  when?: (authToken: string) => (r: RecordedRequest) => boolean;
}

const query = (r: RecordedRequest) => String((r.body as { query?: string } | undefined)?.query ?? '');
const isList = (r: RecordedRequest) => query(r).includes('limitedAccessTokens');

/** The n-th token listing of a run (1 = the plan's, 2 = the re-list after storing). */
function nthList(n: number) {
  return () => {
    let seen = 0;
    return (r: RecordedRequest) => isList(r) && ++seen === n;
  };
}

const getApp: CallPoint = {
  name: 'fly app lookup',
  side: 'fly',
  operation: 'app',
  mutates: false,
  when: (auth) => (r) => !isList(r) && r.authorization === auth,
};
const list: CallPoint = {
  name: 'fly token list',
  side: 'fly',
  operation: 'app',
  mutates: false,
  when: nthList(1),
};
const relist: CallPoint = {
  name: 'fly re-list',
  side: 'fly',
  operation: 'app',
  mutates: false,
  when: nthList(2),
};
const create: CallPoint = {
  name: 'fly create',
  side: 'fly',
  operation: 'createLimitedAccessToken',
  mutates: true,
};
const verify: CallPoint = {
  name: 'fly verify',
  side: 'fly',
  operation: 'app',
  mutates: false,
  when: (auth) => (r) => !isList(r) && r.authorization !== auth,
};
const revoke: CallPoint = {
  name: 'fly revoke',
  side: 'fly',
  operation: 'deleteLimitedAccessToken',
  mutates: true,
};
const publicKey: CallPoint = {
  name: 'github public key',
  side: 'github',
  operation: 'actions/get-repo-public-key',
  mutates: false,
};
const write: CallPoint = {
  name: 'github write',
  side: 'github',
  operation: 'actions/create-or-update-repo-secret',
  mutates: true,
};

export const POINTS: Record<ModeName, CallPoint[]> = {
  rotate: [getApp, list, create, publicKey, write, verify, relist, revoke],
  revoke: [list, revoke],
  'revoke-all': [list, revoke],
  status: [list],
};

const html502 =
  '<html><head><title>502 Bad Gateway</title></head><body><h1>502 Bad Gateway</h1></body></html>';
const graphqlError = (code: string, message: string) =>
  JSON.stringify({ data: null, errors: [{ message, extensions: { code } }] });
const secondary = JSON.stringify({
  message: 'You have exceeded a secondary rate limit. Please wait a few minutes before you try again.',
  documentation_url: 'https://docs.github.com/rest/overview/rate-limits-for-the-rest-api',
});

export interface FaultKind {
  name: string;
  fault: Fault;
  /** GraphQL errors only mean something to Fly. */
  flyOnly?: boolean;
}

export const FAULT_KINDS: FaultKind[] = [
  { name: 'HTTP 500', fault: { kind: 'status', status: 500 } },
  { name: '502 HTML', fault: { kind: 'status', status: 502, body: html502, contentType: 'text/html' } },
  {
    name: '429 Retry-After',
    fault: { kind: 'status', status: 429, body: secondary, headers: { 'retry-after': '1' } },
  },
  {
    name: '403 rate limit',
    fault: { kind: 'status', status: 403, body: secondary, headers: { 'retry-after': '1' } },
  },
  { name: 'reset', fault: { kind: 'reset' } },
  { name: 'hang', fault: { kind: 'hang' } },
  { name: 'malformed JSON', fault: { kind: 'malformed' } },
  {
    name: 'GraphQL UNAUTHORIZED',
    fault: {
      kind: 'status',
      status: 200,
      body: graphqlError('UNAUTHORIZED', 'You must be authenticated to view this.'),
    },
    flyOnly: true,
  },
  {
    name: 'GraphQL NOT_FOUND',
    fault: {
      kind: 'status',
      status: 200,
      body: graphqlError('NOT_FOUND', 'Could not find the requested resource'),
    },
    flyOnly: true,
  },
];

export interface FaultCase {
  id: string;
  mode: ModeName;
  point: CallPoint;
  kind: FaultKind;
  after: boolean;
}

/** Every mode × call × fault kind; after the handler too for calls that change something. */
export function faultCases(): FaultCase[] {
  const out: FaultCase[] = [];
  for (const [mode, points] of Object.entries(POINTS) as [ModeName, CallPoint[]][]) {
    for (const point of points) {
      for (const kind of FAULT_KINDS) {
        if (kind.flyOnly && point.side !== 'fly') continue;
        for (const after of point.mutates ? [false, true] : [false]) {
          out.push({
            id: `${mode} | ${point.name} | ${kind.name}${after ? ' (after)' : ''}`,
            mode,
            point,
            kind,
            after,
          });
        }
      }
    }
  }
  return out;
}
