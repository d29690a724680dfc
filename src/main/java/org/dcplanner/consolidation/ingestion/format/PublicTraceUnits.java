package org.dcplanner.consolidation.ingestion.format;

/**
 * Sizes the public cluster traces leave out, stated once: they give cores but no clock rate, and Alibaba
 * and Google give memory only normalized to their largest machine. These are assumptions of this
 * project (documented in docs/ingestion.md), not facts from the traces; an inventory overrides them.
 */
public final class PublicTraceUnits {
    /** MHz of one core, as the default VM profile (2 cores x 2,000 MHz). */
    public static final double CORE_MHZ = 2000;
    /** Alibaba v2018 machines have 96 cores (machine_meta cpu_num); their memory (normalized to 100) is taken as 512 GiB. */
    public static final double ALIBABA_MACHINE_MEMORY_MIB = 512 * 1024;
    /** Google 2019 normalizes CPU to the largest machine of a cell (1.0 = one such machine), taken as 96 cores x 2,000 MHz. */
    public static final double GOOGLE_MACHINE_MHZ = 96 * CORE_MHZ;
    /** Google 2019 normalizes memory to the largest machine of a cell, taken as 512 GiB. */
    public static final double GOOGLE_MACHINE_MEMORY_MIB = 512 * 1024;

    private PublicTraceUnits() {}
}
