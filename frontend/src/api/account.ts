import { getJson, sendJson } from './client';
import type { Role } from './session';

export interface TokenInfo { id: string; name: string; createdAt: string; lastUsedAt: string | null }
export interface CreatedToken { id: string; name: string; token: string }
/** lockedUntil: end of a lockout after failed sign-ins, null when the password sign-in is not locked now. */
export interface UserInfo {
  id: string; username: string; role: Role; workspace: string; createdAt: string;
  disabled: boolean; lockedUntil: string | null;
}
export interface AuditEntry {
  id: number; at: string; username: string | null; workspace: string | null; method: string; path: string;
  status: number; remoteAddress: string | null; target: string | null;
}
export interface AuditPage { entries: AuditEntry[]; total: number; limit: number; offset: number }

export const accountApi = {
  tokens: (signal?: AbortSignal) => getJson<TokenInfo[]>('/api/v1/tokens', signal),
  createToken: (name: string) => sendJson<CreatedToken>('POST', '/api/v1/tokens', { name }),
  revokeToken: (id: string) => sendJson<void>('DELETE', `/api/v1/tokens/${encodeURIComponent(id)}`),
  users: (signal?: AbortSignal) => getJson<UserInfo[]>('/api/v1/users', signal),
  createUser: (user: { username: string; password: string; role: Role; workspace: string }) =>
    sendJson<UserInfo>('POST', '/api/v1/users', user),
  disableUser: (id: string) => sendJson<UserInfo>('POST', `/api/v1/users/${encodeURIComponent(id)}/disable`),
  enableUser: (id: string) => sendJson<UserInfo>('POST', `/api/v1/users/${encodeURIComponent(id)}/enable`),
  unlockUser: (id: string) => sendJson<UserInfo>('POST', `/api/v1/users/${encodeURIComponent(id)}/unlock`),
  deleteUser: (id: string) => sendJson<void>('DELETE', `/api/v1/users/${encodeURIComponent(id)}`),
  changePassword: (currentPassword: string, newPassword: string) =>
    sendJson<void>('PUT', '/api/v1/me/password', { currentPassword, newPassword }),
  audit: (offset: number, signal?: AbortSignal) => getJson<AuditPage>(`/api/v1/audit?limit=50&offset=${offset}`, signal),
};
