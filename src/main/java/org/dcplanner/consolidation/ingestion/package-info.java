/** Module ingestion: uploads, parses and stores workload traces; publishes the workload store and its types. */
package org.dcplanner.consolidation.ingestion;
