import { ApiError } from '../api/client';
import type { Pool } from './pins';

/**
 * After a 422 on a one-model pool, a one-click fix: pool-too-large offers the most hosts the server said fit its
 * memory (`maxPoolHosts`); pool-too-small the hosts it suggests (`suggestedPoolHosts`: enough for the demand, the
 * planner still uses the fewest). Null for any other error or a mixed pool (which model to change is the user's call).
 */
export function poolThatFits(error: unknown, pool: Pool): { model: string; count: number } | null {
  if (!(error instanceof ApiError) || pool.length !== 1) return null;
  const type = error.problem.type ?? '';
  const count = type.endsWith('pool-too-large') ? Number(error.problem.maxPoolHosts)
    : type.endsWith('pool-too-small') ? Number(error.problem.suggestedPoolHosts) : NaN;
  return count >= 1 ? { model: pool[0].model, count } : null;
}
