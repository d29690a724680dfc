/**
 * Module spa: serves the single-page frontend, forwarding its client-side routes to {@code index.html}.
 * Nothing depends on it.
 */
package org.dcplanner.consolidation.spa;
