/**
 * Module security: sign-in (form, HTTP Basic, API tokens, OIDC), roles, workspaces, the audit log and the
 * security headers. At the bottom with {@code problem}: every feature may use it (for
 * {@link org.dcplanner.consolidation.security.CurrentUser} and
 * {@link org.dcplanner.consolidation.security.WorkspaceScope}), it uses no feature. See docs/security.md.
 */
package org.dcplanner.consolidation.security;
