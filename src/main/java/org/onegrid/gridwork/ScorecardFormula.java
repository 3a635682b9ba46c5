package org.onegrid.gridwork;

/**
 * The points of a monthly scorecard (考核积分, "tied to face, post and pay", seed 004):
 * <ul>
 *   <li>3 for each case settled in the grid by its handling deadline, 1 for each settled late;</li>
 *   <li>1 for each patrol ended, 1 for each inspection made, 2 for each duty shift checked in;</li>
 *   <li>1 more for each settled case its resident rated satisfied (4-5 stars), 2 less for each
 *       rated dissatisfied (1-2 stars).</li>
 * </ul>
 * Grid workers of a street rank by points, then by cases settled on time, then by name.
 */
final class ScorecardFormula {

    static final int ON_TIME = 3;
    static final int LATE = 1;
    static final int PATROL = 1;
    static final int INSPECTION = 1;
    static final int SHIFT = 2;
    static final int SATISFIED = 1;
    static final int DISSATISFIED = -2;

    private ScorecardFormula() {
    }

    static long points(long settled, long onTime, long patrols, long inspections, long shifts, long satisfied,
                       long dissatisfied) {
        return ON_TIME * onTime + LATE * (settled - onTime) + PATROL * patrols + INSPECTION * inspections + SHIFT * shifts
                + SATISFIED * satisfied + DISSATISFIED * dissatisfied;
    }
}
