package org.onegrid.cases;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.onegrid.catalog.Category;
import org.onegrid.directory.Role;
import org.onegrid.errors.ApiProblemException;

/**
 * The case aggregate. Each business verb is a method that checks the actor's role and the
 * current state against {@link TransitionRules}, changes the state, sets the next step's
 * deadline from {@link StepDeadlinePolicy}, and appends a {@link TimelineEntry}. An illegal
 * transition throws a 409 naming the current state; a role that may never take the action, or
 * a handler of another unit, gets a 403.
 */
public final class Case {

    // Facts fixed at intake.
    private final long id;
    private final String code;
    private final Channel channel;
    private final String title;
    private final String description;
    private final Double lat;
    private final Double lng;
    private final String address;
    private final String gridCode;
    private String categoryCode;
    private final String reporterName;
    private final String reporterPhone;
    private final Instant receivedAt;
    private final String createdBy;

    // What the life cycle changes.
    private CaseState state;
    private Long ownerUnitId;
    private Instant stepStartedAt;
    private Instant dueAt;
    private Instant handlingDueAt;
    private int returnCount;
    private int reworkCount;
    private int extensionCount;
    private int urgeCount;
    private int escalationLevel;
    private Integer pendingExtensionDays;
    private String resolution;
    private Integer stars;
    private Instant resolvedAt;
    private Instant closedAt;
    private Instant arbitrationDueAt;
    private boolean arbitrated;
    private Long mergedInto;
    private Instant updatedAt;
    private final long version;
    /** The case as it was read, before this transition: what the timeline entry changed from. */
    private final Snapshot loaded;

    private final List<TimelineEntry> newEntries = new ArrayList<>();
    /** Co-handlers as loaded, and those added or changed by this transition. */
    private final java.util.Map<Long, CoHandler> coHandlers = new java.util.LinkedHashMap<>();
    private final java.util.Set<Long> changedCoHandlers = new java.util.LinkedHashSet<>();

    /** Everything a case holds, as stored. */
    record Snapshot(long id, String code, Channel channel, String title, String description, Double lat, Double lng,
                    String address, String gridCode, String categoryCode, String reporterName, String reporterPhone,
                    Instant receivedAt, String createdBy, CaseState state, Long ownerUnitId, Instant stepStartedAt,
                    Instant dueAt, Instant handlingDueAt, int returnCount, int reworkCount, int extensionCount,
                    int urgeCount, int escalationLevel, Integer pendingExtensionDays, String resolution, Integer stars,
                    Instant resolvedAt, Instant closedAt, Instant arbitrationDueAt, boolean arbitrated,
                    Long mergedInto, Instant updatedAt, long version) {
    }

    Case(Snapshot s) {
        this.id = s.id();
        this.code = s.code();
        this.channel = s.channel();
        this.title = s.title();
        this.description = s.description();
        this.lat = s.lat();
        this.lng = s.lng();
        this.address = s.address();
        this.gridCode = s.gridCode();
        this.categoryCode = s.categoryCode();
        this.reporterName = s.reporterName();
        this.reporterPhone = s.reporterPhone();
        this.receivedAt = s.receivedAt();
        this.createdBy = s.createdBy();
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
        this.version = s.version();
        this.loaded = s;
    }

    /** The case as it was read, before the transition being made. */
    Snapshot loaded() {
        return loaded;
    }

    Snapshot snapshot() {
        return new Snapshot(id, code, channel, title, description, lat, lng, address, gridCode, categoryCode,
                reporterName, reporterPhone, receivedAt, createdBy, state, ownerUnitId, stepStartedAt, dueAt,
                handlingDueAt, returnCount, reworkCount, extensionCount, urgeCount, escalationLevel,
                pendingExtensionDays, resolution, stars, resolvedAt, closedAt, arbitrationDueAt, arbitrated, mergedInto,
                updatedAt, version);
    }

    // ---- the verbs ----------------------------------------------------------------------------

    /** 派单: send to a unit, which must sign for it in time. */
    public void dispatch(CaseActor actor, long unitId, String unitName, String why, String note, Instant now,
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
    public void accept(CaseActor actor, Category category, String note, Instant now, StepDeadlinePolicy deadlines) {
        CaseState from = guard(CaseAction.ACCEPT, actor);
        handlingDueAt = deadlines.handlingDue(now, category, ownerUnitId);
        moveTo(CaseState.ACCEPTED, now, handlingDueAt);
        record(now, actor, CaseAction.ACCEPT, from, "due " + handlingDueAt, note);
    }

    /** 退单: the unit says the case is not theirs, with a reason; back to dispatch. */
    public void returnToDispatch(CaseActor actor, ReturnReason reason, String note, Instant now, StepDeadlinePolicy deadlines) {
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
    public void resolve(CaseActor actor, String result, Instant now, StepDeadlinePolicy deadlines, Category category) {
        CaseState from = guard(CaseAction.RESOLVE, actor);
        resolution = result;
        resolvedAt = now;
        pendingExtensionDays = null;
        // Without a site check the next step is the rating call, on the rating call's clock.
        moveTo(CaseState.RESOLVED, now,
                deadlines.dueFor(verificationRequired(category) ? CaseState.RESOLVED : CaseState.VERIFIED, now, category));
        record(now, actor, CaseAction.RESOLVE, from, null, result);
    }

    /** 核查: confirm the result; a failed check sends the case back to its unit (返工). */
    public void verify(CaseActor actor, boolean passed, String note, Instant now, StepDeadlinePolicy deadlines, Category category) {
        CaseState from = guard(CaseAction.VERIFY, actor);
        if (passed) {
            moveTo(CaseState.VERIFIED, now, deadlines.dueFor(CaseState.VERIFIED, now, category));
            record(now, actor, CaseAction.VERIFY, from, "passed", note);
        } else {
            reopen(now, deadlines, category);
            record(now, actor, CaseAction.VERIFY, from, "failed: back to the unit (rework " + reworkCount + ")", note);
        }
    }

    /** 回访: the reporter's rating; dissatisfied reopens the case to its unit (重办). */
    public void rate(CaseActor actor, int givenStars, String note, Instant now, StepDeadlinePolicy deadlines, Category category) {
        CaseState from = guard(CaseAction.RATE, actor);
        if (from == CaseState.RESOLVED && verificationRequired(category)) {
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
    public void close(CaseActor actor, String note, Instant now) {
        CaseState from = guard(CaseAction.CLOSE, actor);
        closedAt = now;
        moveTo(CaseState.CLOSED, now, null);
        record(now, actor, CaseAction.CLOSE, from, null, note);
    }

    /** 作废: spam or a duplicate; only before a unit has taken it on. */
    public void voidCase(CaseActor actor, String reason, Instant now) {
        CaseState from = guard(CaseAction.VOID, actor);
        closedAt = now;
        moveTo(CaseState.VOID, now, null);
        record(now, actor, CaseAction.VOID, from, null, reason);
    }

    /** 上报: the owning unit passes the case one level up, to a unit that must sign for it. */
    public void escalate(CaseActor actor, long toUnitId, String toUnitName, String why, String reason, Instant now,
                         StepDeadlinePolicy deadlines) {
        CaseState from = guard(CaseAction.ESCALATE, actor);
        if (ownerUnitId != null && ownerUnitId == toUnitId) {
            throw ApiProblemException.invalid("unitId", "the case is already with unit " + toUnitId);
        }
        Long formerOwner = ownerUnitId;
        escalationLevel++;
        ownerUnitId = toUnitId;
        handlingDueAt = null;
        pendingExtensionDays = null;
        moveTo(CaseState.DISPATCHED, now, deadlines.dueFor(CaseState.DISPATCHED, now, null));
        record(now, actor, CaseAction.ESCALATE, from, "from unit " + formerOwner + " to " + toUnitName + " (unit " + toUnitId + ")"
                + (why == null ? "" : "; " + why), reason);
    }

    /** 无头事项: no routing rule can place the case; the arbitration queue takes it. */
    public void sendToArbitration(CaseActor actor, String why, Instant now, StepDeadlinePolicy deadlines) {
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
    public void arbitrate(CaseActor actor, long unitId, String unitName, boolean fallback, String note, Instant now,
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
     * 合并: this case reports the same matter as {@code target}; it becomes VOID, pointing at the
     * target, which keeps this case's reporter so that each reporter is told and can rate.
     */
    public void mergeInto(CaseActor actor, Case target, String note, Instant now) {
        CaseState from = guard(CaseAction.MERGE, actor);
        if (target.id == id || !target.state.isOpen()) {
            throw ApiProblemException.invalid("intoCaseId", "must be another open case");
        }
        mergedInto = target.id;
        closedAt = now;
        moveTo(CaseState.VOID, now, null);
        record(now, actor, CaseAction.MERGE, from, "merged into " + target.code + " (case " + target.id + ")", note);
        target.updatedAt = now;
        target.record(now, actor, CaseAction.MERGE, target.state, "case " + code + " merged in; its reporter is linked", note);
    }

    public Long mergedInto() {
        return mergedInto;
    }

    /** 分类: set or correct the case's category before it is dispatched. */
    public void categorise(CaseActor actor, String newCategoryCode, String why, Instant now) {
        CaseState from = guard(CaseAction.CATEGORISE, actor);
        String before = categoryCode;
        categoryCode = newCategoryCode;
        updatedAt = now;
        record(now, actor, CaseAction.CATEGORISE, from, "category " + before + " -> " + newCategoryCode
                + (why == null ? "" : "; " + why), null);
    }

    /** Whether the case waits in the arbitration queue. */
    public boolean inArbitration() {
        return arbitrationDueAt != null;
    }

    /** 延期申请: ask for more working days, before the deadline runs out. */
    public void requestExtension(CaseActor actor, int workingDays, String reason, Instant now) {
        CaseState from = guard(CaseAction.REQUEST_EXTENSION, actor);
        if (pendingExtensionDays != null) {
            throw illegal(CaseAction.REQUEST_EXTENSION, "an extension request is already waiting for approval");
        }
        if (dueAt != null && now.isAfter(dueAt)) {
            throw illegal(CaseAction.REQUEST_EXTENSION, "an extension must be asked for before the deadline; it passed at " + dueAt);
        }
        pendingExtensionDays = workingDays;
        updatedAt = now;
        record(now, actor, CaseAction.REQUEST_EXTENSION, from, workingDays + " working days", reason);
    }

    /** 延期审批: grant or refuse the pending request. */
    public void decideExtension(CaseActor actor, boolean approved, String note, Instant now, StepDeadlinePolicy deadlines) {
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
    public void urge(CaseActor actor, String note, Instant now) {
        CaseState from = guard(CaseAction.URGE, actor);
        urgeCount++;
        updatedAt = now;
        record(now, actor, CaseAction.URGE, from, "urge " + urgeCount, note);
    }

    /**
     * 吹哨: the street office of the case's street summons a lead unit, which takes the case over,
     * and co-handlers, which must report in by the deadline.
     */
    public void whistle(CaseActor actor, boolean actorIsStreetOfficeHere, long leadUnitId, String leadName,
                        java.util.List<Long> coHandlerUnitIds, String note, Instant now, StepDeadlinePolicy deadlines) {
        CaseState from = guard(CaseAction.WHISTLE, actor);
        if (!actorIsStreetOfficeHere) {
            throw ApiProblemException.forbidden("only the street/town office of the case's street may blow the whistle")
                    .with("action", CaseAction.WHISTLE.pathName());
        }
        Instant reportInDue = deadlines.reportInDue(now);
        for (Long unit : coHandlerUnitIds) {
            if (unit == leadUnitId || coHandlers.containsKey(unit)) {
                continue;
            }
            coHandlers.put(unit, new CoHandler(unit, reportInDue, null, null));
            changedCoHandlers.add(unit);
        }
        if (ownerUnitId == null || ownerUnitId != leadUnitId) {
            ownerUnitId = leadUnitId;
            handlingDueAt = null;
            pendingExtensionDays = null;
            moveTo(CaseState.DISPATCHED, now, deadlines.dueFor(CaseState.DISPATCHED, now, null));
        } else {
            updatedAt = now;
        }
        record(now, actor, CaseAction.WHISTLE, from, "lead " + leadName + " (unit " + leadUnitId + "); co-handlers "
                + changedCoHandlers + " report in by " + reportInDue, note);
    }

    /** 报到: a summoned co-handler reports in with its part; the state does not change. */
    public void reportIn(CaseActor actor, String part, Instant now) {
        CaseState from = guard(CaseAction.REPORT_IN, actor);
        CoHandler summoned = actor.staff().unitId() == null ? null : coHandlers.get(actor.staff().unitId());
        if (summoned == null) {
            throw ApiProblemException.forbidden("only a unit summoned onto this case may report in")
                    .with("action", CaseAction.REPORT_IN.pathName());
        }
        if (summoned.reported()) {
            throw illegal(CaseAction.REPORT_IN, "unit " + summoned.unitId() + " has already reported in");
        }
        coHandlers.put(summoned.unitId(), new CoHandler(summoned.unitId(), summoned.dueAt(), now, part));
        changedCoHandlers.add(summoned.unitId());
        updatedAt = now;
        record(now, actor, CaseAction.REPORT_IN, from, "unit " + summoned.unitId()
                + (now.isAfter(summoned.dueAt()) ? " reported in late" : " reported in"), part);
    }

    void loadCoHandlers(java.util.List<CoHandler> loaded) {
        loaded.forEach(h -> coHandlers.put(h.unitId(), h));
    }

    public java.util.List<CoHandler> coHandlers() {
        return java.util.List.copyOf(coHandlers.values());
    }

    java.util.List<CoHandler> changedCoHandlers() {
        return changedCoHandlers.stream().map(coHandlers::get).toList();
    }

    // ---- guards and bookkeeping -------------------------------------------------------------

    /** Refuses now, changing nothing, if the actor may not take the action on this case. */
    void check(CaseAction action, CaseActor actor) {
        guard(action, actor);
    }

    private CaseState guard(CaseAction action, CaseActor actor) {
        TransitionRules.Rule rule = TransitionRules.rule(action);
        if (!rule.roles().contains(actor.role())) {
            throw ApiProblemException.forbidden("a " + actor.role() + " may not " + action.pathName() + " a case")
                    .with("action", action.pathName());
        }
        if (!rule.from().contains(state)) {
            throw illegal(action, "cannot " + action.pathName() + " a case that is " + state);
        }
        if (rule.scope() == TransitionRules.Scope.OWNING_UNIT && !actor.staff().worksFor(ownerUnitId)) {
            throw ApiProblemException.forbidden("only the unit that owns the case may " + action.pathName() + " it")
                    .with("action", action.pathName());
        }
        if (actor.role() == Role.GRID_WORKER && !actor.gridCodes().contains(gridCode)) {
            throw ApiProblemException.forbidden("a grid worker may act only on cases in their own grids")
                    .with("action", action.pathName());
        }
        return state;
    }

    private ApiProblemException illegal(CaseAction action, String detail) {
        return ApiProblemException.conflict("illegal-transition", "Illegal transition", detail)
                .with("action", action.pathName())
                .with("currentState", state);
    }

    private void reopen(Instant now, StepDeadlinePolicy deadlines, Category category) {
        reworkCount++;
        handlingDueAt = deadlines.handlingDue(now, category, ownerUnitId);
        moveTo(CaseState.ACCEPTED, now, handlingDueAt);
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

    private static boolean verificationRequired(Category category) {
        return category == null || category.verificationRequired();
    }

    List<TimelineEntry> newEntries() {
        return List.copyOf(newEntries);
    }

    // ---- reading ------------------------------------------------------------------------------

    public long id() { return id; }
    public String code() { return code; }
    public Channel channel() { return channel; }
    public String title() { return title; }
    public String description() { return description; }
    public Double lat() { return lat; }
    public Double lng() { return lng; }
    public String address() { return address; }
    public String gridCode() { return gridCode; }
    public String categoryCode() { return categoryCode; }
    public String reporterName() { return reporterName; }
    public String reporterPhone() { return reporterPhone; }
    public Instant receivedAt() { return receivedAt; }
    public String createdBy() { return createdBy; }
    public CaseState state() { return state; }
    public Long ownerUnitId() { return ownerUnitId; }
    public Instant stepStartedAt() { return stepStartedAt; }
    public Instant dueAt() { return dueAt; }
    public Instant handlingDueAt() { return handlingDueAt; }
    public int returnCount() { return returnCount; }
    public int reworkCount() { return reworkCount; }
    public int extensionCount() { return extensionCount; }
    public int urgeCount() { return urgeCount; }
    public int escalationLevel() { return escalationLevel; }
    public Integer pendingExtensionDays() { return pendingExtensionDays; }
    public String resolution() { return resolution; }
    public Integer stars() { return stars; }
    public Instant resolvedAt() { return resolvedAt; }
    public Instant closedAt() { return closedAt; }
    public Instant arbitrationDueAt() { return arbitrationDueAt; }
    public boolean arbitrated() { return arbitrated; }
    public Instant updatedAt() { return updatedAt; }
    public long version() { return version; }
}
