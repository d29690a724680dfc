import { ApiError } from '../api/client';
import type { Pool } from './pins';

/**
 * After a 422 pool-too-large on a one-model pool: that model with the most hosts the server said fit its memory
 * (`maxPoolHosts`), for a one-click fix; null for any other error or a mixed pool (which model to cut is the user's call).
 */
export function poolThatFits(error: unknown, pool: Pool): { model: string; count: number } | null {
  if (!(error instanceof ApiError) || !error.problem.type?.endsWith('pool-too-large') || pool.length !== 1) return null;
  const count = Number(error.problem.maxPoolHosts);
  return count >= 1 ? { model: pool[0].model, count } : null;
}
