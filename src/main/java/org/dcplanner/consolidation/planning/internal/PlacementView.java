package org.dcplanner.consolidation.planning.internal;

/** Where one VM runs: its index and name in the workload, the pool slot and the slot's host model. */
record PlacementView(int vm, String vmName, int slot, String hostModel) {}
