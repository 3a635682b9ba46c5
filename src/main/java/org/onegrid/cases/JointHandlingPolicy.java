package org.onegrid.cases;

import org.onegrid.calendar.TimeLimit;
import org.onegrid.directory.Unit;
import org.onegrid.directory.UnitKind;

/**
 * The street blows the whistle, departments report (镇街吹哨、部门报到): a street/town office
 * summons several units onto a case in its territory, one lead unit (主办) that owns it and
 * co-handlers (协办) that must each report in with their part within {@link #REPORT_IN}. Only
 * the lead unit resolves the case; a co-handler's report-in changes no state. Report-ins past
 * their deadline are shown as overdue.
 */
final class JointHandlingPolicy {

    public static final TimeLimit REPORT_IN = TimeLimit.workingDays(1);
    public static final int MAX_CO_HANDLERS = 10;

    private JointHandlingPolicy() {
    }

    /**
     * Who may blow the whistle on a case: staff of the street/town office whose territory holds
     * the case's grid. {@code actorUnit} is null for staff of no unit.
     */
    public static boolean mayBlowWhistle(Unit actorUnit, String caseGridCode) {
        return actorUnit != null && actorUnit.kind() == UnitKind.STREET_OFFICE && caseGridCode != null
                && actorUnit.regionCode() != null && caseGridCode.startsWith(actorUnit.regionCode());
    }
}
