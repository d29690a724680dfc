import { getJson, sendJson } from './client';
import type { Role } from './session';

export interface TokenInfo { id: string; name: string; createdAt: string; lastUsedAt: string | null }
export interface CreatedToken { id: string; name: string; token: string }
export interface UserInfo { id: string; username: string; role: Role; workspace: string; createdAt: string }
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
  audit: (offset: number, signal?: AbortSignal) => getJson<AuditPage>(`/api/v1/audit?limit=50&offset=${offset}`, signal),
};
