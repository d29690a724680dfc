package org.dcplanner.consolidation.ingestion.internal;

import java.util.List;

/** One page of a workload's VMs, shaped like a Spring Data page. */
public record VmPage(List<VmView> content, long totalElements, int totalPages, int number, int size) {}
