package org.dcplanner.consolidation.ingestion.sample;

/**
 * Stateless, seeded pseudo-randomness: the same (seed, key) always gives the same value, whatever
 * the order of calls or the thread. Lets shapes draw "the value for day d" without keeping state.
 * The mixing function is SplitMix64's finalizer (Steele, Lea, Flood: "Fast splittable pseudorandom
 * number generators", OOPSLA 2014).
 */
final class SeedMixer {
    private SeedMixer() {}

    static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
        z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
        return z ^ (z >>> 31);
    }

    /** A well-spread 64-bit value for the pair (seed, key). */
    static long derive(long seed, long key) {
        return mix(seed ^ mix(key + 0x9e3779b97f4a7c15L));
    }

    /** A uniform double in [0, 1) for the pair (seed, key). */
    static double unit(long seed, long key) {
        return (derive(seed, key) >>> 11) * 0x1.0p-53;
    }
}
