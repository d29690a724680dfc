/** The start: the fluid lower bound, the first-fit-decreasing baselines and the construction picked from them. */
package org.dcplanner.consolidation.planning.solver.start;
