package org.onegrid.cases;

import org.onegrid.calendar.TimeLimit;
import org.onegrid.catalog.Category;
import org.onegrid.grid.GridLevel;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The escalation ladder (小事不出格、大事不出村、难事不出镇, seed 001 and 004): a case starts at the
 * lowest level able to handle its category, and each level has its clock once it signs for it:
 * <ul>
 *   <li>a base grid's team settles what its grid owns within {@code gridDays} (2) working days,
 *       counted from receipt ({@link StepDeadlinePolicy});</li>
 *   <li>a community/village unit solves and replies within {@code communityDays} (2) working days;</li>
 *   <li>a street/town unit within {@code streetDays} (3) working days;</li>
 *   <li>a unit holding a matter beyond its level (the catalogue names no owner there) reports it
 *       up within {@code reportUpDays} (1) working day;</li>
 *   <li>a district unit has the category's own limit.</li>
 * </ul>
 * A category limit shorter than the ladder's clock wins (an urgent matter stays urgent).
 * Configurable per deployment under {@code onegrid.ladder.*}.
 */
@ConfigurationProperties("onegrid.ladder")
public record EscalationLadder(Integer gridDays, Integer communityDays, Integer streetDays, Integer reportUpDays) {

    public EscalationLadder {
        gridDays = gridDays == null ? 2 : gridDays;
        communityDays = communityDays == null ? 2 : communityDays;
        streetDays = streetDays == null ? 3 : streetDays;
        reportUpDays = reportUpDays == null ? 1 : reportUpDays;
    }

    /** The clock of a unit at {@code level} that signs for a case of {@code category}. */
    public TimeLimit clockFor(GridLevel level, Category category) {
        TimeLimit categoryLimit = category != null && category.limit() != null ? category.limit()
                : StepDeadlinePolicy.UNCATEGORISED;
        if (level == null || level == GridLevel.DISTRICT) {
            return categoryLimit;
        }
        if (category != null && !category.owners().containsKey(level)) {
            return TimeLimit.workingDays(reportUpDays);
        }
        TimeLimit ladder = TimeLimit.workingDays(switch (level) {
            case GRID -> gridDays;
            case COMMUNITY -> communityDays;
            default -> streetDays;
        });
        return shorter(categoryLimit, ladder);
    }

    /** Working hours compare as hours; a working day is eight of them. */
    private static TimeLimit shorter(TimeLimit a, TimeLimit b) {
        return hours(a) <= hours(b) ? a : b;
    }

    private static int hours(TimeLimit limit) {
        return limit.unit() == TimeLimit.Unit.WORKING_HOURS ? limit.amount() : limit.amount() * 8;
    }
}
