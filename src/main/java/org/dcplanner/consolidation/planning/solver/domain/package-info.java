/** The planning domain: the sized problem, its integer demand model, the OptaPlanner solution, entity and facts. */
package org.dcplanner.consolidation.planning.solver.domain;
