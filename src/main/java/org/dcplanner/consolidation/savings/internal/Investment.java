package org.dcplanner.consolidation.savings.internal;

import java.util.List;
import org.dcplanner.consolidation.inventory.HostModel;

/**
 * The business case of the plan's hosts: what buying them costs, when the yearly savings pay it back, and the
 * net cash position at the end of each year (year 0 = the purchase). Running savings are taken as constant per year.
 *
 * @param hostsBought      plan hosts counted as bought new (the rest are servers already owned)
 * @param purchaseUsd      their catalog purchase price, summed
 * @param annualSavingsUsd running cost before − after per year (the report's savings.totalUsdPerYear)
 * @param paybackMonths    purchase ÷ monthly savings; 0 when nothing is bought, null when nothing is saved
 * @param netUsdByYear     index k: k years of savings − purchase, for k = 0..{@link #YEARS}
 */
public record Investment(
        int hostsBought, double purchaseUsd, double annualSavingsUsd, Double paybackMonths, double[] netUsdByYear) {
    /** Horizon of the net-cash series: a usual server refresh cycle (3-5 years), at its long end. */
    static final int YEARS = 5;

    static Investment of(List<HostModel> planHosts, double hostsBoughtPercent, double annualSavingsUsd) {
        double share = hostsBoughtPercent / 100;
        double purchase =
                share * planHosts.stream().mapToDouble(HostModel::purchaseCost).sum();
        Double payback =
                purchase == 0 ? Double.valueOf(0) : annualSavingsUsd > 0 ? 12 * purchase / annualSavingsUsd : null;
        double[] net = new double[YEARS + 1];
        for (int k = 0; k <= YEARS; k++) {
            net[k] = k * annualSavingsUsd - purchase;
        }
        return new Investment((int) Math.round(share * planHosts.size()), purchase, annualSavingsUsd, payback, net);
    }
}
