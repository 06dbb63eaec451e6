import { describe, expect, test } from '@jest/globals';
import { ApiError, statusOf, TransientError } from '../../../src/core/errors.js';
import { scrubError, scrubText, tokenForms } from '../../../src/core/mask.js';

const TOKEN = 'FlyV1 fm2_aaaaaaaaaaaa,fm2_bbbbbbbbbbbb';

describe('scrubText', () => {
  test('cuts every form of the token out, then makes the text printable on one line', () => {
    expect(scrubText(`x ${TOKEN}\n::error::fm2_bbbbbbbbbbbb`, tokenForms(TOKEN), '[token]')).toBe(
      'x [token]\\n::error::[token]',
    );
    expect(scrubText('::add-mask::a ##[stop-commands]b \u009b', [])).toBe(
      '\\u003a:add-mask::a #\\u0023[stop-commands]b \\u009b',
    );
  });
});

describe('scrubError', () => {
  test('a TransientError stays one, with its service, status and Retry-After', () => {
    const err = Object.assign(new TransientError(`busy ${TOKEN}`, 3000, 'gitlab'), { status: 503 });
    const out = scrubError(err, tokenForms(TOKEN), 'forgejo');
    expect(out).toBeInstanceOf(TransientError);
    expect(out).toMatchObject({ message: 'busy ***', service: 'gitlab', status: 503, retryAfterMs: 3000 });
  });

  test('an ApiError keeps its status and code; anything else becomes an ApiError of the service', () => {
    const api = scrubError(new ApiError('no\u001b', 'fly', 404, 'NOT_FOUND'), [], 'forgejo');
    expect(api).toMatchObject({ message: 'no\\u001b', service: 'fly', status: 404, code: 'NOT_FOUND' });
    expect(api).not.toBeInstanceOf(TransientError);
    const other = scrubError(Object.assign(new Error('odd'), { status: 418 }), [], 'forgejo');
    expect(other).toMatchObject({ message: 'odd', service: 'forgejo', status: 418 });
    expect(scrubError('plain', [], 'gitlab')).toMatchObject({ message: 'plain', service: 'gitlab' });
  });
});

test('statusOf reads a numeric status from anything', () => {
  expect(statusOf(new ApiError('x', 'github', 403))).toBe(403);
  expect(statusOf({ status: '403' })).toBeUndefined();
  expect(statusOf(undefined)).toBeUndefined();
  expect(statusOf('text')).toBeUndefined();
});
