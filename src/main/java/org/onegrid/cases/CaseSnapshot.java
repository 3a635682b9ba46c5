package org.onegrid.cases;

import java.time.Instant;

    /** Everything a {@link Case} holds, as stored: what the repository reads and writes. */
record CaseSnapshot(long id, String code, Channel channel, String title, String description, Double lat, Double lng,
                String address, String gridCode, String placeCode, String categoryCode, String reporterName, String reporterPhone,
                Instant receivedAt, String createdBy, CaseState state, Long ownerUnitId, Instant stepStartedAt,
                Instant dueAt, Instant handlingDueAt, int returnCount, int reworkCount, int extensionCount,
                int urgeCount, int escalationLevel, Integer pendingExtensionDays, String resolution, Integer stars,
                Instant resolvedAt, Instant closedAt, Instant arbitrationDueAt, boolean arbitrated,
                Long mergedInto, Instant updatedAt, long version) {
}
