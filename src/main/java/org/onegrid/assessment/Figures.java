package org.onegrid.assessment;

import java.util.EnumMap;
import java.util.Map;

/**
 * The counts of one unit, grid, category or the district over a period, and the indicators (考核
 * 指标) computed from them; {@code docs/indicators.md} gives each formula in words. A rate with
 * nothing to divide by is {@code null} (not zero: nothing was due).
 */
public record Figures(Map<Measure, Long> counts) {

    public static Figures empty() {
        return new Figures(new EnumMap<>(Measure.class));
    }

    public long count(Measure measure) {
        return counts.getOrDefault(measure, 0L);
    }

    void add(Measure measure, long amount) {
        counts.merge(measure, amount, Long::sum);
    }

    public long received() {
        return count(Measure.RECEIVED);
    }

    public long dispatched() {
        return count(Measure.DISPATCHED);
    }

    public long resolved() {
        return count(Measure.RESOLVED);
    }

    /** 按时签收率: sign-fors by the deadline / sign-for deadlines in the period. */
    public Double signForOnTimeRate() {
        return rate(count(Measure.SIGN_ON_TIME), count(Measure.SIGN_DUE));
    }

    /** 按时办结率: resolved by the deadline / handling deadlines in the period. */
    public Double onTimeResolutionRate() {
        return rate(count(Measure.HANDLING_ON_TIME), count(Measure.HANDLING_DUE));
    }

    /** 办结率: handling steps started in the period that are resolved / handling steps started. */
    public Double resolutionRate() {
        return rate(count(Measure.STARTED_RESOLVED), count(Measure.STARTED));
    }

    /** 超期件数: deadlines (sign-for and handling) in the period that were missed. */
    public long overdue() {
        return count(Measure.SIGN_DUE) - count(Measure.SIGN_ON_TIME)
                + count(Measure.HANDLING_DUE) - count(Measure.HANDLING_ON_TIME);
    }

    /** 超期率: missed deadlines / deadlines in the period. */
    public Double overdueRate() {
        return rate(overdue(), count(Measure.SIGN_DUE) + count(Measure.HANDLING_DUE));
    }

    /** 退单率: returns / cases dispatched to the unit. */
    public Double returnRate() {
        return rate(count(Measure.RETURNED), count(Measure.DISPATCHED));
    }

    /** 返工率: reopenings (failed verification, dissatisfied rating) / resolutions. */
    public Double reworkRate() {
        return rate(count(Measure.REWORKED), count(Measure.RESOLVED));
    }

    /** 延期率: extensions granted / handling steps started. */
    public Double extensionRate() {
        return rate(count(Measure.EXTENDED), count(Measure.STARTED));
    }

    /** 满意率: ratings of 4-5 stars / ratings. */
    public Double satisfactionRate() {
        return rate(count(Measure.SATISFIED), count(Measure.RATINGS));
    }

    /** 基本满意及以上: ratings of 3-5 stars / ratings. */
    public Double basicSatisfactionRate() {
        return rate(count(Measure.SATISFIED) + count(Measure.BASICALLY_SATISFIED), count(Measure.RATINGS));
    }

    /** 平均办理时长: working hours from the start of the handling step to resolution, on average. */
    public Double averageHandlingHours() {
        long resolved = count(Measure.RESOLVED);
        return resolved == 0 ? null : count(Measure.HANDLING_SECONDS) / 3600.0 / resolved;
    }

    /**
     * 综合得分 (0-100): the weighted mean of the indicators that have a value, return and rework
     * counted as 1 - rate; {@code null} when none has.
     */
    public Double score(Map<Indicator, Double> weights) {
        double sum = 0;
        double weightSum = 0;
        for (Map.Entry<Indicator, Double> w : weights.entrySet()) {
            Double value = w.getKey().valueOf(this);
            if (value != null && w.getValue() > 0) {
                sum += w.getValue() * value;
                weightSum += w.getValue();
            }
        }
        return weightSum == 0 ? null : Math.round(10000 * sum / weightSum) / 100.0;
    }

    private static Double rate(long part, long whole) {
        return whole == 0 ? null : (double) part / whole;
    }
}
