package org.onegrid.assessment;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * One row of figures as people read it: the counts and every indicator, flat; what the API
 * returns and what the monthly report's spreadsheet lists, column by column ({@link #COLUMNS}).
 */
public record Scorecard(String key, String name, long received, long dispatched, long signedFor,
                        Double signForOnTimeRate, long resolved, Double onTimeResolutionRate, Double resolutionRate,
                        long overdue, Double overdueRate, long returned, Double returnRate, long reworked,
                        Double reworkRate, long extended, Double extensionRate, long ratings, Double satisfactionRate,
                        Double basicSatisfactionRate, Double averageHandlingHours, Double score,
                        Map<String, Long> counts) {

    public static Scorecard of(AssessmentService.Row row) {
        Figures f = row.figures();
        Map<String, Long> counts = new LinkedHashMap<>();
        for (Measure m : Measure.values()) {
            counts.put(m.column(), f.count(m));
        }
        return new Scorecard(row.key(), row.name(), f.received(), f.dispatched(), f.count(Measure.SIGNED_FOR),
                f.signForOnTimeRate(), f.resolved(), f.onTimeResolutionRate(), f.resolutionRate(), f.overdue(),
                f.overdueRate(), f.count(Measure.RETURNED), f.returnRate(), f.count(Measure.REWORKED), f.reworkRate(),
                f.count(Measure.EXTENDED), f.extensionRate(), f.count(Measure.RATINGS), f.satisfactionRate(),
                f.basicSatisfactionRate(), f.averageHandlingHours(), row.score(), counts);
    }

    /** A column of the report and the ranking page: its message key (header text in the bundles), whether it is a rate, its value. */
    public record Column(String key, boolean rate, Function<Scorecard, Object> value) {
    }

    public static final List<Column> COLUMNS = List.of(
            new Column("indicator.name", false, Scorecard::name),
            new Column("indicator.received", false, Scorecard::received),
            new Column("indicator.dispatched", false, Scorecard::dispatched),
            new Column("indicator.signedFor", false, Scorecard::signedFor),
            new Column("indicator.signForOnTimeRate", true, Scorecard::signForOnTimeRate),
            new Column("indicator.resolved", false, Scorecard::resolved),
            new Column("indicator.onTimeResolutionRate", true, Scorecard::onTimeResolutionRate),
            new Column("indicator.resolutionRate", true, Scorecard::resolutionRate),
            new Column("indicator.overdue", false, Scorecard::overdue),
            new Column("indicator.overdueRate", true, Scorecard::overdueRate),
            new Column("indicator.returned", false, Scorecard::returned),
            new Column("indicator.returnRate", true, Scorecard::returnRate),
            new Column("indicator.reworked", false, Scorecard::reworked),
            new Column("indicator.reworkRate", true, Scorecard::reworkRate),
            new Column("indicator.extended", false, Scorecard::extended),
            new Column("indicator.extensionRate", true, Scorecard::extensionRate),
            new Column("indicator.ratings", false, Scorecard::ratings),
            new Column("indicator.satisfactionRate", true, Scorecard::satisfactionRate),
            new Column("indicator.basicSatisfactionRate", true, Scorecard::basicSatisfactionRate),
            new Column("indicator.averageHandlingHours", false,
                    s -> s.averageHandlingHours() == null ? null : Math.round(s.averageHandlingHours() * 10) / 10.0),
            new Column("indicator.score", false, Scorecard::score));
}
