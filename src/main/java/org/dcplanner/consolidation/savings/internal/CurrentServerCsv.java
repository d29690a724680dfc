package org.dcplanner.consolidation.savings.internal;

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
                                        + "name,count,averageWatts,peakWatts,rackUnits[,yearlyMaintenanceUsd]")
                                .at(file, 1L, h);
                    }
                }
                headerChecked = true;
            }
            if (out.size() >= MAX_LINES)
                throw ApiException.badRequest("more than " + MAX_LINES + " lines")
                        .at(file, line, null);
            String name = r.getField("name").trim();
            if (name.isEmpty()) throw ApiException.badRequest("name is empty").at(file, line, "name");
            int count = (int) whole(number(r, "count", file, line, 1, true), "count", file, line, 1, 1_000_000);
            double avg = atMost(
                    number(r, "averageWatts", file, line, Double.NaN, false), "averageWatts", file, line, 100_000);
            double peak =
                    atMost(number(r, "peakWatts", file, line, Double.NaN, false), "peakWatts", file, line, 100_000);
            int ru = (int) whole(number(r, "rackUnits", file, line, Double.NaN, false), "rackUnits", file, line, 1, 48);
            double maint = atMost(
                    number(r, "yearlyMaintenanceUsd", file, line, Double.NaN, true),
                    "yearlyMaintenanceUsd",
                    file,
                    line,
                    10_000_000);
            if (peak < avg)
                throw ApiException.badRequest("peakWatts must be >= averageWatts")
                        .at(file, line, "peakWatts");
            out.add(new CurrentServer(name, count, avg, peak, ru, Double.isNaN(maint) ? null : maint));
        }
        if (out.isEmpty())
            throw ApiException.badRequest("no servers in the file").at(file, null, null);
        return out;
    }

    /** Ranges: count 1..1,000,000 and rackUnits 1..48 whole numbers; watts up to 100,000; maintenance up to 10^7 USD. */
    private static double whole(double v, String field, String file, long line, long min, long max) {
        if (v != Math.rint(v) || v < min || v > max) {
            throw ApiException.badRequest(
                            field + " must be a whole number between " + min + " and " + max + ", was " + v)
                    .at(file, line, field);
        }
        return v;
    }

    private static double atMost(double v, String field, String file, long line, double max) {
        if (v > max)
            throw ApiException.badRequest(field + " must be at most " + (long) max + ", was " + v)
                    .at(file, line, field);
        return v;
    }

    private static double number(
            NamedCsvRecord r, String field, String file, long line, double blank, boolean optional) {
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
            throw ApiException.badRequest(field + " must be a number >= 0, was '" + v + "'")
                    .at(file, line, field);
        }
    }
}
