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

    /** A column of the report: its Chinese and English headers, whether it is a rate, and its value. */
    public record Column(String zh, String en, boolean rate, Function<Scorecard, Object> value) {
    }

    public static final List<Column> COLUMNS = List.of(
            new Column("名称", "Name", false, Scorecard::name),
            new Column("受理量", "Received", false, Scorecard::received),
            new Column("派单量", "Dispatched", false, Scorecard::dispatched),
            new Column("签收量", "Signed for", false, Scorecard::signedFor),
            new Column("按时签收率", "Sign-for on time", true, Scorecard::signForOnTimeRate),
            new Column("办结量", "Resolved", false, Scorecard::resolved),
            new Column("按时办结率", "On-time resolution", true, Scorecard::onTimeResolutionRate),
            new Column("办结率", "Resolution rate", true, Scorecard::resolutionRate),
            new Column("超期件数", "Overdue", false, Scorecard::overdue),
            new Column("超期率", "Overdue rate", true, Scorecard::overdueRate),
            new Column("退单量", "Returned", false, Scorecard::returned),
            new Column("退单率", "Return rate", true, Scorecard::returnRate),
            new Column("返工量", "Reworked", false, Scorecard::reworked),
            new Column("返工率", "Rework rate", true, Scorecard::reworkRate),
            new Column("延期量", "Extended", false, Scorecard::extended),
            new Column("延期率", "Extension rate", true, Scorecard::extensionRate),
            new Column("回访量", "Ratings", false, Scorecard::ratings),
            new Column("满意率", "Satisfaction", true, Scorecard::satisfactionRate),
            new Column("基本满意及以上", "Basically satisfied or better", true, Scorecard::basicSatisfactionRate),
            new Column("平均办理时长(工作小时)", "Average handling (working hours)", false,
                    s -> s.averageHandlingHours() == null ? null : Math.round(s.averageHandlingHours() * 10) / 10.0),
            new Column("综合得分", "Score", false, Scorecard::score));
}
