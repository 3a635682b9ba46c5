package org.onegrid.cases;

import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.onegrid.catalog.CatalogService;
import org.onegrid.catalog.Category;
import org.onegrid.directory.DirectoryService;
import org.onegrid.directory.Unit;
import org.onegrid.errors.ApiProblemException;
import org.onegrid.errors.Validation;
import org.springframework.stereotype.Component;

/**
 * One command per verb of the life cycle: each reads and checks its part of the request, looks up
 * what the verb needs (a unit, a category, the owner the routing rules advise) and calls the
 * {@link Case}, which decides. {@link CaseTransitions} loads and saves around it.
 */
@Component
class CaseCommands {

    /** What one command works on: the case, the request and the moment. */
    record Step(Case c, ActionRequest body, String note, CaseActor actor, Category category,
                StepDeadlinePolicy deadlines, Instant at) {
    }

    interface Command {
        void apply(Step step);
    }

    private final Map<CaseAction, Command> byAction = new EnumMap<>(CaseAction.class);
    private final DirectoryService directory;
    private final CatalogService catalog;
    private final OwnerAdvisor advisor;

    CaseCommands(DirectoryService directory, CatalogService catalog, OwnerAdvisor advisor) {
        this.directory = directory;
        this.catalog = catalog;
        this.advisor = advisor;
        byAction.put(CaseAction.DISPATCH, this::dispatch);
        byAction.put(CaseAction.ACCEPT, s -> s.c().accept(s.actor(), s.category(), s.note(), s.at(), s.deadlines()));
        byAction.put(CaseAction.RETURN, this::returnToDispatch);
        byAction.put(CaseAction.RESOLVE, this::resolve);
        byAction.put(CaseAction.VERIFY, this::verify);
        byAction.put(CaseAction.RATE, this::rate);
        byAction.put(CaseAction.CLOSE, s -> s.c().close(s.actor(), s.note(), s.at()));
        byAction.put(CaseAction.VOID, this::voidCase);
        byAction.put(CaseAction.ESCALATE, this::escalate);
        byAction.put(CaseAction.REQUEST_EXTENSION, this::requestExtension);
        byAction.put(CaseAction.APPROVE_EXTENSION, s -> s.c().decideExtension(s.actor(),
                s.body().approved() == null || s.body().approved(), s.note(), s.at(), s.deadlines()));
        byAction.put(CaseAction.URGE, s -> s.c().urge(s.actor(), s.note(), s.at()));
        byAction.put(CaseAction.CATEGORISE, this::categorise);
        byAction.put(CaseAction.WHISTLE, this::whistle);
        byAction.put(CaseAction.REPORT_IN, this::reportIn);
        byAction.put(CaseAction.ARBITRATE, this::arbitrate);
    }

    /** The command of {@code action}; recording and merging have their own ways in. */
    Command of(CaseAction action) {
        Command command = byAction.get(action);
        if (command == null) {
            throw ApiProblemException.invalid("action", action == CaseAction.RECEIVE
                    ? "use POST /api/cases to record a case" : "no such action on a case");
        }
        return command;
    }

    private void dispatch(Step s) {
        Case c = s.c();
        if (s.body().unitId() != null) {
            Unit unit = requireUnit(s.body().unitId());
            c.dispatch(s.actor(), unit.id(), unit.name(), "chosen by the dispatcher", s.note(), s.at(), s.deadlines());
            return;
        }
        c.check(CaseAction.DISPATCH, s.actor());
        Optional<OwnerAdvisor.Advice> advice = advisor.ownerFor(s.category(), c.gridCode());
        if (advice.isPresent()) {
            c.dispatch(s.actor(), advice.get().unitId(), advice.get().unitName(), advice.get().explanation(), s.note(),
                    s.at(), s.deadlines());
        } else {
            c.sendToArbitration(s.actor(), "no routing rule finds an owner (category " + c.categoryCode()
                    + ", grid " + c.gridCode() + ")", s.at(), s.deadlines());
        }
    }

    private void returnToDispatch(Step s) {
        ReturnReason reason = ReturnReason.parse(s.body().reason());
        s.c().returnToDispatch(s.actor(), reason, s.note(), s.at(), s.deadlines());
    }

    private void resolve(Step s) {
        s.c().resolve(s.actor(), requiredText("result", s.body().result()), s.at(), s.deadlines(), s.category());
    }

    private void verify(Step s) {
        Validation v = new Validation();
        v.required("passed", s.body().passed());
        v.throwIfInvalid();
        s.c().verify(s.actor(), s.body().passed(), s.note(), s.at(), s.deadlines(), s.category());
    }

    private void rate(Step s) {
        Validation v = new Validation();
        v.required("stars", s.body().stars());
        v.range("stars", s.body().stars(), 1, 5);
        v.throwIfInvalid();
        s.c().rate(s.actor(), s.body().stars(), s.note(), s.at(), s.deadlines(), s.category());
    }

    private void voidCase(Step s) {
        s.c().voidCase(s.actor(), requiredText("reason", s.body().reason()), s.at());
    }

    private void escalate(Step s) {
        Case c = s.c();
        String reason = requiredText("reason", s.body().reason());
        c.check(CaseAction.ESCALATE, s.actor()); // the level above is known only for a case that has an owner
        Unit owner = c.ownerUnitId() == null ? null : directory.unit(c.ownerUnitId()).orElse(null);
        if (s.body().unitId() != null) {
            Unit named = requireUnit(s.body().unitId());
            EscalationPolicy.refusalOfNamed(owner, named).ifPresent(why -> {
                throw ApiProblemException.invalid("unitId", why);
            });
            c.escalate(s.actor(), named.id(), named.name(), "chosen by the unit", reason, s.at(), s.deadlines());
            return;
        }
        Optional<OwnerAdvisor.Advice> above = Optional.ofNullable(owner)
                .flatMap(o -> advisor.ownerAbove(s.category(), c.gridCode(), o.kind().level()));
        if (above.isPresent()) {
            c.escalate(s.actor(), above.get().unitId(), above.get().unitName(), above.get().explanation(), reason,
                    s.at(), s.deadlines());
            return;
        }
        Unit parent = Optional.ofNullable(owner).map(Unit::parentId).flatMap(directory::unit).orElseThrow(() ->
                ApiProblemException.invalid("unitId", "the owning unit has no unit above it; name the unit to escalate to"));
        c.escalate(s.actor(), parent.id(), parent.name(), "the unit above the owner", reason, s.at(), s.deadlines());
    }

    private void requestExtension(Step s) {
        Validation v = new Validation();
        v.required("workingDays", s.body().workingDays());
        v.range("workingDays", s.body().workingDays(), 1, ExtensionPolicy.MAX_DAYS);
        String reason = v.requiredText("reason", s.body().reason(), Validation.MAX_TEXT);
        v.throwIfInvalid();
        s.c().requestExtension(s.actor(), s.body().workingDays(), reason, s.at());
    }

    private void categorise(Step s) {
        Category chosen = catalog.leaf(s.body().categoryCode());
        s.c().categorise(s.actor(), chosen.code(), s.note(), s.at());
    }

    private void whistle(Step s) {
        Validation v = new Validation();
        List<Long> coHandlers = s.body().coHandlerUnitIds() == null ? List.of() : s.body().coHandlerUnitIds();
        if (coHandlers.isEmpty() || coHandlers.size() > JointHandlingPolicy.MAX_CO_HANDLERS) {
            v.reject("coHandlerUnitIds", "name 1 to " + JointHandlingPolicy.MAX_CO_HANDLERS + " co-handling units");
        }
        coHandlers.stream().filter(u -> u == null || directory.unit(u).isEmpty()).findFirst()
                .ifPresent(u -> v.reject("coHandlerUnitIds", "unit " + u + " does not exist"));
        v.throwIfInvalid();
        Unit lead = requireUnit(s.body().unitId());
        Unit actorUnit = s.actor().staff().unitId() == null ? null : directory.unit(s.actor().staff().unitId()).orElse(null);
        s.c().whistle(s.actor(), actorUnit, lead.id(), lead.name(), coHandlers, s.note(), s.at(), s.deadlines());
    }

    private void reportIn(Step s) {
        s.c().reportIn(s.actor(), requiredText("result", s.body().result()), s.at());
    }

    private void arbitrate(Step s) {
        Case c = s.c();
        Unit unit = requireUnit(s.body().unitId());
        c.arbitrate(s.actor(), unit.id(), unit.name(), false, s.note(), s.at(), s.deadlines());
        if (Boolean.TRUE.equals(s.body().saveAsRule()) && c.categoryCode() != null && c.gridCode() != null) {
            advisor.learn(c.categoryCode(), c.gridCode(), unit.id(), s.actor().username());
        }
    }

    private Unit requireUnit(Long unitId) {
        if (unitId == null) {
            throw ApiProblemException.invalid("unitId", "is required");
        }
        return directory.unit(unitId).orElseThrow(() -> ApiProblemException.invalid("unitId",
                "unit " + unitId + " does not exist"));
    }

    private static String requiredText(String field, String value) {
        Validation v = new Validation();
        String text = v.requiredText(field, value, Validation.MAX_TEXT);
        v.throwIfInvalid();
        return text;
    }
}
