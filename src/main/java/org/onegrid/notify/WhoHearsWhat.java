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
 *   <li>the resident who reported it, by SMS: received (with the tracking code), sent to its
 *       unit (the first dispatch), resolved (with the result, and the rating to come), the rating
 *       open once the site check passed, reopened after their low rating;</li>
 *   <li>the staff of the unit it is sent to, in-app and by email where they chose it: a new case
 *       (dispatched, routed, arbitrated), urged (urgent), back for rework (a failed site check or
 *       a low rating);</li>
 *   <li>the staff of each co-handling unit summoned by the whistle (吹哨报到): the summons, once
 *       per case and unit, and by the clock its report-in deadline coming and passed;</li>
 *   <li>the grid workers of the case's grid: a result to check on site (unless the grid's own
 *       team settled it: then the dispatchers);</li>
 *   <li>the command centre's dispatchers: a case returned by its unit;</li>
 *   <li>the unit's staff, by the clock: a sign-for or handling deadline within the warning
 *       window ({@code onegrid.notify.due-soon}, 2 hours), and a deadline just passed (overdue,
 *       urgent), once per deadline;</li>
 *   <li>grid workers, on working mornings: a patrol reminder when they have not patrolled for
 *       two days; cadres: a duty shift about to start;</li>
 *   <li>district leaders, every morning: a digest of yesterday's figures, this month's and the
 *       open overdue cases.</li>
 * </ul>
 */
final class WhoHearsWhat {

    /** The events a message is written for. */
    enum Event { RECEIVED, DISPATCHED, RESOLVED, RATING_OPEN, REOPENED, NEW_CASE, URGED, REWORK, TO_VERIFY, RETURNED,
        SIGN_DUE_SOON, HANDLING_DUE_SOON, OVERDUE, CO_HANDLING, REPORT_IN_DUE_SOON, REPORT_IN_OVERDUE, DIGEST, BROADCAST,
        SHIFT_SOON, PATROL_DUE, MEETING_NOTICE, PETITION }

    /**
     * One message to write: to a staff member (on a channel) or to a resident's phone. A message
     * is written once per timeline entry, or once per {@code once} where that is given (a
     * co-handling unit's summons: once per case and unit, whatever the whistles).
     */
    record Recipient(Event event, Channel channel, StaffMember staff, String phone, boolean urgent, String once) {
        Recipient(Event event, Channel channel, StaffMember staff, String phone, boolean urgent) {
            this(event, channel, staff, phone, urgent, null);
        }
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

        /** The co-handling units of a case that have not reported in. */
        List<Long> coHandlersAwaiting(long caseId);
    }

    private WhoHearsWhat() {
    }

    /** Whether anyone may hear of this entry: the case need not be read for the others. */
    static boolean mayTell(TransitionFeed.Transition t) {
        return t.action() == CaseAction.RECEIVE || t.action() == CaseAction.RESOLVE || t.action() == CaseAction.URGE
                || t.action() == CaseAction.RETURN || t.action() == CaseAction.WHISTLE || reopened(t) || ratingOpened(t)
                || (t.unitId() != null && !t.unitId().equals(t.priorUnitId()));
    }

    /** The site check passed: the resident may rate now. */
    private static boolean ratingOpened(TransitionFeed.Transition t) {
        return t.action() == CaseAction.VERIFY && t.to() == org.onegrid.cases.CaseState.VERIFIED;
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
        if (newOwner && t.priorUnitId() == null && a != CaseAction.RECEIVE && c.reporterPhone() != null) {
            to.add(new Recipient(Event.DISPATCHED, Channel.SMS, null, c.reporterPhone(), false));
        }
        if (ratingOpened(t) && c.reporterPhone() != null) {
            to.add(new Recipient(Event.RATING_OPEN, Channel.SMS, null, c.reporterPhone(), false));
        }
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
        if (a == CaseAction.WHISTLE) {
            for (long unit : staffing.coHandlersAwaiting(t.caseId())) {
                for (StaffMember s : staffing.handlersOf(unit)) {
                    for (Channel ch : staffing.channelsOf(s, Event.CO_HANDLING)) {
                        to.add(new Recipient(Event.CO_HANDLING, ch, s, null, true, "CO_HANDLING:" + t.caseId() + ":" + unit));
                    }
                }
            }
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
