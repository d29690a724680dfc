/**
 * Module database: the zero-configuration embedded PostgreSQL (when no {@code spring.datasource.url} is set)
 * and {@link org.dcplanner.consolidation.database.JsonColumns} for jsonb columns. At the bottom, uses no feature.
 */
package org.dcplanner.consolidation.database;
