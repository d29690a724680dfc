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
 *   gcc -O3 -march=native -o /tmp/fcs scripts/research/fixed_count_search.c
 *   python3 scripts/research/planetlab_matrix.py 20110303 | /tmp/fcs HOSTS SECONDS SEED [PAIR_EVERY] [PAIR_ITERATIONS] [CAPACITY]
 * PAIR_EVERY (default 20; 0 = off) and PAIR_ITERATIONS (default 10,000) tune the pair re-split;
 * CAPACITY defaults to 5320 (HP ML110 G5, 2 x 2660 MHz).
 */
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

static int vms, steps, hosts, capacity = 5320, pairEvery = 20, pairIterations = 10000;
static int *demand, *load, *weight, *hostOf, *count, **members, *slot;
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

static void resplitPair(int b, int g) {
    static int *pool, *original;
    if (!pool) { pool = malloc(vms * sizeof *pool); original = malloc(vms * sizeof *original); }
    int n = 0;
    for (int i = 0; i < count[b]; i++) pool[n++] = members[b][i];
    for (int i = 0; i < count[g]; i++) pool[n++] = members[g][i];
    for (int i = 0; i < n; i++) original[i] = hostOf[pool[i]];
    long long before = overflow(b) + overflow(g), current = before;
    for (int it = 0; it < pairIterations && current > 0; it++) {
        int v = pool[next() % n], from = hostOf[v], to = from == b ? g : b;
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
    hosts = atoi(argv[1]); double limit = atof(argv[2]); rng ^= (unsigned long long) atoi(argv[3]) * 2654435761ULL;
    if (argc > 4) pairEvery = atoi(argv[4]);
    if (argc > 5) pairIterations = atoi(argv[5]);
    if (argc > 6) capacity = atoi(argv[6]);
    if (scanf("%d %d", &vms, &steps) != 2) return 2;
    demand = malloc((size_t) vms * steps * sizeof *demand);
    for (long i = 0; i < (long) vms * steps; i++) if (scanf("%d", &demand[i]) != 1) return 2;
    load = calloc((size_t) hosts * steps, sizeof *load); weight = malloc((size_t) hosts * steps * sizeof *weight);
    for (long i = 0; i < (long) hosts * steps; i++) weight[i] = 1;
    hostOf = malloc(vms * sizeof *hostOf); slot = malloc(vms * sizeof *slot); count = calloc(hosts, sizeof *count);
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
    for (int i = 0; i < vms; i++) {
        int v = order[i], best = -1; long long bestOver = 0, bestDot = 0;
        for (int h = 0; h < hosts; h++) {
            long long o = change(h, v, -1, 0), dot = 0;
            for (int t = 0; t < steps; t++) dot += (long long) load[h * steps + t] * demand[v * steps + t];
            if (best < 0 || o < bestOver || (o == bestOver && dot < bestDot)) { best = h; bestOver = o; bestDot = dot; }
        }
        place(v, best);
    }
    long long total = 0, lowest; for (int h = 0; h < hosts; h++) total += overflow(h);
    lowest = total;
    double start = seconds(); long long it = 0;
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
                int partner = -1; long long room = 1LL << 62;
                for (int g = 0; g < hosts; g++) {
                    if (g == b) continue;
                    long long s = 0; for (int t = 0; t < steps; t++) if (load[b * steps + t] > capacity) s += load[g * steps + t];
                    if (s < room) { room = s; partner = g; }
                }
                resplitPair(b, partner);
            }
        }
        total = 0; for (int h = 0; h < hosts; h++) total += overflow(h);
        if (total < lowest) lowest = total;
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
