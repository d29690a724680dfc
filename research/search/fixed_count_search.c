/*
 * Research prototype (not part of the service): can the VMs of a demand matrix be packed onto K hosts
 * of capacity C so that every host's summed series stays <= C at every step?
 *
 * Weighted-overflow ("breakout") local search at a fixed host count, the same neighbourhood as the
 * planner's repair (planning/solver/HostEliminationSearch): each iteration takes a random overflowing
 * host, evaluates every VM on it moved to every other host and swapped with the VMs of the 3 hosts where
 * it would arrive cheapest, applies the best non-tabu improving one (tenure 10), otherwise raises the
 * weights of that host's overflowing steps by one. Added here: in one stuck iteration out of PAIR_EVERY,
 * a "pair re-split" — a random descent (moves and swaps, sideways steps allowed) on the overflow of the
 * stuck host and the host with most room at its overflowing steps, kept only if their overflow drops.
 * On success the placement is re-checked from scratch and "verified" is printed.
 *
 * Build and run (matrix from planetlab_matrix.py):
 *   gcc -O3 -march=native -o /tmp/fcs research/search/fixed_count_search.c
 *   python3 research/search/planetlab_matrix.py 20110303 | /tmp/fcs HOSTS SECONDS SEED [PAIR_EVERY] [PAIR_ITERATIONS] [CAPACITY] [START] [OUT] [GROUP]
 * PAIR_EVERY (default 20; 0 = off) and PAIR_ITERATIONS (default 10,000) tune the pair re-split;
 * CAPACITY defaults to 5320 (HP ML110 G5, 2 x 2660 MHz). GROUP (optional, default 2, at most 8): hosts per
 * re-split — the stuck host plus the GROUP - 1 hosts with the most room at its overflowing steps.
 * START (optional, "-" = none): a placement file, one host index per VM line (as written by OUT). If it
 * uses more than HOSTS hosts, its lightest hosts (least summed demand) are emptied and the rest renumbered;
 * the VMs of emptied hosts (and any with a negative host) are placed by the construction rule below, in
 * decreasing peak order, the others keep their host. OUT (optional): the placement with the
 * lowest overflow seen (the final one if feasible) is written there, one host index per VM line.
 * Every 10 s a "progress" line (current and lowest overflow, MHz-steps) goes to stderr.
 * With the environment variable POOL=FILE, every feasible host seen (checked every 16 iterations; its VM
 * indices, sorted, one host per line, deduplicated) is appended to FILE, for setcover_pool.py.
 */
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

static int vms, steps, hosts, capacity = 5320, pairEvery = 20, pairIterations = 10000, groupSize = 2;
static int *demand, *load, *weight, *hostOf, *count, **members, *slot, *bestHostOf;
static unsigned long long rng = 88172645463325252ULL;

static unsigned long long next(void) { rng ^= rng << 13; rng ^= rng >> 7; rng ^= rng << 17; return rng; }
static double seconds(void) { struct timespec ts; clock_gettime(CLOCK_MONOTONIC, &ts); return ts.tv_sec + ts.tv_nsec * 1e-9; }
static inline int over(int x) { return x > capacity ? x - capacity : 0; }

static long long overflow(int h) {
    long long s = 0; int *l = load + h * steps;
    for (int t = 0; t < steps; t++) s += over(l[t]);
    return s;
}
/* weighted overflow change on host h if vm `in` arrives and `out` leaves (-1 for none) */
static long long change(int h, int in, int out, int weighted) {
    long long s = 0; int *l = load + h * steps, *w = weight + h * steps;
    for (int t = 0; t < steps; t++) {
        int d = (in >= 0 ? demand[in * steps + t] : 0) - (out >= 0 ? demand[out * steps + t] : 0);
        s += (long long) (weighted ? w[t] : 1) * (over(l[t] + d) - over(l[t]));
    }
    return s;
}
static void place(int v, int h) {
    int *l = load + h * steps, *d = demand + v * steps;
    for (int t = 0; t < steps; t++) l[t] += d[t];
    hostOf[v] = h; slot[v] = count[h]; members[h][count[h]++] = v;
}
static void unplace(int v) {
    int h = hostOf[v], *l = load + h * steps, *d = demand + v * steps;
    for (int t = 0; t < steps; t++) l[t] -= d[t];
    int last = members[h][--count[h]]; members[h][slot[v]] = last; slot[last] = slot[v];
}
static void relocate(int v, int h) { unplace(v); place(v, h); }

/* pattern pool: every feasible host seen (sorted members), deduplicated by a 64-bit hash */
static FILE *poolFile; static unsigned long long *poolSeen; static long poolSize = 1 << 22, poolCount;
static int cmpInt(const void *a, const void *b) { return *(const int *) a - *(const int *) b; }
static void dumpFeasibleHosts(void) {
    static int *buf; if (!buf) buf = malloc(vms * sizeof *buf);
    for (int h = 0; h < hosts; h++) {
        if (overflow(h) > 0 || count[h] == 0) continue;
        for (int i = 0; i < count[h]; i++) buf[i] = members[h][i];
        qsort(buf, count[h], sizeof *buf, cmpInt);
        unsigned long long x = 1469598103934665603ULL;
        for (int i = 0; i < count[h]; i++) { x ^= (unsigned) buf[i] + 1; x *= 1099511628211ULL; }
        if (!x) x = 1;
        long k = x & (poolSize - 1);
        while (poolSeen[k] && poolSeen[k] != x) k = (k + 1) & (poolSize - 1);
        if (poolSeen[k]) continue;
        if (poolCount > poolSize / 2) return;
        poolSeen[k] = x; poolCount++;
        for (int i = 0; i < count[h]; i++) fprintf(poolFile, i ? " %d" : "%d", buf[i]);
        fputc('\n', poolFile);
    }
}


/* random descent (moves and swaps inside the group, sideways steps allowed) on the group's plain overflow */
static void resplit(const int *group, int m) {
    static int *pool, *original;
    if (!pool) { pool = malloc(vms * sizeof *pool); original = malloc(vms * sizeof *original); }
    int n = 0; long long before = 0;
    for (int k = 0; k < m; k++) { for (int i = 0; i < count[group[k]]; i++) pool[n++] = members[group[k]][i]; before += overflow(group[k]); }
    for (int i = 0; i < n; i++) original[i] = hostOf[pool[i]];
    long long current = before;
    for (int it = 0; it < pairIterations && current > 0; it++) {
        int v = pool[next() % n], from = hostOf[v], to;
        if (m == 2) to = from == group[0] ? group[1] : group[0];
        else { to = group[next() % (m - 1)]; if (to == from) to = group[m - 1]; }
        int u = next() % 2 ? -1 : pool[next() % n];
        if (u >= 0 && hostOf[u] != to) continue;
        long long delta = change(from, u, v, 0) + change(to, v, u, 0);
        if (delta <= 0) { relocate(v, to); if (u >= 0) relocate(u, from); current += delta; }
    }
    if (current >= before)
        for (int i = 0; i < n; i++) if (hostOf[pool[i]] != original[i]) relocate(pool[i], original[i]);
}

int main(int argc, char **argv) {
    if (argc < 4) { fprintf(stderr, "usage: HOSTS SECONDS SEED [PAIR_EVERY] [PAIR_ITERATIONS] [CAPACITY] < matrix\n"); return 2; }
    if (getenv("POOL")) { poolFile = fopen(getenv("POOL"), "a"); poolSeen = calloc(poolSize, sizeof *poolSeen); }
    hosts = atoi(argv[1]); double limit = atof(argv[2]); rng ^= (unsigned long long) atoi(argv[3]) * 2654435761ULL;
    if (argc > 4) pairEvery = atoi(argv[4]);
    if (argc > 5) pairIterations = atoi(argv[5]);
    if (argc > 6) capacity = atoi(argv[6]);
    if (argc > 9) groupSize = atoi(argv[9]);
    if (groupSize < 2 || groupSize > 8 || groupSize > hosts) { fprintf(stderr, "GROUP must be 2..8 and <= HOSTS\n"); return 2; }
    const char *startFile = argc > 7 && argv[7][0] != '-' ? argv[7] : NULL, *outFile = argc > 8 ? argv[8] : NULL;
    if (scanf("%d %d", &vms, &steps) != 2) return 2;
    demand = malloc((size_t) vms * steps * sizeof *demand);
    for (long i = 0; i < (long) vms * steps; i++) if (scanf("%d", &demand[i]) != 1) return 2;
    load = calloc((size_t) hosts * steps, sizeof *load); weight = malloc((size_t) hosts * steps * sizeof *weight);
    for (long i = 0; i < (long) hosts * steps; i++) weight[i] = 1;
    hostOf = malloc(vms * sizeof *hostOf); bestHostOf = malloc(vms * sizeof *bestHostOf); slot = malloc(vms * sizeof *slot); count = calloc(hosts, sizeof *count);
    members = malloc(hosts * sizeof *members);
    for (int h = 0; h < hosts; h++) members[h] = malloc(vms * sizeof **members);
    int *tabuHost = malloc(vms * sizeof *tabuHost); long long *tabuUntil = calloc(vms, sizeof *tabuUntil);
    /* construction: decreasing peak, least overflow increase, then least dot product with the host's load */
    int *order = malloc(vms * sizeof *order), *peak = malloc(vms * sizeof *peak);
    for (int v = 0; v < vms; v++) {
        order[v] = v; peak[v] = 0; tabuHost[v] = -1;
        for (int t = 0; t < steps; t++) if (demand[v * steps + t] > peak[v]) peak[v] = demand[v * steps + t];
    }
    for (int i = 1; i < vms; i++) { int v = order[i], j = i; while (j > 0 && peak[order[j - 1]] < peak[v]) { order[j] = order[j - 1]; j--; } order[j] = v; }
    int *start0 = malloc(vms * sizeof *start0);
    for (int v = 0; v < vms; v++) start0[v] = -1;
    if (startFile) {
        FILE *f = fopen(startFile, "r");
        if (!f) { fprintf(stderr, "cannot read %s\n", startFile); return 2; }
        for (int v = 0; v < vms; v++) if (fscanf(f, "%d", &start0[v]) != 1) { fprintf(stderr, "short placement file\n"); return 2; }
        fclose(f);
        int used = 0; for (int v = 0; v < vms; v++) if (start0[v] + 1 > used) used = start0[v] + 1;
        if (used > hosts) { /* a plan with more hosts: empty its lightest ones (least summed demand), renumber the rest */
            long long *mass = calloc(used, sizeof *mass); int *map = malloc(used * sizeof *map), *byMass = malloc(used * sizeof *byMass);
            for (int v = 0; v < vms; v++) if (start0[v] >= 0) for (int t = 0; t < steps; t++) mass[start0[v]] += demand[v * steps + t];
            for (int h = 0; h < used; h++) { int j = h; while (j > 0 && mass[byMass[j - 1]] < mass[h]) { byMass[j] = byMass[j - 1]; j--; } byMass[j] = h; }
            for (int i = 0; i < used; i++) map[byMass[i]] = i < hosts ? i : -1;
            for (int v = 0; v < vms; v++) if (start0[v] >= 0) start0[v] = map[start0[v]];
            free(mass); free(map); free(byMass);
        }
        for (int v = 0; v < vms; v++) if (start0[v] >= 0 && start0[v] < hosts) place(v, start0[v]);
    }
    for (int i = 0; i < vms; i++) {
        int v = order[i], best = -1; long long bestOver = 0, bestDot = 0;
        if (start0[v] >= 0 && start0[v] < hosts) continue;
        for (int h = 0; h < hosts; h++) {
            long long o = change(h, v, -1, 0), dot = 0;
            for (int t = 0; t < steps; t++) dot += (long long) load[h * steps + t] * demand[v * steps + t];
            if (best < 0 || o < bestOver || (o == bestOver && dot < bestDot)) { best = h; bestOver = o; bestDot = dot; }
        }
        place(v, best);
    }
    long long total = 0, lowest; for (int h = 0; h < hosts; h++) total += overflow(h);
    lowest = total;
    for (int v = 0; v < vms; v++) bestHostOf[v] = hostOf[v];
    double start = seconds(), nextReport = 10; long long it = 0;
    int *overflowing = malloc(hosts * sizeof *overflowing);
    while (total > 0 && (it & 63 || seconds() - start < limit)) {
        it++;
        int n = 0; for (int h = 0; h < hosts; h++) if (overflow(h) > 0) overflowing[n++] = h;
        int b = overflowing[next() % n];
        long long best = 1LL << 62; int bv = -1, bg = -1, bu = -1;
        for (int i = 0; i < count[b]; i++) {
            int v = members[b][i]; long long leave = change(b, -1, v, 1);
            int cheap[3] = {-1, -1, -1}; long long cheapCost[3] = {1LL << 62, 1LL << 62, 1LL << 62};
            for (int g = 0; g < hosts; g++) {
                if (g == b) continue;
                long long arrive = change(g, v, -1, 1);
                int worst = 0; for (int k = 1; k < 3; k++) if (cheapCost[k] > cheapCost[worst]) worst = k;
                if (arrive < cheapCost[worst]) { cheapCost[worst] = arrive; cheap[worst] = g; }
                if (!(tabuHost[v] == g && tabuUntil[v] > it) && leave + arrive < best) { best = leave + arrive; bv = v; bg = g; bu = -1; }
            }
            for (int k = 0; k < 3; k++) {
                int g = cheap[k]; if (g < 0 || (tabuHost[v] == g && tabuUntil[v] > it)) continue;
                for (int j = 0; j < count[g]; j++) {
                    int u = members[g][j]; if (tabuHost[u] == b && tabuUntil[u] > it) continue;
                    long long s = change(b, u, v, 1) + change(g, v, u, 1);
                    if (s < best) { best = s; bv = v; bg = g; bu = u; }
                }
            }
        }
        if (best < 0) {
            relocate(bv, bg); tabuHost[bv] = b; tabuUntil[bv] = it + 10;
            if (bu >= 0) { relocate(bu, b); tabuHost[bu] = bg; tabuUntil[bu] = it + 10; }
        } else {
            for (int t = 0; t < steps; t++) if (load[b * steps + t] > capacity) weight[b * steps + t]++;
            if (pairEvery > 0 && next() % pairEvery == 0) {
                /* the stuck host and the GROUP - 1 hosts with the least load (most room) at its overflowing steps */
                static long long *busy; if (!busy) busy = malloc(hosts * sizeof *busy);
                for (int g = 0; g < hosts; g++) {
                    long long s = 0; for (int t = 0; t < steps; t++) if (load[b * steps + t] > capacity) s += load[g * steps + t];
                    busy[g] = s;
                }
                int group[8] = {b};
                for (int k = 1; k < groupSize; k++) {
                    int pick = -1;
                    for (int g = 0; g < hosts; g++) {
                        int taken = 0; for (int j = 0; j < k; j++) taken |= group[j] == g;
                        if (!taken && (pick < 0 || busy[g] < busy[pick])) pick = g;
                    }
                    group[k] = pick;
                }
                resplit(group, groupSize);
            }
        }
        if (poolFile && !(it & 15)) dumpFeasibleHosts();
        total = 0; for (int h = 0; h < hosts; h++) total += overflow(h);
        if (total < lowest) { lowest = total; for (int v = 0; v < vms; v++) bestHostOf[v] = hostOf[v]; }
        if (!(it & 63) && seconds() - start >= nextReport) { /* residual over time, on stderr */
            fprintf(stderr, "progress seconds=%.0f iterations=%lld overflow=%lld lowest=%lld\n", seconds() - start, it, total, lowest);
            nextReport += 10;
        }
    }
    if (poolFile) { dumpFeasibleHosts(); fclose(poolFile); }
    if (outFile) {
        FILE *f = fopen(outFile, "w");
        for (int v = 0; v < vms; v++) fprintf(f, "%d\n", bestHostOf[v]);
        fclose(f);
    }
    /* independent check of the final placement */
    long long check = 0;
    for (int h = 0; h < hosts; h++) for (int t = 0; t < steps; t++) {
        long long sum = 0; for (int v = 0; v < vms; v++) if (hostOf[v] == h) sum += demand[v * steps + t];
        if (sum > capacity) check += sum - capacity;
    }
    printf("hosts=%d capacity=%d vms=%d steps=%d seconds=%.1f iterations=%lld overflow=%lld lowest=%lld %s\n",
           hosts, capacity, vms, steps, seconds() - start, it, check, lowest,
           check == 0 ? "FEASIBLE (verified)" : "not found");
    return check == 0 ? 0 : 1;
}
