package org.dcplanner.consolidation.savings.internal;

import java.util.LinkedHashMap;
import java.util.Map;
import org.dcplanner.consolidation.problem.ApiException;
import org.dcplanner.consolidation.problem.Ranges;
import org.dcplanner.consolidation.simulation.PowerCurve;

/**
 * Every assumption the savings report uses, with documented defaults (sources in {@link #defaults()}).
 * Applied in order: defaults, the plan's saved scenario, query parameters.
 *
 * @param electricityUsdPerKWh                price of facility energy
 * @param pue                                 power usage effectiveness: facility power = IT power x PUE
 * @param carbonKgPerKWh                      CO2 emitted per kWh of facility energy
 * @param rackUnitUsdPerYear                  cost of one rack unit of space per year (colocation-style)
 * @param maintenanceFallbackUsdPerServerYear maintenance per server and year for servers whose model (or uploaded
 *                                            inventory row) has no figure of its own
 * @param maintenanceOverrideUsdPerServerYear null = none; else maintenance per server and year for every catalog
 *                                            server, before and after, in place of the models' own figures
 *                                            ({@link MaintenanceRule})
 * @param floorAreaM2PerRack                  floor area per rack, including its share of aisles
 * @param rackUnitsPerRack                    usable rack units per rack
 * @param hostsBoughtPercent                  share of the plan's hosts bought new (100) or already owned (0)
 */
public record SavingsAssumptions(
        double electricityUsdPerKWh,
        double pue,
        double carbonKgPerKWh,
        double rackUnitUsdPerYear,
        double maintenanceFallbackUsdPerServerYear,
        Double maintenanceOverrideUsdPerServerYear,
        double floorAreaM2PerRack,
        double rackUnitsPerRack,
        double hostsBoughtPercent) {

    static final String OVERRIDE = "maintenanceOverrideUsdPerServerYear";
    public static final String[] NAMES = {
        "electricityUsdPerKWh",
        "pue",
        "carbonKgPerKWh",
        "rackUnitUsdPerYear",
        "maintenanceFallbackUsdPerServerYear",
        OVERRIDE,
        "floorAreaM2PerRack",
        "rackUnitsPerRack",
        "hostsBoughtPercent"
    };

    /** Documented range per assumption, in {@link #NAMES} order (docs/simulation.md lists them). */
    static final double[][] RANGES = {
        {0, 10}, {1, 5}, {0, 5}, {0, 1_000_000}, {0, 10_000_000}, {0, 10_000_000}, {0, 100}, {1, 100}, {0, 100}
    };

    public SavingsAssumptions {
        Double[] v = {
            electricityUsdPerKWh,
            pue,
            carbonKgPerKWh,
            rackUnitUsdPerYear,
            maintenanceFallbackUsdPerServerYear,
            maintenanceOverrideUsdPerServerYear,
            floorAreaM2PerRack,
            rackUnitsPerRack,
            hostsBoughtPercent
        };
        for (int i = 0; i < v.length; i++) {
            Ranges.check(NAMES[i], v[i], RANGES[i][0], RANGES[i][1]); // a null override (none) passes
        }
    }

    /** The documented defaults. */
    public static SavingsAssumptions defaults() {
        return new SavingsAssumptions(
                // US EIA, Electric Power Annual 2023: average revenue per kWh, commercial sector, ~12.7 US cents
                0.127,
                // Uptime Institute global average PUE 2023: 1.58 (docs/overheads-and-power.md §4 row P4)
                PowerCurve.DEFAULT_PUE,
                // US EIA FAQ "How much carbon dioxide is produced per kWh of U.S. electricity generation?":
                // 2023, 1.53 billion t CO2 / 4.18 trillion kWh = 0.81 lb = 0.366 kg per kWh
                0.366,
                // colocation $500-2000 per rack-month (low-authority range, docs/overheads-and-power.md §2.4): midpoint
                // $1250 x 12 / 42 U
                357,
                // [E] 17.5 % (midpoint of "15-20 % of hardware cost per year", docs/overheads-and-power.md §2.4) of a
                // $4,000 server
                700,
                // no override: every catalog model keeps its own maintenance figure
                null,
                // [E] ~2.5 m² per rack incl. its share of hot/cold aisles (common planning figure 25-30 sq ft per rack)
                2.5,
                // standard full-height rack
                42,
                // the consolidation hosts are bought new (set 0 when consolidating onto servers already owned)
                100);
    }

    /**
     * A copy with the given values replaced; unknown names and non-numbers are a 400 naming the field. A null (or,
     * for the override, blank) value leaves the default fallback as it is and clears the override.
     */
    public SavingsAssumptions with(Map<String, ?> values) {
        if (values == null || values.isEmpty()) return this;
        Map<String, Double> current = asMap();
        for (var e : values.entrySet()) {
            if (!current.containsKey(e.getKey())) {
                throw invalid(
                        e.getKey(),
                        "unknown savings assumption '" + e.getKey() + "'; known: " + String.join(", ", NAMES));
            }
            if (e.getValue() == null || e.getValue().toString().isBlank()) {
                if (OVERRIDE.equals(e.getKey())) current.put(OVERRIDE, null);
                continue;
            }
            try {
                current.put(e.getKey(), Double.parseDouble(e.getValue().toString()));
            } catch (NumberFormatException ex) {
                throw invalid(e.getKey(), e.getKey() + " must be a number, was '" + e.getValue() + "'");
            }
        }
        return new SavingsAssumptions(
                current.get(NAMES[0]),
                current.get(NAMES[1]),
                current.get(NAMES[2]),
                current.get(NAMES[3]),
                current.get(NAMES[4]),
                current.get(NAMES[5]),
                current.get(NAMES[6]),
                current.get(NAMES[7]),
                current.get(NAMES[8]));
    }

    /** By name; the override is null when not set. */
    public Map<String, Double> asMap() {
        Map<String, Double> m = new LinkedHashMap<>();
        Double[] v = {
            electricityUsdPerKWh,
            pue,
            carbonKgPerKWh,
            rackUnitUsdPerYear,
            maintenanceFallbackUsdPerServerYear,
            maintenanceOverrideUsdPerServerYear,
            floorAreaM2PerRack,
            rackUnitsPerRack,
            hostsBoughtPercent
        };
        for (int i = 0; i < NAMES.length; i++) m.put(NAMES[i], v[i]);
        return m;
    }

    private static ApiException invalid(String field, String detail) {
        return ApiException.badRequest(detail).at(null, null, field);
    }
}
