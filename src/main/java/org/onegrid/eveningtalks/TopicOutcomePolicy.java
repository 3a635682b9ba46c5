package org.onegrid.eveningtalks;

import java.time.LocalDate;
import org.onegrid.directory.Unit;
import org.onegrid.directory.UnitKind;
import org.onegrid.errors.Validation;

/**
 * What a topic's decision in the minutes must say. Settled on the spot (当场解决): what is done,
 * who does it, by when. Forwarded (上交): the same, and the unit of the village's own town (its
 * office or one of its departments) that takes the case. The date is on or after the meeting's
 * day and within {@link #MAX_DAYS} of it.
 */
final class TopicOutcomePolicy {

    /** How far ahead a meeting may promise: a season. */
    static final int MAX_DAYS = 180;

    enum Outcome { SETTLED, FORWARDED }

    private TopicOutcomePolicy() {
    }

    /**
     * Checks a decision; {@code openMatter}: the topic is a case already, which forwarding
     * leaves with its unit (no unit to name).
     */
    static void check(Validation v, Outcome outcome, String communityCode, LocalDate meetingDay, LocalDate dueOn, Unit unit,
                      boolean openMatter) {
        if (outcome == null) {
            v.reject("outcome", "must be SETTLED (on the spot) or FORWARDED (to the town)");
        }
        if (dueOn == null) {
            v.reject("dueOn", "is required: the day it is done by");
        } else if (dueOn.isBefore(meetingDay) || dueOn.isAfter(meetingDay.plusDays(MAX_DAYS))) {
            v.reject("dueOn", "must be from the meeting's day " + meetingDay + " to " + meetingDay.plusDays(MAX_DAYS));
        }
        if (outcome == Outcome.FORWARDED && !openMatter) {
            if (unit == null) {
                v.reject("unitId", "is required: the town's office or department that takes the case");
            } else if (!takesForwarded(unit, communityCode)) {
                v.reject("unitId", unit.name() + " is not an office or department of this village's town");
            }
        }
    }

    /** The units a village's topic may be forwarded to: its town's office and departments. */
    static boolean takesForwarded(Unit unit, String communityCode) {
        return (unit.kind() == UnitKind.STREET_OFFICE || unit.kind() == UnitKind.STREET_DEPARTMENT)
                && unit.regionCode() != null && communityCode.startsWith(unit.regionCode());
    }
}
