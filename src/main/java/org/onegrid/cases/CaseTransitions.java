package org.onegrid.cases;

import java.time.Clock;
import java.time.Instant;
import java.util.Set;
import org.onegrid.calendar.CalendarService;
import org.onegrid.catalog.CatalogService;
import org.onegrid.catalog.Category;
import org.onegrid.directory.DirectoryService;
import org.onegrid.directory.Role;
import org.onegrid.directory.StaffMember;
import org.onegrid.errors.ApiProblemException;
import org.onegrid.errors.Refusal;
import org.onegrid.errors.Validation;
import org.onegrid.security.DataScope;
import org.onegrid.security.DataScopePolicy;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Every action on a case after intake: loads the case within the actor's data scope, lets the
 * verb's command ({@link CaseCommands}) read the request and the {@link Case} decide, and saves
 * the result with optimistic locking, so that exactly one of several concurrent actions wins.
 */
@Service
public class CaseTransitions {

    private final CaseRepository repository;
    private final CaseCommands commands;
    private final CaseViews views;
    private final CatalogService catalog;
    private final CalendarService calendars;
    private final DirectoryService directory;
    private final EscalationLadder ladder;
    private final DataScopePolicy scopes;
    private final TransactionTemplate transactions;
    private final Clock clock;

    CaseTransitions(CaseRepository repository, CaseCommands commands, CaseViews views, CatalogService catalog,
                    CalendarService calendars, DirectoryService directory, EscalationLadder ladder,
                    DataScopePolicy scopes, TransactionTemplate transactions, Clock clock) {
        this.repository = repository;
        this.commands = commands;
        this.views = views;
        this.catalog = catalog;
        this.calendars = calendars;
        this.directory = directory;
        this.ladder = ladder;
        this.scopes = scopes;
        this.transactions = transactions;
        this.clock = clock;
    }

    public CaseDetails perform(long id, CaseAction action, ActionRequest request, StaffMember actor) {
        return performAt(id, action, request, actor, clock.instant());
    }

    /** Takes one action on a case at {@code at}; exactly one of several concurrent actions wins. */
    public CaseDetails performAt(long id, CaseAction action, ActionRequest request, StaffMember staff, Instant at) {
        ActionRequest body = request == null ? ActionRequest.EMPTY : request;
        Validation v = new Validation();
        String note = v.optionalText("note", body.note(), Validation.MAX_TEXT);
        v.throwIfInvalid();
        if (action == CaseAction.MERGE) {
            return merge(id, body.intoCaseId(), note, staff, at);
        }
        CaseCommands.Command command = commands.of(action);
        return transition(id, action, staff, at, (c, actor, category, deadlines) ->
                command.apply(new CaseCommands.Step(c, body, note, actor, category, deadlines, at)));
    }

    /** One change to one case, decided by the aggregate, saved with optimistic locking. */
    interface Change {
        void apply(Case c, CaseActor actor, Category category, StepDeadlinePolicy deadlines);
    }

    CaseDetails transition(long id, CaseAction action, StaffMember staff, Instant at, Change change) {
        DataScope scope = scopes.scopeOf(staff);
        CaseActor actor = actorOf(staff, scope);
        StepDeadlinePolicy deadlines = deadlines();
        Boolean saved = transactions.execute(tx -> {
            Case c = repository.find(id, scope).orElseThrow(() -> ApiProblemException.notFound("case", id));
            Category category = c.categoryCode() == null ? null : catalog.category(c.categoryCode()).orElse(null);
            change.apply(c, actor, category, deadlines);
            return repository.save(c);
        });
        if (!Boolean.TRUE.equals(saved)) {
            CaseState current = repository.find(id, scope).map(Case::state).orElse(null);
            throw concurrentChange(action).with("currentState", current);
        }
        return views.get(id, staff);
    }

    /**
     * The actor with their grids and grid teams. A grid worker's scope is exactly their grids
     * (DataScopePolicy): no second look-up; a unit's people may hold grid posts too (网格长).
     */
    CaseActor actorOf(StaffMember staff, DataScope scope) {
        return switch (staff.role()) {
            case GRID_WORKER -> new CaseActor(staff, Set.copyOf(scope.gridPrefixes()),
                    directory.gridTeamsOf(scope.gridPrefixes()));
            case UNIT_HANDLER, UNIT_LEADER -> new CaseActor(staff, Set.of(), directory.gridTeamsOf(directory.gridsOf(staff.id())));
            default -> new CaseActor(staff, Set.of());
        };
    }

    /** Merges case {@code id} into {@code intoId}: both change in one transaction, or neither. */
    private CaseDetails merge(long id, Long intoId, String note, StaffMember staff, Instant at) {
        if (intoId == null) {
            throw ApiProblemException.invalid("intoCaseId", "is required");
        }
        CaseActor actor = new CaseActor(staff, Set.of());
        DataScope scope = scopes.scopeOf(staff);
        Boolean saved = transactions.execute(tx -> {
            // Both rows are locked in id order, so that two merges crossing each other wait instead of deadlocking.
            repository.lockInOrder(id, intoId);
            Case source = repository.find(id, scope).orElseThrow(() -> ApiProblemException.notFound("case", id));
            Case target = repository.find(intoId, scope).orElseThrow(() -> ApiProblemException.invalid("intoCaseId",
                    "no case " + intoId));
            if (!MergePolicy.mayMerge(source.id(), target.id(), target.state())) {
                throw ApiProblemException.invalid("intoCaseId", "must be another case still in hand (not resolved, "
                        + "rated or closed: case " + target.id() + " is " + target.state() + ")");
            }
            source.mergeInto(actor, target, note, at);
            if (!repository.save(source) || !repository.save(target)) {
                tx.setRollbackOnly();
                return false;
            }
            repository.linkReporter(target.id(), source);
            return true;
        });
        if (!Boolean.TRUE.equals(saved)) {
            throw concurrentChange(CaseAction.MERGE);
        }
        return views.get(id, staff);
    }

    StepDeadlinePolicy deadlines() {
        return new StepDeadlinePolicy(calendars.calendar(), ladder,
                id -> directory.unit(id).map(u -> u.kind().level()).orElse(null));
    }

    private static Refusal concurrentChange(CaseAction action) {
        return Refusal.illegalInState("concurrent-change",
                "another action on this case was taken at the same moment; reload and try again")
                .with("action", action.pathName());
    }
}
