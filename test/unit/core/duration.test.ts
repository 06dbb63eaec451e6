import { describe, expect, test } from '@jest/globals';
import { goDuration, humanDuration, parseDuration } from '../../../src/core/duration.js';

describe('parseDuration', () => {
  test.each([
    ['90m', 90 * 60_000],
    ['72h', 72 * 3_600_000],
    ['1h30m', 90 * 60_000],
    ['7d', 7 * 86_400_000],
    ['2w', 14 * 86_400_000],
    ['1.5h', 90 * 60_000],
    ['1d12h', 36 * 3_600_000],
  ])('%s', (text, ms) => expect(parseDuration(text)).toBe(ms));

  test.each(['0', '0h', '-1h', '1y', 'abc', '', '7 d', 'h', '10s', '175201h'])('rejects %p', (text) => {
    expect(() => parseDuration(text, 'expiry')).toThrow(/expiry/);
  });

  test('the error says what was expected', () => {
    expect(() => parseDuration('abc', 'expiry')).toThrow(
      'Expected a duration such as 90m, 72h, 1h30m, 7d or 2w',
    );
  });
});

test('goDuration prints what Go would', () => {
  expect(goDuration(7 * 86_400_000)).toBe('168h0m0s');
  expect(goDuration(90 * 60_000)).toBe('1h30m0s');
});

test('humanDuration', () => {
  expect(humanDuration(7 * 86_400_000)).toBe('7d');
  expect(humanDuration(36 * 3_600_000)).toBe('36h');
  expect(humanDuration(90 * 60_000)).toBe('90m');
});
