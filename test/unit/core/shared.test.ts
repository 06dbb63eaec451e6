import { expect, test } from '@jest/globals';
import { SharedCalls } from '../../../src/core/shared.js';

test('one call per key is shared while it runs and after it succeeded', async () => {
  const calls = new SharedCalls<number>();
  let started = 0;
  const start = async () => ++started;
  const [a, b] = await Promise.all([calls.get('k', start), calls.get('k', start)]);
  expect([a, b, await calls.get('k', start), started]).toEqual([1, 1, 1, 1]);
  expect(await calls.get('other', start)).toBe(2);
  expect(calls.peek('none')).toBeUndefined();
});

test('a failed call is forgotten, so the next caller starts it again', async () => {
  const calls = new SharedCalls<string>();
  let attempt = 0;
  const start = async () => {
    attempt++;
    if (attempt === 1) throw new Error('down');
    return 'up';
  };
  await expect(calls.get('k', start)).rejects.toThrow('down');
  expect(calls.peek('k')).toBeUndefined();
  expect(await calls.get('k', start)).toBe('up');
  expect(await calls.peek('k')).toBe('up');
});
