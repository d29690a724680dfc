/**
 * Module problem: every error leaves the service as RFC 9457 problem+json. Features throw
 * {@link org.dcplanner.consolidation.problem.ApiException}; the handler maps it and Spring's own errors.
 * At the bottom: every feature may use it, it uses none.
 */
package org.dcplanner.consolidation.problem;
