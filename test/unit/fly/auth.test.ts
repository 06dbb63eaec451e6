import { expect, test } from '@jest/globals';
import { authorizationHeader, bareToken, isMacaroon } from '../../../src/fly/auth.js';
import { flyGraphQLError, flyHttpError } from '../../../src/fly/errors.js';

test('macaroons go as FlyV1, everything else as Bearer, pasted schemes stripped', () => {
  expect(authorizationHeader('fm2_abc,fm2_def')).toBe('FlyV1 fm2_abc,fm2_def');
  expect(authorizationHeader('  FlyV1 fm2_abc ')).toBe('FlyV1 fm2_abc');
  expect(authorizationHeader('fm1r_legacy')).toBe('FlyV1 fm1r_legacy');
  expect(authorizationHeader('Bearer 0123abcd')).toBe('Bearer 0123abcd');
  expect(authorizationHeader('0123abcd')).toBe('Bearer 0123abcd');
  expect(authorizationHeader('flyv1 fm2_x')).toBe('FlyV1 fm2_x');
  expect(bareToken('Bearer x')).toBe('x');
  expect(isMacaroon('FlyV1 fm2_x')).toBe(true);
  expect(() => authorizationHeader('   ')).toThrow('fly-api-token is empty');
  expect(() => authorizationHeader('fm2_a fm2_b')).toThrow('white space');
});

test('GraphQL errors say which credential is needed', () => {
  expect(
    flyGraphQLError([{ message: 'Not authorized to access createlimitedaccesstoken' }], 'create a token')
      .message,
  ).toMatch(/not allowed to manage tokens.*personal access token/);
  expect(
    flyGraphQLError(
      [{ message: 'You must be authenticated to view this.', extensions: { code: 'UNAUTHORIZED' } }],
      'look up app "x"',
    ).code,
  ).toBe('UNAUTHORIZED');
  const nf = flyGraphQLError(
    [{ message: 'Could not find App "ghost"', extensions: { code: 'NOT_FOUND' } }],
    'look up app "ghost"',
  );
  expect(nf.message).toBe(
    'Fly app "ghost" was not found, or fly-api-token cannot see it (while trying to look up app "ghost").',
  );
  expect(flyGraphQLError([{ message: 'boom' }], 'x').message).toBe('Fly refused to x: boom');
});

test('HTTP errors', () => {
  expect(flyHttpError(401, '', 'x').code).toBe('UNAUTHORIZED');
  expect(flyHttpError(502, '<html><body>Bad   gateway</body></html>', 'x').message).toBe(
    'Fly API answered HTTP 502 while trying to x: <html><body>Bad gateway</body></html>',
  );
});
