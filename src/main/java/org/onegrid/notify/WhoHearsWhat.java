package org.onegrid.notify;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.onegrid.cases.CaseAction;
import org.onegrid.cases.CaseNotices;
import org.onegrid.cases.TransitionFeed;
import org.onegrid.directory.StaffMember;

/**
 * 早知道、早处置、早回复 (seed 000): who is told what when a case moves.
 * <ul>
 *   <li>the resident who reported it, by SMS: received (with the tracking code), resolved (with
 *       the result, and the rating to come), reopened after their low rating;</li>
 *   <li>the staff of the unit it is sent to, in-app and by email where they chose it: a new case
 *       (dispatched, routed, arbitrated), urged (urgent), back for rework (a failed site check or
 *       a low rating);</li>
 *   <li>the grid workers of the case's grid: a result to check on site (unless the grid's own
 *       team settled it: then the dispatchers);</li>
 *   <li>the command centre's dispatchers: a case returned by its unit;</li>
 *   <li>the unit's staff, by the clock: a sign-for or handling deadline within the warning
 *       window ({@code onegrid.notify.due-soon}, 2 hours), and a deadline just passed (overdue,
 *       urgent), once per deadline;</li>
 *   <li>district leaders, every morning: a digest of the open overdue cases.</li>
 * </ul>
 */
final class WhoHearsWhat {

    /** The events a message is written for. */
    enum Event { RECEIVED, RESOLVED, REOPENED, NEW_CASE, URGED, REWORK, TO_VERIFY, RETURNED, SIGN_DUE_SOON,
        HANDLING_DUE_SOON, OVERDUE, DIGEST, BROADCAST, SHIFT_SOON }

    /** One message to write: to a staff member (on a channel) or to a resident's phone. */
    record Recipient(Event event, Channel channel, StaffMember staff, String phone, boolean urgent) {
    }

    /** A unit's staff and how each wants to be told. */
    interface Staffing {
        List<StaffMember> handlersOf(long unitId);

        /** The channels a staff member chose for an event (the bell always). */
        Set<Channel> channelsOf(StaffMember staff, Event event);

        /** The accounts holding a grid worker's post in a base grid. */
        List<StaffMember> gridWorkersOf(String gridCode);

        List<StaffMember> dispatchers();

        boolean isGridTeam(long unitId);

        /** Whether a case of this category (null: none) is checked on site before the rating call. */
        boolean needsSiteCheck(String categoryCode);
    }

    private WhoHearsWhat() {
    }

    /** Whether anyone may hear of this entry: the case need not be read for the others. */
    static boolean mayTell(TransitionFeed.Transition t) {
        return t.action() == CaseAction.RECEIVE || t.action() == CaseAction.RESOLVE || t.action() == CaseAction.URGE
                || t.action() == CaseAction.RETURN || reopened(t) || (t.unitId() != null && !t.unitId().equals(t.priorUnitId()));
    }

    /** Back to its unit: a failed site check or a low rating. */
    private static boolean reopened(TransitionFeed.Transition t) {
        return (t.action() == CaseAction.VERIFY || t.action() == CaseAction.RATE) && t.to() == org.onegrid.cases.CaseState.ACCEPTED;
    }

    static List<Recipient> of(TransitionFeed.Transition t, CaseNotices.Notice c, Staffing staffing) {
        List<Recipient> to = new ArrayList<>();
        CaseAction a = t.action();
        if (a == CaseAction.RECEIVE && c.reporterPhone() != null) {
            to.add(new Recipient(Event.RECEIVED, Channel.SMS, null, c.reporterPhone(), false));
        }
        if (a == CaseAction.RESOLVE && c.reporterPhone() != null) {
            to.add(new Recipient(Event.RESOLVED, Channel.SMS, null, c.reporterPhone(), false));
        }
        if (a == CaseAction.RATE && reopened(t) && c.reporterPhone() != null) {
            to.add(new Recipient(Event.REOPENED, Channel.SMS, null, c.reporterPhone(), false));
        }
        boolean newOwner = t.unitId() != null && !t.unitId().equals(t.priorUnitId());
        if ((newOwner || a == CaseAction.URGE || reopened(t)) && t.unitId() != null) {
            Event event = a == CaseAction.URGE ? Event.URGED : reopened(t) ? Event.REWORK : Event.NEW_CASE;
            staff(to, event, staffing.handlersOf(t.unitId()), staffing, event == Event.URGED);
        }
        if (a == CaseAction.RESOLVE && t.to() == org.onegrid.cases.CaseState.RESOLVED
                && staffing.needsSiteCheck(t.categoryCode()) && t.gridCode() != null) {
            boolean ownTeam = t.unitId() != null && staffing.isGridTeam(t.unitId());
            staff(to, Event.TO_VERIFY, ownTeam ? staffing.dispatchers() : staffing.gridWorkersOf(t.gridCode()), staffing, false);
        }
        if (a == CaseAction.RETURN) {
            staff(to, Event.RETURNED, staffing.dispatchers(), staffing, false);
        }
        return to;
    }

    private static void staff(List<Recipient> to, Event event, List<StaffMember> people, Staffing staffing, boolean urgent) {
        for (StaffMember s : people) {
            for (Channel ch : staffing.channelsOf(s, event)) {
                if (ch != Channel.SMS) {
                    to.add(new Recipient(event, ch, s, null, urgent));
                }
            }
        }
    }
}
