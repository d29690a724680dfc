/**
 * Plans at scale: a large estate split into partitions that are solved apart (on any node) and merged.
 * {@link org.dcplanner.consolidation.planning.solver.partition.EstatePartitioner} keeps anti-affinity groups
 * together, leaves pinned VMs and their slots out, mixes load shapes so each partition holds complementary daily
 * profiles, and gives each partition a disjoint slice of the pool;
 * {@link org.dcplanner.consolidation.planning.solver.partition.Partitioning} builds each partition's sub-problem and
 * joins their placements into one start for the merge, a solve of the whole problem that empties the least-loaded
 * hosts across partitions; {@link org.dcplanner.consolidation.planning.solver.partition.PoolSlice} cuts the pool
 * for a merge whose whole pool would not fit the heap.
 */
package org.dcplanner.consolidation.planning.solver.partition;
