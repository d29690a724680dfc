import { describe, expect, it } from 'vitest';
import { ApiError } from '../api/client';
import { poolThatFits } from './poolFit';

const tooLarge = new ApiError({ type: '/problems/pool-too-large', status: 422, detail: 'too large', maxPoolHosts: 13702 });

describe('poolThatFits', () => {
  it('offers the most hosts that fit for a one-model pool', () => {
    expect(poolThatFits(tooLarge, [{ model: 'dell-r740', count: 20000 }])).toEqual({ model: 'dell-r740', count: 13702 });
  });

  it('offers the suggested hosts after pool-too-small', () => {
    const tooSmall = new ApiError({ type: '/problems/pool-too-small', status: 422, lowerBoundHosts: 5, suggestedPoolHosts: 10 });
    expect(poolThatFits(tooSmall, [{ model: 'hp-ml110-g5', count: 3 }])).toEqual({ model: 'hp-ml110-g5', count: 10 });
  });

  it('offers nothing for a mixed pool, another problem or a missing figure', () => {
    expect(poolThatFits(tooLarge, [{ model: 'a', count: 10000 }, { model: 'b', count: 10000 }])).toBeNull();
    expect(poolThatFits(new ApiError({ type: '/problems/pool-too-small', status: 422 }), [{ model: 'a', count: 1 }])).toBeNull();
    expect(poolThatFits(new ApiError({ type: '/problems/pool-too-large', status: 422, maxPoolHosts: 0 }), [{ model: 'a', count: 5 }])).toBeNull();
    expect(poolThatFits(new Error('network'), [{ model: 'a', count: 5 }])).toBeNull();
  });
});
