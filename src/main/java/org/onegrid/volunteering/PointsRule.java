package org.onegrid.volunteering;

/**
 * An activity's points rule (积分规则), as seed practice has it: so many points an hour, at most
 * so many hours counted (e.g. 1 point an hour, 2 hours at most). Part hours count pro rata,
 * rounded down to whole points.
 */
final class PointsRule {

    private PointsRule() {
    }

    static int points(int minutes, int pointsPerHour, int maxHours) {
        int counted = Math.max(0, Math.min(minutes, maxHours * 60));
        return counted * pointsPerHour / 60;
    }
}
