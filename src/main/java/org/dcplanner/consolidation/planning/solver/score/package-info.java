/** The score: constraint streams (readable reference, explanations), the incremental calculator and the ledger of per-host load series both use. */
package org.dcplanner.consolidation.planning.solver.score;
