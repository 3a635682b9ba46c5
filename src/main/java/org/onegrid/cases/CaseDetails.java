package org.onegrid.cases;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * A case as the API shows it. Times are ISO-8601 in the calendar's zone (+08:00). List items
 * leave out the timeline.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CaseDetails(long id, String code, CaseState state, Channel channel, String title, String description,
                          Double lat, Double lng, String address, String gridCode, String placeCode, String categoryCode,
                          String categoryName, OwnerUnit ownerUnit, OffsetDateTime dueAt, DeadlineColour deadlineColour,
                          OffsetDateTime handlingDueAt, OffsetDateTime receivedAt, OffsetDateTime updatedAt,
                          String reporterName, String reporterPhone, int returnCount, int reworkCount,
                          int extensionCount, int urgeCount, int escalationLevel, Integer pendingExtensionDays,
                          String resolution, Integer stars, Satisfaction satisfaction, OffsetDateTime resolvedAt,
                          OffsetDateTime closedAt, OffsetDateTime arbitrationDueAt, boolean arbitrated,
                          List<CoHandlerView> coHandlers, Long mergedInto, List<LinkedReporterView> linkedReporters,
                          long version, List<TimelineView> timeline) {

    /**
     * The order of every work queue (dispatch, a unit's inbox, a grid worker's tasks): overdue
     * first, then near the deadline, then the earliest deadline; cases without one last.
     */
    public static final java.util.Comparator<CaseDetails> MOST_URGENT_FIRST = java.util.Comparator
            .comparingInt((CaseDetails c) -> c.deadlineColour() == null ? 3 : switch (c.deadlineColour()) {
                case OVERDUE -> 0;
                case NEAR -> 1;
                case ON_TIME -> 2;
            })
            .thenComparing(CaseDetails::dueAt, java.util.Comparator.nullsLast(java.util.Comparator.naturalOrder()));

    /** A reporter of a case merged into this one (masked like the case's own reporter). */
    public record LinkedReporterView(long fromCaseId, String fromCaseCode, String name, String phone) {
    }

    /** A co-handling unit, its report-in deadline, and its part once reported. */
    public record CoHandlerView(long unitId, String unitName, OffsetDateTime dueAt, OffsetDateTime reportedAt,
                                String report, boolean overdue) {
    }

    public record OwnerUnit(long id, String name) {
    }

    public record TimelineView(OffsetDateTime at, String actor, String actorRole, String action, CaseState from,
                               CaseState to, String detail, String note) {
    }
}
