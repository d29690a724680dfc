package org.dcplanner.consolidation.planning.solver;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.dcplanner.consolidation.planning.solver.domain.DemandModel;
import org.dcplanner.consolidation.planning.solver.search.HostEliminationSearch;

/**
 * Research probe (not a test): runs the service's fixed-count stage ({@code FixedCountSearch#searchOn}) on the
 * PlanetLab CloudSim problem of {@link PlanningBenchmark} from a given placement at its own host count, and
 * prints the residual overflow in MHz-steps every 8,192 iterations — the figures the C prototype
 * (research/search/fixed_count_search.c) prints, so both can be run from one start placement. The start file
 * has one host index per VM line in sorted file order (as the prototype's OUT); a feasible result is written to
 * OUT in the same form, to be re-checked with research/search/verify_placement.py.
 *
 * Not compiled by the build: Java's single-file launcher runs it against the compiled test classes (from the
 * repository root):
 * <pre>
 * ./mvnw -q -B -Dskip.frontend=true test-compile dependency:build-classpath -Dmdep.outputFile=target/classpath.txt
 * java -cp target/classes:target/test-classes:$(cat target/classpath.txt) \
 *   research/probes/FixedCountProbe.java 20110306 /tmp/start35.txt 120 1 /tmp/out35.txt
 * </pre>
 */
public final class FixedCountProbe {
    private FixedCountProbe() {}

    public static void main(String[] args) throws IOException {
        if (args.length < 4) {
            System.err.println("usage: DAY START SECONDS SEED [OUT]");
            System.exit(2);
        }
        DemandModel model = new DemandModel(PlanningBenchmark.cloudSimProblem(PlanningBenchmark.readPlanetLab(args[0]), false));
        int[] start = Files.readAllLines(Path.of(args[1])).stream().filter(l -> !l.isBlank())
                .mapToInt(l -> Integer.parseInt(l.trim())).toArray();
        if (start.length != model.vms()) {
            throw new IllegalArgumentException(start.length + " placement lines for " + model.vms() + " VMs");
        }
        long seconds = Long.parseLong(args[2]);
        HostEliminationSearch search = new HostEliminationSearch(model, start, Long.parseLong(args[3]), 1);
        int[] targets = Arrays.stream(start).distinct().sorted().toArray();
        double mhzPerUnit = model.unitSize(0);
        long begin = System.nanoTime();
        boolean feasible = search.fixedCountStage().trace((iterations, overflow, lowest) -> {
            if (iterations % 8192 == 0) { // by iteration, so that runs of one seed can be compared line by line
                System.err.printf("progress seconds=%.1f iterations=%d overflow=%.0f lowest=%.0f%n",
                        (System.nanoTime() - begin) / 1e9, iterations, overflow * mhzPerUnit, lowest * mhzPerUnit);
            }
        }).searchOn(targets, new StopPoll(begin + seconds * 1_000_000_000L, () -> false));
        int[] result = search.currentPlacement();
        System.out.printf("hosts=%d seconds=%.1f evaluations=%d %s%n", targets.length, (System.nanoTime() - begin) / 1e9,
                search.evaluations(), feasible ? "FEASIBLE" : "not found");
        if (feasible && args.length > 4) {
            Files.write(Path.of(args[4]), Arrays.stream(result).mapToObj(Integer::toString).toList());
        }
    }
}
