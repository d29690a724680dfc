package org.dcplanner.consolidation.simulation.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.dcplanner.consolidation.ingestion.Metric;
import org.dcplanner.consolidation.simulation.internal.ReplayResult.Summary;

/**
 * What a replay found that the plan did not account for: every resource some host was asked for more
 * of than it has, except CPU when the plan packed CPU (CPU contention is then the plan's chosen trade-off,
 * reported by SLATAH and the throttling figures).
 */
final class PlanWarnings {
    private PlanWarnings() {}

    static List<String> of(Summary s, Set<Metric> planned) {
        List<String> out = new ArrayList<>();
        if (s.overloadedHostsByResource() == null) return out;
        for (Metric m : Metric.values()) {
            int hosts = s.overloadedHostsByResource().getOrDefault(m, 0);
            if (hosts == 0 || (m == Metric.CPU && planned.contains(m))) continue;
            String w = String.format(
                    Locale.ROOT,
                    "%s overcommitted on %d of %d hosts (peak %.0f %%)",
                    m,
                    hosts,
                    s.activeHosts(),
                    100 * s.peakUtilizationByResource().getOrDefault(m, 0.0));
            out.add(planned.contains(m) ? w : w + ": the plan did not check " + m);
        }
        return out;
    }
}
