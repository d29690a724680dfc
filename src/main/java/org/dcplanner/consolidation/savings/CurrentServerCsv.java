package org.dcplanner.consolidation.savings;

import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.NamedCsvRecord;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.dcplanner.consolidation.problem.ApiException;

/**
 * Parses the current-server inventory CSV. Header (case-sensitive, any column order):
 * {@code name,count,averageWatts,peakWatts,rackUnits,yearlyMaintenanceUsd}; {@code count} blank = 1,
 * {@code yearlyMaintenanceUsd} optional (blank = the maintenance assumption). Errors name file, line and field.
 */
final class CurrentServerCsv {
    static final Set<String> REQUIRED = Set.of("name", "averageWatts", "peakWatts", "rackUnits");
    private static final int MAX_LINES = 100_000;

    private CurrentServerCsv() {}

    static List<CurrentServer> parse(String file, String text) {
        List<CurrentServer> out = new ArrayList<>();
        boolean headerChecked = false;
        for (NamedCsvRecord r : CsvReader.builder().ofNamedCsvRecord(text)) {
            long line = r.getStartingLineNumber();
            if (!headerChecked) {
                for (String h : REQUIRED) {
                    if (!r.getHeader().contains(h)) {
                        throw ApiException.badRequest("missing column '" + h + "'; header must contain "
                                + "name,count,averageWatts,peakWatts,rackUnits[,yearlyMaintenanceUsd]").at(file, 1L, h);
                    }
                }
                headerChecked = true;
            }
            if (out.size() >= MAX_LINES) throw ApiException.badRequest("more than " + MAX_LINES + " lines").at(file, line, null);
            String name = r.getField("name").trim();
            if (name.isEmpty()) throw ApiException.badRequest("name is empty").at(file, line, "name");
            int count = (int) number(r, "count", file, line, 1, true);
            double avg = number(r, "averageWatts", file, line, Double.NaN, false);
            double peak = number(r, "peakWatts", file, line, Double.NaN, false);
            int ru = (int) number(r, "rackUnits", file, line, Double.NaN, false);
            double maint = number(r, "yearlyMaintenanceUsd", file, line, Double.NaN, true);
            if (count < 1) throw ApiException.badRequest("count must be >= 1").at(file, line, "count");
            if (ru < 1) throw ApiException.badRequest("rackUnits must be >= 1").at(file, line, "rackUnits");
            if (peak < avg) throw ApiException.badRequest("peakWatts must be >= averageWatts").at(file, line, "peakWatts");
            out.add(new CurrentServer(name, count, avg, peak, ru, Double.isNaN(maint) ? null : maint));
        }
        if (out.isEmpty()) throw ApiException.badRequest("no servers in the file").at(file, null, null);
        return out;
    }

    private static double number(NamedCsvRecord r, String field, String file, long line, double blank, boolean optional) {
        String v = r.findField(field).map(String::trim).orElse("");
        if (v.isEmpty()) {
            if (optional) return blank;
            throw ApiException.badRequest(field + " is required").at(file, line, field);
        }
        try {
            double d = Double.parseDouble(v);
            if (!(d >= 0) || Double.isInfinite(d)) throw new NumberFormatException();
            return d;
        } catch (NumberFormatException e) {
            throw ApiException.badRequest(field + " must be a number >= 0, was '" + v + "'").at(file, line, field);
        }
    }
}
