/** Planning internals: the REST API, the plan store (fenced attempts), the solve job and demand sizing. */
package org.dcplanner.consolidation.planning.internal;
