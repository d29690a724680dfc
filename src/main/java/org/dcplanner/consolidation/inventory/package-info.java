/** Module inventory: the host model catalog (built-in and custom models). */
package org.dcplanner.consolidation.inventory;
