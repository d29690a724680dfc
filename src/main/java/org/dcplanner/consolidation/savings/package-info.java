/** Module savings: costs and savings of a plan against today's estate, from planning's placement and simulation's power figures. */
package org.dcplanner.consolidation.savings;
