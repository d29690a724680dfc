package org.dcplanner.consolidation.planning.internal;

import java.util.Locale;
import org.dcplanner.consolidation.planning.PlanRequest.Sizing;

/**
 * Exactly what a plan's sizing applied, with the defaults and the workload's step resolved (GET plan
 * {@code sizingApplied}; the plan page's header shows {@code summary}).
 *
 * @param mode                PERCENTILE or OVERLOAD_RISK
 * @param percentile          the percentile taken (null in risk mode)
 * @param windowSteps         the centered window the percentile (or, in risk mode, the scenario statistics) used, in
 *                            steps; null when a percentile plan folds days (the percentile is then taken per time of
 *                            day across the days)
 * @param windowMinutes       the same window in minutes
 * @param foldDays            whether the plan is one typical day folded from several
 * @param percentileHasEffect false when the window is one step and nothing is folded: then every percentile gives
 *                            the raw series
 */
record SizingApplied(
        String mode,
        Double percentile,
        Integer windowSteps,
        Double windowMinutes,
        boolean foldDays,
        double headroomPercent,
        boolean overheadInTrace,
        Double overloadRiskPercent,
        boolean percentileHasEffect,
        String summary) {

    static SizingApplied of(Sizing s, int stepSeconds, boolean folded) {
        boolean inTrace = Boolean.TRUE.equals(s.overheadInTrace());
        double headroom = s.headroomPercent() == null ? 0 : s.headroomPercent();
        String tail = (headroom > 0 ? String.format(Locale.ROOT, " + %s %% headroom", number(headroom)) : "")
                + (inTrace ? ", overhead already in the trace (none added)" : ", approach overhead added");
        if (s.riskTargeted()) {
            int w = OverloadRiskModel.hourSteps(stepSeconds);
            String summary = String.format(
                            Locale.ROOT,
                            "overload risk target %s %% of host-steps: each host packed to "
                                    + "mean + z·sd of its summed load <= capacity, scenarios from the %s",
                            number(s.overloadRiskPercent()),
                            folded
                                    ? "hour around each time of day on every day (folded)"
                                    : "hour around each step (" + w + " steps)")
                    + tail;
            return new SizingApplied(
                    "OVERLOAD_RISK",
                    null,
                    w,
                    minutes(w, stepSeconds),
                    folded,
                    headroom,
                    inTrace,
                    s.overloadRiskPercent(),
                    false,
                    summary);
        }
        double p = s.percentile();
        if (Boolean.TRUE.equals(s.foldDays())) {
            String summary =
                    "p" + number(p) + " of each time-of-day slot across all days (folded into a typical day)" + tail;
            return new SizingApplied("PERCENTILE", p, null, null, true, headroom, inTrace, null, true, summary);
        }
        int w = s.windowSteps() != null ? s.windowSteps() : OverloadRiskModel.hourSteps(stepSeconds);
        boolean effective = w > 1;
        String summary = effective
                ? String.format(
                        Locale.ROOT,
                        "p%s over a centered window of %d steps (%s min) around each step",
                        number(p),
                        w,
                        number(minutes(w, stepSeconds)))
                : "window 1 step: the raw series (the percentile p" + number(p) + " has no effect)";
        return new SizingApplied(
                "PERCENTILE", p, w, minutes(w, stepSeconds), false, headroom, inTrace, null, effective, summary + tail);
    }

    private static double minutes(int steps, int stepSeconds) {
        return steps * (double) stepSeconds / 60;
    }

    private static String number(double v) {
        return v == Math.rint(v) ? String.valueOf((long) v) : String.valueOf(v);
    }
}
