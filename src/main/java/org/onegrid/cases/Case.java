package org.onegrid.cases;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.onegrid.catalog.Category;
import org.onegrid.directory.Unit;
import org.onegrid.errors.Refusal;

/**
 * The case aggregate (事件/诉求/工单), closed to other modules: they read cases as
 * {@link CaseDetails} and change them through {@link CaseTransitions}. Each business verb is a
 * method that checks the actor's role and the current state against {@link TransitionRules},
 * changes the state, sets the next step's deadline from {@link StepDeadlinePolicy}, and appends a
 * {@link TimelineEntry}. An illegal transition raises {@link Refusal.IllegalInState} naming the
 * current state; a role that may never take the action, or a handler of another unit, raises
 * {@link Refusal.NotPermitted}.
 */
final class Case {

    /** The case as it was read, before this transition: the facts fixed at intake, and what the timeline entry changed from. */
    private final CaseSnapshot loaded;

    // What the life cycle changes.
    private CaseState state;
    private String categoryCode;
    private String resolution;
    private Long ownerUnitId;
    private Long mergedInto;
    private Instant stepStartedAt, dueAt, handlingDueAt, resolvedAt, closedAt, arbitrationDueAt, updatedAt;
    private int returnCount, reworkCount, extensionCount, urgeCount, escalationLevel;
    private Integer pendingExtensionDays, stars;
    private boolean arbitrated;

    private final List<TimelineEntry> newEntries = new ArrayList<>();
    private final CoHandlers coHandlers = new CoHandlers();

    Case(CaseSnapshot s) {
        this.loaded = s;
        this.categoryCode = s.categoryCode();
        this.state = s.state();
        this.ownerUnitId = s.ownerUnitId();
        this.stepStartedAt = s.stepStartedAt();
        this.dueAt = s.dueAt();
        this.handlingDueAt = s.handlingDueAt();
        this.returnCount = s.returnCount();
        this.reworkCount = s.reworkCount();
        this.extensionCount = s.extensionCount();
        this.urgeCount = s.urgeCount();
        this.escalationLevel = s.escalationLevel();
        this.pendingExtensionDays = s.pendingExtensionDays();
        this.resolution = s.resolution();
        this.stars = s.stars();
        this.resolvedAt = s.resolvedAt();
        this.closedAt = s.closedAt();
        this.arbitrationDueAt = s.arbitrationDueAt();
        this.arbitrated = s.arbitrated();
        this.mergedInto = s.mergedInto();
        this.updatedAt = s.updatedAt();
    }

    CaseSnapshot loaded() {
        return loaded;
    }

    CaseSnapshot snapshot() {
        CaseSnapshot l = loaded;
        return new CaseSnapshot(l.id(), l.code(), l.channel(), l.title(), l.description(), l.lat(), l.lng(), l.address(),
                l.gridCode(), l.placeCode(), categoryCode, l.reporterName(), l.reporterPhone(), l.receivedAt(), l.createdBy(), state,
                ownerUnitId, stepStartedAt, dueAt, handlingDueAt, returnCount, reworkCount, extensionCount, urgeCount,
                escalationLevel, pendingExtensionDays, resolution, stars, resolvedAt, closedAt, arbitrationDueAt,
                arbitrated, mergedInto, updatedAt, l.version());
    }

    /** 派单: send to a unit, which must sign for it in time. */
    void dispatch(CaseActor actor, long unitId, String unitName, String why, String note, Instant now,
                  StepDeadlinePolicy deadlines) {
        CaseState from = guard(CaseAction.DISPATCH, actor);
        if (inArbitration()) {
            throw illegal(CaseAction.DISPATCH, "the case is in arbitration; arbitrate it");
        }
        ownerUnitId = unitId;
        moveTo(CaseState.DISPATCHED, now, deadlines.dueFor(CaseState.DISPATCHED, now, null));
        record(now, actor, CaseAction.DISPATCH, from, "to " + unitName + " (unit " + unitId + ")"
                + (why == null ? "" : "; " + why), note);
    }

    /** 签收: the owning unit takes the case; the handling clock starts. */
    void accept(CaseActor actor, Category category, String note, Instant now, StepDeadlinePolicy deadlines) {
        CaseState from = guard(CaseAction.ACCEPT, actor);
        handlingDueAt = deadlines.handlingDue(now, loaded.receivedAt(), category, ownerUnitId);
        moveTo(CaseState.ACCEPTED, now, handlingDueAt);
        record(now, actor, CaseAction.ACCEPT, from, "due " + handlingDueAt, note);
    }

    /** 退单: the unit says the case is not theirs, with a reason; back to dispatch. */
    void returnToDispatch(CaseActor actor, ReturnReason reason, String note, Instant now, StepDeadlinePolicy deadlines) {
        CaseState from = guard(CaseAction.RETURN, actor);
        if (arbitrated) {
            throw illegal(CaseAction.RETURN, "the owner of this case was decided by arbitration; it cannot be returned");
        }
        Long formerOwner = ownerUnitId;
        returnCount++;
        ownerUnitId = null;
        handlingDueAt = null;
        pendingExtensionDays = null;
        moveTo(CaseState.RETURNED, now, deadlines.dueFor(CaseState.RETURNED, now, null));
        String detail = reason.name() + " by unit " + formerOwner;
        if (ArbitrationPolicy.returnsSendToArbitration(returnCount)) {
            arbitrationDueAt = deadlines.arbitrationDue(now);
            dueAt = arbitrationDueAt;
            detail += "; returned " + returnCount + " times: to arbitration, decision due " + arbitrationDueAt;
        }
        record(now, actor, CaseAction.RETURN, from, detail, note);
    }

    /** 办结: the unit reports its result. */
    void resolve(CaseActor actor, String result, Instant now, StepDeadlinePolicy deadlines, Category category) {
        CaseState from = guard(CaseAction.RESOLVE, actor);
        resolution = result;
        resolvedAt = now;
        pendingExtensionDays = null;
        // Without a site check the next step is the rating call, on the rating call's clock.
        moveTo(CaseState.RESOLVED, now,
                deadlines.dueFor(SiteCheckPolicy.required(category) ? CaseState.RESOLVED : CaseState.VERIFIED, now, category));
        record(now, actor, CaseAction.RESOLVE, from, null, result);
    }

    /** 核查: confirm the result; a failed check sends the case back to its unit (返工). */
    void verify(CaseActor actor, boolean passed, String note, Instant now, StepDeadlinePolicy deadlines, Category category) {
        CaseState from = guard(CaseAction.VERIFY, actor);
        if (!SiteCheckPolicy.mayCheck(actor, ownerUnitId)) {
            throw notPermitted(CaseAction.VERIFY, "a grid team does not check its own work");
        }
        if (passed) {
            moveTo(CaseState.VERIFIED, now, deadlines.dueFor(CaseState.VERIFIED, now, category));
            record(now, actor, CaseAction.VERIFY, from, "passed", note);
        } else {
            reopen(now, deadlines, category);
            record(now, actor, CaseAction.VERIFY, from, "failed: back to the unit (rework " + reworkCount + ")", note);
        }
    }

    /** 回访: the reporter's rating; dissatisfied reopens the case to its unit (重办). */
    void rate(CaseActor actor, int givenStars, String note, Instant now, StepDeadlinePolicy deadlines, Category category) {
        CaseState from = guard(CaseAction.RATE, actor);
        if (!SiteCheckPolicy.mayRate(from, category)) {
            throw illegal(CaseAction.RATE, "this category must be verified on site before the rating call");
        }
        Satisfaction satisfaction = Satisfaction.fromStars(givenStars);
        stars = givenStars;
        if (satisfaction.reopens()) {
            reopen(now, deadlines, category);
            record(now, actor, CaseAction.RATE, from, givenStars + " stars, " + satisfaction
                    + ": back to the unit (rework " + reworkCount + ")", note);
        } else {
            moveTo(CaseState.RATED, now, deadlines.dueFor(CaseState.RATED, now, category));
            record(now, actor, CaseAction.RATE, from, givenStars + " stars, " + satisfaction, note);
        }
    }

    /** 结案: archive the case. */
    void close(CaseActor actor, String note, Instant now) {
        end(CaseAction.CLOSE, CaseState.CLOSED, actor, note, now);
    }

    /** 作废: spam or a duplicate; only before a unit has taken it on. */
    void voidCase(CaseActor actor, String reason, Instant now) {
        end(CaseAction.VOID, CaseState.VOID, actor, reason, now);
    }

    private void end(CaseAction action, CaseState last, CaseActor actor, String note, Instant now) {
        CaseState from = guard(action, actor);
        closedAt = now;
        moveTo(last, now, null);
        record(now, actor, action, from, null, note);
    }

    /** 上报: the owning unit passes the case one level up ({@link EscalationPolicy}), to a unit that must sign for it. */
    void escalate(CaseActor actor, long toUnitId, String toUnitName, String why, String reason, Instant now,
                  StepDeadlinePolicy deadlines) {
        CaseState from = guard(CaseAction.ESCALATE, actor);
        Long formerOwner = ownerUnitId;
        escalationLevel++;
        handOver(toUnitId, now, deadlines);
        record(now, actor, CaseAction.ESCALATE, from, "from unit " + formerOwner + " to " + toUnitName + " (unit " + toUnitId + ")"
                + (why == null ? "" : "; " + why), reason);
    }

    /** 无头事项: no routing rule can place the case; the arbitration queue takes it. */
    void sendToArbitration(CaseActor actor, String why, Instant now, StepDeadlinePolicy deadlines) {
        CaseState from = guard(CaseAction.DISPATCH, actor);
        if (inArbitration()) {
            throw illegal(CaseAction.DISPATCH, "the case is already in arbitration");
        }
        arbitrationDueAt = deadlines.arbitrationDue(now);
        dueAt = arbitrationDueAt;
        updatedAt = now;
        record(now, actor, CaseAction.DISPATCH, from, "to arbitration, decision due " + arbitrationDueAt + "; " + why, null);
    }

    /**
     * 仲裁: the arbitrator names the owner, final for this case; or, past the arbitration
     * deadline, the fallback owner takes it ({@code fallback} true, a system actor).
     */
    void arbitrate(CaseActor actor, long unitId, String unitName, boolean fallback, String note, Instant now,
                   StepDeadlinePolicy deadlines) {
        CaseState from = guard(CaseAction.ARBITRATE, actor);
        if (!inArbitration()) {
            throw illegal(CaseAction.ARBITRATE, "the case is not in arbitration");
        }
        arbitrationDueAt = null;
        arbitrated = true;
        ownerUnitId = unitId;
        moveTo(CaseState.DISPATCHED, now, deadlines.dueFor(CaseState.DISPATCHED, now, null));
        record(now, actor, CaseAction.ARBITRATE, from, (fallback ? "nobody decided in time: fallback owner " : "decided: ")
                + unitName + " (unit " + unitId + "), final", note);
    }

    /**
     * 合并: this case reports the same matter as {@code target} ({@link MergePolicy}); it becomes
     * VOID, pointing at the target, which keeps this case's reporter so that each reporter is told
     * and can rate.
     */
    void mergeInto(CaseActor actor, Case target, String note, Instant now) {
        CaseState from = guard(CaseAction.MERGE, actor);
        if (!MergePolicy.mayMerge(id(), target.id(), target.state)) {
            throw illegal(CaseAction.MERGE, "case " + target.id() + " is " + target.state
                    + "; a case can be merged only into another case still in hand");
        }
        mergedInto = target.id();
        closedAt = now;
        moveTo(CaseState.VOID, now, null);
        record(now, actor, CaseAction.MERGE, from, "merged into " + target.code() + " (case " + target.id() + ")", note);
        target.updatedAt = now;
        target.record(now, actor, CaseAction.MERGE, target.state, "case " + code() + " merged in; its reporter is linked", note);
    }

    Long mergedInto() {
        return mergedInto;
    }

    /** 分类: set or correct the case's category before it is dispatched. */
    void categorise(CaseActor actor, String newCategoryCode, String why, Instant now) {
        CaseState from = guard(CaseAction.CATEGORISE, actor);
        String before = categoryCode;
        categoryCode = newCategoryCode;
        updatedAt = now;
        record(now, actor, CaseAction.CATEGORISE, from, "category " + before + " -> " + newCategoryCode
                + (why == null ? "" : "; " + why), null);
    }

    /** Whether the case waits in the arbitration queue. */
    boolean inArbitration() {
        return arbitrationDueAt != null;
    }

    /** 延期申请: ask for more working days, before the deadline runs out ({@link ExtensionPolicy}). */
    void requestExtension(CaseActor actor, int workingDays, String reason, Instant now) {
        CaseState from = guard(CaseAction.REQUEST_EXTENSION, actor);
        if (pendingExtensionDays != null) {
            throw illegal(CaseAction.REQUEST_EXTENSION, "an extension request is already waiting for approval");
        }
        if (!ExtensionPolicy.mayAsk(dueAt, now)) {
            throw illegal(CaseAction.REQUEST_EXTENSION, "an extension must be asked for before the deadline; it passed at " + dueAt);
        }
        pendingExtensionDays = workingDays;
        updatedAt = now;
        record(now, actor, CaseAction.REQUEST_EXTENSION, from, workingDays + " working days", reason);
    }

    /** 延期审批: grant or refuse the pending request. */
    void decideExtension(CaseActor actor, boolean approved, String note, Instant now, StepDeadlinePolicy deadlines) {
        CaseState from = guard(CaseAction.APPROVE_EXTENSION, actor);
        if (pendingExtensionDays == null) {
            throw illegal(CaseAction.APPROVE_EXTENSION, "no extension request is waiting");
        }
        int days = pendingExtensionDays;
        pendingExtensionDays = null;
        updatedAt = now;
        if (approved) {
            extensionCount++;
            handlingDueAt = deadlines.extend(dueAt, days);
            dueAt = handlingDueAt;
            record(now, actor, CaseAction.APPROVE_EXTENSION, from, "approved " + days + " working days; due " + dueAt, note);
        } else {
            record(now, actor, CaseAction.APPROVE_EXTENSION, from, "refused " + days + " working days", note);
        }
    }

    /** 督办: a leader or the centre presses for progress. */
    void urge(CaseActor actor, String note, Instant now) {
        CaseState from = guard(CaseAction.URGE, actor);
        urgeCount++;
        updatedAt = now;
        record(now, actor, CaseAction.URGE, from, "urge " + urgeCount, note);
    }

    /**
     * 吹哨: the street office of the case's street summons a lead unit, which takes the case over,
     * and co-handlers, which must report in by the deadline.
     */
    void whistle(CaseActor actor, Unit actorUnit, long leadUnitId, String leadName, List<Long> coHandlerUnitIds,
                 String note, Instant now, StepDeadlinePolicy deadlines) {
        CaseState from = guard(CaseAction.WHISTLE, actor);
        if (!JointHandlingPolicy.mayBlowWhistle(actorUnit, gridCode())) {
            throw notPermitted(CaseAction.WHISTLE, "only the street/town office of the case's street may blow the whistle");
        }
        Instant reportInDue = deadlines.reportInDue(now);
        java.util.Set<Long> summoned = coHandlers.summon(coHandlerUnitIds, leadUnitId, reportInDue);
        if (ownerUnitId == null || ownerUnitId != leadUnitId) {
            handOver(leadUnitId, now, deadlines);
        } else {
            updatedAt = now;
        }
        record(now, actor, CaseAction.WHISTLE, from, "lead " + leadName + " (unit " + leadUnitId + "); co-handlers "
                + summoned + " report in by " + reportInDue, note);
    }

    /** 报到: a summoned co-handler reports in with its part; the state does not change. */
    void reportIn(CaseActor actor, String part, Instant now) {
        CaseState from = guard(CaseAction.REPORT_IN, actor);
        CoHandler summoned = coHandlers.of(actor.staff().unitId());
        if (summoned == null) {
            throw notPermitted(CaseAction.REPORT_IN, "only a unit summoned onto this case may report in");
        }
        if (summoned.reported()) {
            throw illegal(CaseAction.REPORT_IN, "unit " + summoned.unitId() + " has already reported in");
        }
        coHandlers.reported(summoned, now, part);
        updatedAt = now;
        record(now, actor, CaseAction.REPORT_IN, from, "unit " + summoned.unitId()
                + (now.isAfter(summoned.dueAt()) ? " reported in late" : " reported in"), part);
    }

    /** The co-handlers, as loaded and as this transition changed them. */
    CoHandlers coHandlers() {
        return coHandlers;
    }

    /** Refuses now, changing nothing, if the actor may not take the action on this case. */
    void check(CaseAction action, CaseActor actor) {
        guard(action, actor);
    }

    private CaseState guard(CaseAction action, CaseActor actor) {
        TransitionRules.refusal(action, actor, state, ownerUnitId, gridCode()).ifPresent(refusal -> {
            throw refusal.with("action", action.pathName()).with("currentState", state);
        });
        return state;
    }

    private static Refusal notPermitted(CaseAction action, String detail) {
        return Refusal.notPermitted(detail).with("action", action.pathName());
    }

    private Refusal illegal(CaseAction action, String detail) {
        return Refusal.illegalInState("illegal-transition", detail)
                .with("action", action.pathName())
                .with("currentState", state);
    }

    private void reopen(Instant now, StepDeadlinePolicy deadlines, Category category) {
        reworkCount++;
        handlingDueAt = deadlines.handlingDue(now, now, category, ownerUnitId);
        moveTo(CaseState.ACCEPTED, now, handlingDueAt);
    }

    /** A new owner, which must sign for the case; the old owner's clock and extension request end. */
    private void handOver(long unitId, Instant now, StepDeadlinePolicy deadlines) {
        ownerUnitId = unitId;
        handlingDueAt = null;
        pendingExtensionDays = null;
        moveTo(CaseState.DISPATCHED, now, deadlines.dueFor(CaseState.DISPATCHED, now, null));
    }

    private void moveTo(CaseState next, Instant now, Instant due) {
        state = next;
        stepStartedAt = now;
        dueAt = due;
        updatedAt = now;
    }

    private void record(Instant now, CaseActor actor, CaseAction action, CaseState from, String detail, String note) {
        newEntries.add(new TimelineEntry(now, actor.username(), actor.role().name(), action, from, state, detail, note));
    }

    List<TimelineEntry> newEntries() {
        return List.copyOf(newEntries);
    }

    long id() { return loaded.id(); }
    String code() { return loaded.code(); }
    String gridCode() { return loaded.gridCode(); }
    String categoryCode() { return categoryCode; }
    CaseState state() { return state; }
    Long ownerUnitId() { return ownerUnitId; }
}
