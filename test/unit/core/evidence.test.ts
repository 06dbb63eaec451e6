// The rule of evidence (src/core/evidence.ts): what each answer means, and the verdict per proof kind.
import { describe, expect, test } from '@jest/globals';
import { judgeAnswers, judgeWrite, meaningOf, retryableStatus } from '../../../src/core/evidence.js';
import { CLOCK_SKEW_MS } from '../../../src/core/holdings.js';
import type { FlyToken, WriteFacts } from '../../../src/core/interfaces.js';

const MINT = '2026-12-07T10:00:00Z';
const token: FlyToken = {
  id: 'new',
  name: 'n',
  createdAt: MINT,
  expiresAt: '2026-12-14T10:00:00Z',
  revokedAt: null,
};
const at = (offsetMs: number) => new Date(Date.parse(MINT) + offsetMs).toISOString();
const lost: WriteFacts = { answers: [{ lost: 'timeout' }] };

describe('what one answer means', () => {
  test.each([
    [200, 'written'],
    [201, 'written'],
    [204, 'written'],
    [400, 'refused'],
    [403, 'refused'],
    [404, 'refused'],
    [422, 'refused'],
    [408, 'lost'],
    [429, 'not-applied'],
    [500, 'lost'],
    [502, 'lost'],
    [503, 'lost'],
    [302, 'lost'],
  ] as const)('HTTP %i is %s', (status, meaning) => {
    expect(meaningOf({ status })).toBe(meaning);
  });

  test.each(['reset', 'timeout', 'bad-reply', 'failed'] as const)('no usable answer (%s) is lost', (why) => {
    expect(meaningOf({ lost: why })).toBe('lost');
  });

  test('only what did not settle the request is retried: 408, 429 and 5xx, never another 4xx', () => {
    expect([408, 429, 500, 502, 503].map(retryableStatus)).toEqual([true, true, true, true, true]);
    expect([200, 400, 401, 403, 404, 409, 422].map(retryableStatus)).toEqual([
      false,
      false,
      false,
      false,
      false,
      false,
      false,
    ]);
  });
});

describe('the answers alone', () => {
  test('any 2xx among the attempts means it landed, even after lost answers and before a refusal', () => {
    expect(judgeAnswers({ answers: [{ lost: 'reset' }, { status: 204 }] })?.verdict).toBe('landed');
    expect(judgeAnswers({ answers: [{ status: 201 }, { status: 409 }] })?.verdict).toBe('landed');
  });

  test('a check after a 2xx that disagrees never makes the write "not landed": it says where it went', () => {
    const j = judgeAnswers({
      answers: [{ status: 200 }],
      afterAccepted: 'GitLab stored it with environment scope *',
    });
    expect(j?.verdict).toBe('landed');
    expect(j?.why).toMatch(/environment scope \*/);
  });

  test('refusals and 429s only: not landed; nothing sent: not landed', () => {
    expect(judgeAnswers({ answers: [{ status: 429 }, { status: 429 }] })?.verdict).toBe('not-landed');
    expect(judgeAnswers({ answers: [{ status: 403 }] })?.verdict).toBe('not-landed');
    expect(judgeAnswers({ answers: [] })?.verdict).toBe('not-landed');
  });

  test('a lost answer followed by a 429 cannot be settled by the answers (the first try may have landed)', () => {
    expect(judgeAnswers({ answers: [{ lost: 'timeout' }, { status: 429 }] })).toBeUndefined();
    expect(judgeAnswers({ answers: [{ status: 500 }] })).toBeUndefined();
  });
});

describe('a timestamp target (GitHub updated_at)', () => {
  const stamp = (offsetMs: number) => ({ proof: 'timestamp' as const, updatedAt: at(offsetMs) });

  test('unchanged and long before the mint: not landed', () => {
    const j = judgeWrite(lost, { token, before: stamp(-600_000), after: stamp(-600_000) });
    expect(j.verdict).toBe('not-landed');
  });

  test('unchanged but within the clock skew of the mint: unknown (both writes can share a second)', () => {
    const j = judgeWrite(lost, {
      token,
      before: stamp(-CLOCK_SKEW_MS + 1000),
      after: stamp(-CLOCK_SKEW_MS + 1000),
    });
    expect(j.verdict).toBe('unknown');
  });

  test('changed: landed, unless another rotation was writing at the same time', () => {
    expect(judgeWrite(lost, { token, before: stamp(-600_000), after: stamp(2000) }).verdict).toBe('landed');
    expect(
      judgeWrite(lost, { token, before: stamp(-600_000), after: stamp(2000), rivals: true }).verdict,
    ).toBe('unknown');
  });

  test('no reading from before: only a time older than the mint proves anything', () => {
    expect(judgeWrite(lost, { token, after: stamp(-600_000) }).verdict).toBe('not-landed');
    expect(judgeWrite(lost, { token, after: stamp(1000) }).verdict).toBe('unknown');
  });

  test('the secret gone after the write: not landed; the target unreadable: unknown', () => {
    expect(judgeWrite(lost, { token, after: { proof: 'timestamp' } }).verdict).toBe('not-landed');
    expect(judgeWrite(lost, { token }).verdict).toBe('unknown');
  });
});

describe('a read-back target (GitLab)', () => {
  test('exact: the value or the token id read back decides', () => {
    const ours = { proof: 'read-back' as const, exists: true, tokenId: 'new' };
    const theirs = { proof: 'read-back' as const, exists: true, tokenId: 'old' };
    expect(judgeWrite(lost, { token, after: ours }).verdict).toBe('landed');
    expect(judgeWrite(lost, { token, after: theirs }).verdict).toBe('not-landed');
    expect(
      judgeWrite(lost, { token, after: { proof: 'read-back', exists: true, matches: false, tokenId: 'new' } })
        .verdict,
    ).toBe('not-landed');
    expect(judgeWrite(lost, { token, after: { proof: 'read-back', exists: false } }).verdict).toBe(
      'not-landed',
    );
  });

  test('case 9: a retried write whose first try was lost and whose retry got 429 is settled by reading back', () => {
    const facts: WriteFacts = { answers: [{ lost: 'timeout' }, { status: 429 }] };
    expect(
      judgeWrite(facts, { token, after: { proof: 'read-back', exists: true, tokenId: 'new' } }).verdict,
    ).toBe('landed');
  });
});

describe('a target that proves nothing (Forgejo, a command)', () => {
  test('only "does not exist" settles it; anything else is unknown', () => {
    expect(judgeWrite(lost, { token, after: { proof: 'none', exists: false } }).verdict).toBe('not-landed');
    expect(judgeWrite(lost, { token, after: { proof: 'none', exists: true } }).verdict).toBe('unknown');
    expect(judgeWrite(lost, { token, after: { proof: 'none' } }).verdict).toBe('unknown');
  });
});
