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
 *       the result, and the rating to come);</li>
 *   <li>the staff of the unit it is sent to, in-app and by email where they chose it: a new case
 *       (dispatched, routed, arbitrated, returned to it after a failed check), urged (urgent).</li>
 * </ul>
 */
final class WhoHearsWhat {

    /** The events a message is written for. */
    enum Event { RECEIVED, RESOLVED, NEW_CASE, URGED }

    /** One message to write: to a staff member (on a channel) or to a resident's phone. */
    record Recipient(Event event, Channel channel, StaffMember staff, String phone, boolean urgent) {
    }

    /** A unit's staff and how each wants to be told. */
    interface Staffing {
        List<StaffMember> handlersOf(long unitId);

        Set<Channel> channelsOf(StaffMember staff);
    }

    private WhoHearsWhat() {
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
        boolean newOwner = t.unitId() != null && !t.unitId().equals(t.priorUnitId());
        if (newOwner || a == CaseAction.URGE) {
            Event event = a == CaseAction.URGE ? Event.URGED : Event.NEW_CASE;
            Long unit = t.unitId();
            if (unit != null) {
                for (StaffMember s : staffing.handlersOf(unit)) {
                    for (Channel ch : staffing.channelsOf(s)) {
                        if (ch != Channel.SMS) {
                            to.add(new Recipient(event, ch, s, null, event == Event.URGED));
                        }
                    }
                }
            }
        }
        return to;
    }
}
