/** The search: OptaPlanner custom phases working on plain placement arrays, and their moves. */
package org.dcplanner.consolidation.planning.solver.search;
