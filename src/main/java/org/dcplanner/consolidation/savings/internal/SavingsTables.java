package org.dcplanner.consolidation.savings.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.ToDoubleFunction;
import org.dcplanner.consolidation.export.Table;

/** A savings report as tables for CSV / XLSX: the figures before, after and saved; the assumptions; the investment. */
final class SavingsTables {
    private record Figure(String label, String unit, String key, ToDoubleFunction<EstateFigures> value) {}

    private static final List<Figure> FIGURES = List.of(
            new Figure("Servers", "servers", "serverCount", EstateFigures::serverCount),
            new Figure("IT power, average", "kW", "itAverageKw", EstateFigures::itAverageKw),
            new Figure("IT power, peak", "kW", "itPeakKw", EstateFigures::itPeakKw),
            new Figure("IT energy per year", "kWh", "itEnergyKWhPerYear", EstateFigures::itEnergyKWhPerYear),
            new Figure(
                    "Facility energy per year",
                    "kWh",
                    "facilityEnergyKWhPerYear",
                    EstateFigures::facilityEnergyKWhPerYear),
            new Figure("Rack units", "U", "rackUnits", EstateFigures::rackUnits),
            new Figure("Racks", "racks", "racks", EstateFigures::racks),
            new Figure("Floor space", "m2", "floorSpaceM2", EstateFigures::floorSpaceM2),
            new Figure("Maintenance per year", "USD", "maintenanceUsdPerYear", EstateFigures::maintenanceUsdPerYear),
            new Figure("Electricity per year", "USD", "electricityUsdPerYear", EstateFigures::electricityUsdPerYear),
            new Figure("Space per year", "USD", "spaceUsdPerYear", EstateFigures::spaceUsdPerYear),
            new Figure("CO2 per year", "t", "co2TonnesPerYear", EstateFigures::co2TonnesPerYear),
            new Figure("Total cost per year", "USD", "totalUsdPerYear", EstateFigures::totalUsdPerYear));

    private SavingsTables() {}

    /** before, after, saved (before − after) and saved % where the report states one. */
    static Table figures(SavingsReport r) {
        List<List<Object>> rows = new ArrayList<>();
        for (Figure f : FIGURES) {
            rows.add(Arrays.asList(
                    f.label(),
                    f.unit(),
                    f.value().applyAsDouble(r.before()),
                    f.value().applyAsDouble(r.after()),
                    f.value().applyAsDouble(r.savings()),
                    r.savingsPercent() == null ? null : r.savingsPercent().get(f.key())));
        }
        return new Table("Savings", List.of("figure", "unit", "before", "after", "saved", "savedPercent"), rows);
    }

    static Table assumptions(SavingsReport r) {
        List<List<Object>> rows = new ArrayList<>();
        Map<String, String> sources = r.assumptionSources() == null ? Map.of() : r.assumptionSources();
        r.assumptions().asMap().forEach((name, value) -> rows.add(Arrays.asList(name, value, sources.get(name))));
        return new Table("Assumptions", List.of("assumption", "value", "source"), rows);
    }

    static Table investment(SavingsReport r) {
        List<List<Object>> rows = new ArrayList<>();
        Investment i = r.investment();
        if (i != null) {
            rows.add(Arrays.asList("Hosts bought", i.hostsBought()));
            rows.add(Arrays.asList("Purchase, USD", i.purchaseUsd()));
            rows.add(Arrays.asList("Savings per year, USD", i.annualSavingsUsd()));
            rows.add(Arrays.asList("Payback, months", i.paybackMonths()));
            for (int y = 0; y < i.netUsdByYear().length; y++)
                rows.add(Arrays.asList("Net after " + y + " years, USD", i.netUsdByYear()[y]));
        }
        return new Table("Investment", List.of("item", "value"), rows);
    }

    static List<Table> all(SavingsReport r) {
        return List.of(figures(r), assumptions(r), investment(r));
    }
}
