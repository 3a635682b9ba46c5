package org.onegrid.cases;

import java.time.Instant;

/** A co-handling unit on a case (协办单位): its report-in deadline and, once given, its part. */
record CoHandler(long unitId, Instant dueAt, Instant reportedAt, String report) {

    public boolean reported() {
        return reportedAt != null;
    }

    public boolean overdue(Instant now) {
        return reportedAt == null ? now.isAfter(dueAt) : reportedAt.isAfter(dueAt);
    }
}
