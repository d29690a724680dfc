package org.dcplanner.consolidation.ingestion.format;

import java.io.IOException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.dcplanner.consolidation.ingestion.internal.IngestProblems;
import org.dcplanner.consolidation.ingestion.source.TextLines;
import org.dcplanner.consolidation.ingestion.source.TraceSource;

/**
 * PlanetLab/CoMon CPU traces as shipped with CloudSim: one file per VM (the file name is the VM name,
 * spaces allowed), no header, one CPU % (0-100) per line, line k at (k-1) x 300 s. The files carry no
 * dates: line 1 is at the request's {@code start} if given, else at 00:00 UTC of an 8-digit
 * {@code yyyyMMdd} folder or upload name (e.g. 20110303), else at 1970-01-01T00:00:00Z. Blank lines are
 * allowed only at the end of a file.
 */
public final class PlanetLabParser implements TraceParser {
    public static final int STEP_SECONDS = 300;
    private static final Pattern DAY = Pattern.compile("(?<!\\d)(\\d{8})(?!\\d)");
    private final Long startEpochSeconds;
    private final long uploadDayEpochSeconds;

    /** @param uploadName the upload's name, used for the day when the file's own path has none */
    public PlanetLabParser(String uploadName) {
        this(uploadName, null);
    }

    /** @param start the time of line 1 of every file (null: the day in the path or upload name) */
    public PlanetLabParser(String uploadName, Instant start) {
        this.startEpochSeconds = start == null ? null : start.getEpochSecond();
        this.uploadDayEpochSeconds = dayOf(uploadName, 0);
    }

    @Override
    public void parse(String path, TextLines lines, ParsedTraces out) throws IOException {
        VmTrace vm = out.newVm(TraceSource.baseName(path), path, true);
        long start = startEpochSeconds != null ? startEpochSeconds : dayOf(path, uploadDayEpochSeconds);
        long step = 0;
        long blankLine = 0;
        String line;
        while ((line = lines.readLine()) != null) {
            if (line.isBlank()) {
                if (blankLine == 0) blankLine = lines.lineNumber();
                continue;
            }
            if (blankLine != 0) {
                throw IngestProblems.invalid(
                        "blank-line",
                        "Line " + blankLine + " is blank; PlanetLab files have one value per line",
                        path,
                        blankLine,
                        "cpuPercent");
            }
            long n = lines.lineNumber();
            long t = start + step * STEP_SECONDS;
            String text = line;
            out.row(() -> vm.add(
                    t,
                    (float) Fields.percent(text, path, n, "cpuPercent"),
                    Float.NaN,
                    Float.NaN,
                    Float.NaN,
                    out.warnings(),
                    n));
            step++;
        }
        if (step == 0) {
            throw IngestProblems.invalid("empty-file", "The file has no values", path, 0, null);
        }
        vm.finish();
        out.countSamples(step);
    }

    /** Midnight UTC of the last yyyyMMdd date in the path, as epoch seconds, or the fallback. */
    static long dayOf(String path, long fallback) {
        if (path == null) return fallback;
        Matcher m = DAY.matcher(path);
        long day = fallback;
        while (m.find()) {
            try {
                day = LocalDate.parse(m.group(1), DateTimeFormatter.BASIC_ISO_DATE)
                        .atStartOfDay(ZoneOffset.UTC)
                        .toEpochSecond();
            } catch (DateTimeParseException e) {
                // eight digits that are no date, e.g. part of a host name: not a day
            }
        }
        return day;
    }
}
