package org.onegrid.assessment;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.onegrid.calendar.WorkingCalendar;
import org.onegrid.cases.CaseAction;
import org.onegrid.cases.CaseState;
import org.onegrid.cases.Satisfaction;
import org.onegrid.cases.TransitionFeed.MissedCount;
import org.onegrid.cases.TransitionFeed.MissedStep;
import org.onegrid.cases.TransitionFeed.Transition;

/**
 * What each transition adds to the daily counts: the one statement of the counting rules. The
 * fold keeps {@code figure_day} with it, and the drill-down applies it to a period's transitions
 * to list the cases behind a figure, so the two cannot disagree. Days are calendar days in the
 * calendar's zone.
 * <ul>
 *   <li>A unit's clock (sign for it, then resolve it) counts on the day of its deadline: met
 *       when the unit acted by the deadline; missed when it acted late, or the case left it
 *       (returned, escalated, a new lead) after the deadline, or is still waiting past it
 *       ({@link #missed}). A case that left the unit before its deadline does not count.</li>
 *   <li>Everything else counts on the day it happened, for the unit that owns the case after the
 *       transition (a return: the unit returning).</li>
 * </ul>
 */
final class FigureRules {

    private FigureRules() {
    }

    static List<Fact> of(Transition t, WorkingCalendar calendar) {
        List<Fact> facts = new ArrayList<>(4);
        Counter add = (measure, at, unit, category, amount) ->
                facts.add(new Fact(t.caseId(), measure, day(at, calendar), unit, t.gridCode(), category, amount));
        String category = t.categoryCode();
        Long unit = t.unitId();
        // A new owner: the case is dispatched to it; the former owner's step ends unfinished.
        if (unit != null && !unit.equals(t.priorUnitId())) {
            add.count(Measure.DISPATCHED, t.at(), unit, category, 1);
        }
        if (t.priorUnitId() != null && !t.priorUnitId().equals(unit) && t.priorDueAt() != null
                && t.priorDueAt().isBefore(t.at())) {
            if (t.from() == CaseState.DISPATCHED) {
                add.count(Measure.SIGN_DUE, t.priorDueAt(), t.priorUnitId(), category, 1);
            } else if (t.from() == CaseState.ACCEPTED) {
                add.count(Measure.HANDLING_DUE, t.priorDueAt(), t.priorUnitId(), category, 1);
            }
        }
        switch (t.action()) {
            case RECEIVE -> add.count(Measure.RECEIVED, t.at(), null, category, 1);
            case CATEGORISE -> {
                if (!Objects.equals(t.priorCategoryCode(), category)) {
                    add.count(Measure.RECEIVED, t.receivedAt(), null, t.priorCategoryCode(), -1);
                    add.count(Measure.RECEIVED, t.receivedAt(), null, category, 1);
                }
            }
            case MERGE -> {
                if (t.to() == CaseState.VOID) {
                    add.count(Measure.RECEIVED, t.receivedAt(), null, category, -1);
                }
            }
            case ACCEPT -> {
                Instant due = t.priorDueAt() == null ? t.at() : t.priorDueAt();
                add.count(Measure.SIGNED_FOR, t.at(), unit, category, 1);
                add.count(Measure.STARTED, t.at(), unit, category, 1);
                add.count(Measure.SIGN_DUE, due, unit, category, 1);
                if (!t.at().isAfter(due)) {
                    add.count(Measure.SIGN_ON_TIME, due, unit, category, 1);
                }
            }
            case RETURN -> add.count(Measure.RETURNED, t.at(), t.priorUnitId(), category, 1);
            case RESOLVE -> {
                Instant due = t.priorDueAt() == null ? t.at() : t.priorDueAt();
                Instant started = t.priorStepStartedAt() == null ? t.at() : t.priorStepStartedAt();
                add.count(Measure.RESOLVED, t.at(), unit, category, 1);
                add.count(Measure.HANDLING_DUE, due, unit, category, 1);
                if (!t.at().isAfter(due)) {
                    add.count(Measure.HANDLING_ON_TIME, due, unit, category, 1);
                }
                add.count(Measure.STARTED_RESOLVED, started, unit, category, 1);
                add.count(Measure.HANDLING_SECONDS, t.at(), unit, category,
                        calendar.workingSecondsBetween(started, t.at()));
            }
            case VERIFY -> reopened(t, add);
            case RATE -> {
                if (t.stars() != null) {
                    Satisfaction verdict = Satisfaction.fromStars(t.stars());
                    add.count(Measure.RATINGS, t.at(), unit, category, 1);
                    if (verdict == Satisfaction.SATISFIED) {
                        add.count(Measure.SATISFIED, t.at(), unit, category, 1);
                    } else if (verdict == Satisfaction.BASICALLY_SATISFIED) {
                        add.count(Measure.BASICALLY_SATISFIED, t.at(), unit, category, 1);
                    }
                }
                reopened(t, add);
            }
            case APPROVE_EXTENSION -> {
                if (t.dueAt() != null && !t.dueAt().equals(t.priorDueAt())) {
                    add.count(Measure.EXTENDED, t.at(), unit, category, 1);
                }
            }
            default -> {
                // dispatch, escalate, whistle, arbitrate: counted above as a new owner; the rest count nothing.
            }
        }
        return facts;
    }

    /** A failed verification or a dissatisfied rating sends the case back: rework, and a new handling step. */
    private static void reopened(Transition t, Counter add) {
        if (t.to() == CaseState.ACCEPTED) {
            add.count(Measure.REWORKED, t.at(), t.unitId(), t.categoryCode(), 1);
            add.count(Measure.STARTED, t.at(), t.unitId(), t.categoryCode(), 1);
        }
    }

    /** An open case still waiting on its unit past the deadline: that deadline is missed. */
    static Fact missed(MissedStep step, WorkingCalendar calendar) {
        return new Fact(step.caseId(), missedMeasure(step.state()), day(step.dueAt(), calendar), step.unitId(),
                step.gridCode(), step.categoryCode(), 1);
    }

    /** The measure a count of open cases past a unit deadline adds to. */
    static Measure missed(MissedCount count) {
        return missedMeasure(count.state());
    }

    private static Measure missedMeasure(CaseState state) {
        return state == CaseState.DISPATCHED ? Measure.SIGN_DUE : Measure.HANDLING_DUE;
    }

    static LocalDate day(Instant at, WorkingCalendar calendar) {
        return at.atZone(calendar.zone()).toLocalDate();
    }

    @FunctionalInterface
    private interface Counter {
        void count(Measure measure, Instant at, Long unit, String category, long amount);
    }

}
