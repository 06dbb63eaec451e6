import { expect, test } from '@jest/globals';
import { concurrencyGroup } from '../../src/github/octokit.js';

test('concurrencyGroup never runs more than its limit at once and runs every job', async () => {
  const limiter = concurrencyGroup(3).key();
  let running = 0;
  let peak = 0;
  const job = async (i: number) => {
    running++;
    peak = Math.max(peak, running);
    await new Promise((r) => setTimeout(r, 1 + (i % 4)));
    running--;
    return i;
  };
  // New jobs arrive while others finish, so a slot handed to a waiter must not also go to a newcomer.
  const first = Array.from({ length: 10 }, (_, i) => limiter.schedule({}, job, i));
  await new Promise((r) => setTimeout(r, 2));
  const second = Array.from({ length: 10 }, (_, i) => limiter.schedule({}, job, 10 + i));
  expect(await Promise.all([...first, ...second])).toEqual(Array.from({ length: 20 }, (_, i) => i));
  expect(peak).toBe(3);
});

test('a failing job frees its slot', async () => {
  const limiter = concurrencyGroup(1).key();
  await expect(limiter.schedule({}, async () => Promise.reject(new Error('boom')))).rejects.toThrow('boom');
  expect(await limiter.schedule({}, async () => 'next')).toBe('next');
});
