package org.dcplanner.consolidation.backtest.internal;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.UUID;

/** One fold to run: the plan request to fit (workload, window, sizing) and the data to replay it on. */
record FoldSpec(String label, ObjectNode planRequest, UUID testWorkloadId, Instant testFrom, Instant testTo) {}
