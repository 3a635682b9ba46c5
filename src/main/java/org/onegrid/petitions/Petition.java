package org.onegrid.petitions;

import java.time.LocalDate;
import java.util.List;
import org.onegrid.errors.ApiProblemException;
import org.onegrid.errors.Refusal;
import org.onegrid.errors.Validation;

/**
 * A petition (信访件) as an aggregate: its grade, changed only by a leader with a reason; taken once
 * by a leader (包案) with a task force and a plan of dated steps, each reported once; mediated with
 * an agreement wherever the parties agreed, which is followed up once.
 */
final class Petition {

    /** The most steps a plan holds, and how far ahead a step may be dated. */
    static final int MAX_STEPS = 20;
    static final int MAX_PLAN_DAYS = 366;

    private final long id;
    private final GradingPolicy.Grade grade;
    private final boolean taken;

    Petition(long id, GradingPolicy.Grade grade, boolean taken) {
        this.id = id;
        this.grade = grade;
        this.taken = taken;
    }

    long id() {
        return id;
    }

    GradingPolicy.Grade grade() {
        return grade;
    }

    /** A new grade: another one than now, with a reason. */
    void requireRegrade(GradingPolicy.Grade to, String reason) {
        if (to == grade) {
            throw ApiProblemException.invalid("grade", "the petition is " + grade + " already");
        }
        if (reason == null || reason.isBlank()) {
            throw ApiProblemException.invalid("reason", "is required: why the grade changes");
        }
    }

    /** Taking the case (包案): once, with a task force and 1 to 20 steps dated from today to a year on. */
    void requireTake(String taskForce, List<PlanStep> steps, LocalDate today, Validation v) {
        if (taken) {
            throw Refusal.illegalInState("petition-taken", "a leader has taken this petition already");
        }
        v.requiredText("taskForce", taskForce, 1000);
        if (steps == null || steps.isEmpty() || steps.size() > MAX_STEPS) {
            v.reject("steps", "must hold 1 to " + MAX_STEPS + " steps");
            return;
        }
        for (int i = 0; i < steps.size(); i++) {
            PlanStep s = steps.get(i);
            if (s == null || s.description() == null || s.description().isBlank() || s.description().length() > 500) {
                v.reject("steps[" + i + "].description", "is required, at most 500 characters");
            }
            if (s == null || s.dueOn() == null || s.dueOn().isBefore(today) || s.dueOn().isAfter(today.plusDays(MAX_PLAN_DAYS))) {
                v.reject("steps[" + i + "].dueOn", "must be a day from " + today + " to " + today.plusDays(MAX_PLAN_DAYS));
            }
        }
    }

    enum Outcome { AGREED, PARTIAL, FAILED }

    /** A mediation's record: an agreement's scan and a day to follow it up wherever the parties agreed. */
    static void checkMediation(Validation v, Outcome outcome, boolean agreement, LocalDate heldOn, LocalDate followUpOn,
                               LocalDate today) {
        if (outcome == null) {
            v.reject("outcome", "must be AGREED, PARTIAL or FAILED");
        }
        if (heldOn == null || heldOn.isAfter(today) || heldOn.isBefore(today.minusDays(MAX_PLAN_DAYS))) {
            v.reject("heldOn", "must be the day it was held, not in the future");
        }
        if (outcome != null && outcome != Outcome.FAILED) {
            if (!agreement) {
                v.reject("agreement", "is required: the scan of the signed agreement (PDF, JPEG or PNG)");
            }
            if (followUpOn == null || heldOn != null && followUpOn.isBefore(heldOn)) {
                v.reject("followUpOn", "is required: the day the agreement is followed up, on or after the mediation");
            }
        }
    }
}
