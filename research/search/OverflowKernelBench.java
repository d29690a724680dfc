/*
 * Research micro-benchmark (not part of the service): how fast the JIT runs the search's hot loop, the weighted
 * overflow change of adding one VM series to a host (HostLoads.shiftCost), with 64-bit lanes as the service keeps
 * its loads and weights (long) against 32-bit lanes (int). On CPUs without AVX-512 there is no vector max or
 * multiply for 64-bit lanes, so the long loops cannot be vectorized fully; the int loops can (vpmaxsd, vpmulld).
 * Random data of the PlanetLab shape (288 steps, ~36 hosts near capacity, 900 VMs); prints million calls/s,
 * best of 3 rounds of 1 s each.
 *
 *   java research/search/OverflowKernelBench.java
 */
import java.util.Random;

public class OverflowKernelBench {
    static final int STEPS = 288, HOSTS = 36, VMS = 900;
    static final long CAP = 1_000_000;
    static final long[] loadLong = new long[HOSTS * STEPS], weightLong = new long[HOSTS * STEPS];
    static final int[] loadInt = new int[HOSTS * STEPS], weightInt = new int[HOSTS * STEPS], demand = new int[VMS * STEPS];

    /** As the service: long loads and weights, Math.max on longs. */
    static long longWeighted(int base, int vmBase) {
        long sum = 0;
        for (int t = 0; t < STEPS; t++) {
            long before = loadLong[base + t] - CAP;
            sum += weightLong[base + t] * (Math.max(0, before + demand[vmBase + t]) - Math.max(0, before));
        }
        return sum;
    }

    static long longPlain(int base, int vmBase) {
        long sum = 0;
        for (int t = 0; t < STEPS; t++) {
            long before = loadLong[base + t] - CAP;
            sum += Math.max(0, before + demand[vmBase + t]) - Math.max(0, before);
        }
        return sum;
    }

    /** int lanes, the product in int (exact while weight x demand < 2^31), summed into a long. */
    static long intWeighted(int base, int vmBase) {
        long sum = 0;
        int cap = (int) CAP;
        for (int t = 0; t < STEPS; t++) {
            int before = loadInt[base + t] - cap;
            sum += weightInt[base + t] * (Math.max(0, before + demand[vmBase + t]) - Math.max(0, before));
        }
        return sum;
    }

    /** int lanes throughout (exact while the whole sum stays below 2^31). */
    static int intPlain(int base, int vmBase) {
        int sum = 0;
        int cap = (int) CAP;
        for (int t = 0; t < STEPS; t++) {
            int before = loadInt[base + t] - cap;
            sum += Math.max(0, before + demand[vmBase + t]) - Math.max(0, before);
        }
        return sum;
    }

    interface Kernel {
        long call(int base, int vmBase);
    }

    public static void main(String[] args) {
        Random random = new Random(1);
        for (int i = 0; i < HOSTS * STEPS; i++) {
            loadInt[i] = 800_000 + random.nextInt(300_000);
            loadLong[i] = loadInt[i];
            weightInt[i] = 1 + random.nextInt(50);
            weightLong[i] = weightInt[i];
        }
        for (int i = 0; i < VMS * STEPS; i++) {
            demand[i] = random.nextInt(200_000);
        }
        String[] names = {"long lanes, weighted (service)", "long lanes, plain", "int lanes, weighted", "int lanes, plain"};
        Kernel[] kernels = {OverflowKernelBench::longWeighted, OverflowKernelBench::longPlain,
                OverflowKernelBench::intWeighted, OverflowKernelBench::intPlain};
        double[] best = new double[kernels.length];
        long checksum = 0;
        for (int round = 0; round < 3; round++) {
            for (int k = 0; k < kernels.length; k++) {
                long start = System.nanoTime();
                long calls = 0;
                while (System.nanoTime() - start < 1_000_000_000L) {
                    for (int i = 0; i < 1000; i++, calls++) {
                        checksum += kernels[k].call((int) (calls % HOSTS) * STEPS, (int) (calls * 7 % VMS) * STEPS);
                    }
                }
                best[k] = Math.max(best[k], calls / ((System.nanoTime() - start) / 1e9) / 1e6);
            }
        }
        for (int k = 0; k < kernels.length; k++) {
            System.out.printf("%-32s %6.2f M calls/s%n", names[k], best[k]);
        }
        System.out.println("checksum " + checksum % 1000 + ", java " + System.getProperty("java.version"));
    }
}
