import type { UserInfo } from '../api/account';
import { dateTime } from '../format';

/** Whether the user can sign in: disabled by an admin, locked after failed sign-ins (until when), or active. */
export function userState(u: Pick<UserInfo, 'disabled' | 'lockedUntil'>): string {
  if (u.disabled) return 'disabled';
  if (u.lockedUntil) return `locked until ${dateTime(u.lockedUntil)}`;
  return 'active';
}
