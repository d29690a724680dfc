package org.dcplanner.consolidation.savings.internal;

/**
 * One estate (before or after) in yearly figures. Energy per year extrapolates the replayed average
 * power over 8760 h; facility energy = IT energy x PUE; costs and CO2 are on facility energy.
 */
public record EstateFigures(
        int serverCount,
        double itAverageKw,
        double itPeakKw,
        double itEnergyKWhPerYear,
        double facilityEnergyKWhPerYear,
        int rackUnits,
        int racks,
        double floorSpaceM2,
        double maintenanceUsdPerYear,
        double electricityUsdPerYear,
        double spaceUsdPerYear,
        double co2TonnesPerYear,
        double totalUsdPerYear) {
    static final double HOURS_PER_YEAR = 8760;

    static EstateFigures of(
            int servers,
            double averageItWatts,
            double peakItWatts,
            int rackUnits,
            double maintenanceUsdPerYear,
            SavingsAssumptions a) {
        double itKWh = averageItWatts / 1000 * HOURS_PER_YEAR;
        double facilityKWh = itKWh * a.pue();
        int racks = (int) Math.ceil(rackUnits / a.rackUnitsPerRack());
        double electricity = facilityKWh * a.electricityUsdPerKWh();
        double space = rackUnits * a.rackUnitUsdPerYear();
        return new EstateFigures(
                servers,
                averageItWatts / 1000,
                peakItWatts / 1000,
                itKWh,
                facilityKWh,
                rackUnits,
                racks,
                racks * a.floorAreaM2PerRack(),
                maintenanceUsdPerYear,
                electricity,
                space,
                facilityKWh * a.carbonKgPerKWh() / 1000,
                maintenanceUsdPerYear + electricity + space);
    }

    /** before − after, field by field (positive = saved). */
    EstateFigures minus(EstateFigures after) {
        return new EstateFigures(
                serverCount - after.serverCount,
                itAverageKw - after.itAverageKw,
                itPeakKw - after.itPeakKw,
                itEnergyKWhPerYear - after.itEnergyKWhPerYear,
                facilityEnergyKWhPerYear - after.facilityEnergyKWhPerYear,
                rackUnits - after.rackUnits,
                racks - after.racks,
                floorSpaceM2 - after.floorSpaceM2,
                maintenanceUsdPerYear - after.maintenanceUsdPerYear,
                electricityUsdPerYear - after.electricityUsdPerYear,
                spaceUsdPerYear - after.spaceUsdPerYear,
                co2TonnesPerYear - after.co2TonnesPerYear,
                totalUsdPerYear - after.totalUsdPerYear);
    }
}
