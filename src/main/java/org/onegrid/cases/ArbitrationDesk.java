package org.onegrid.cases;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.onegrid.directory.DirectoryService;
import org.onegrid.directory.Role;
import org.onegrid.directory.StaffMember;
import org.onegrid.directory.Unit;
import org.onegrid.directory.UnitKind;
import org.onegrid.errors.Refusal;
import org.onegrid.grid.GridCode;
import org.onegrid.grid.GridLevel;
import org.onegrid.security.DataScope;
import org.onegrid.security.DataScopePolicy;
import org.springframework.stereotype.Service;

/**
 * The arbitration desk (无头事项, {@link ArbitrationPolicy}): the queue of cases no routing rule or
 * no unit would take, and the fallback that hands those nobody decided in time to their fallback
 * owner. Arbitrating one case is a transition like any other ({@link CaseTransitions}).
 */
@Service
public class ArbitrationDesk {

    /** The actor the timeline names for the fallback. */
    static final StaffMember SYSTEM = new StaffMember(0, "system:arbitration", "仲裁兜底", Role.DISPATCHER, null);

    private final CaseRepository repository;
    private final CaseTransitions transitions;
    private final CaseViews views;
    private final DirectoryService directory;
    private final DataScopePolicy scopes;
    private final Clock clock;

    ArbitrationDesk(CaseRepository repository, CaseTransitions transitions, CaseViews views, DirectoryService directory,
                    DataScopePolicy scopes, Clock clock) {
        this.repository = repository;
        this.transitions = transitions;
        this.views = views;
        this.directory = directory;
        this.scopes = scopes;
        this.clock = clock;
    }

    /** The cases waiting in the arbitration queue, the most urgent first. */
    public List<CaseDetails> queue(StaffMember viewer) {
        return views.summariesOf(repository.inArbitration(scopes.scopeOf(viewer), 200), viewer);
    }

    /** Hands every case whose arbitration deadline has passed to its fallback owner; returns how many. */
    public int applyFallback() {
        Instant now = clock.instant();
        int handed = 0;
        for (long id : repository.arbitrationOverdue(now, 500)) {
            String gridCode = repository.find(id, DataScope.ALL).map(Case::gridCode).orElse(null);
            Optional<Unit> owner = ArbitrationPolicy.fallbackOwner(streetOfficeOf(gridCode), commandCentre());
            if (owner.isEmpty()) {
                continue;
            }
            Unit unit = owner.get();
            try {
                transitions.transition(id, CaseAction.ARBITRATE, SYSTEM, now, (c, actor, category, deadlines) ->
                        c.arbitrate(actor, unit.id(), unit.name(), true, null, now, deadlines));
                handed++;
            } catch (Refusal raced) {
                // Decided by a person at the same moment: theirs stands.
            }
        }
        return handed;
    }

    private Optional<Unit> streetOfficeOf(String gridCode) {
        return gridCode == null ? Optional.empty() : directory.unitServing(
                new GridCode(gridCode).ancestorAt(GridLevel.STREET).value(), UnitKind.STREET_OFFICE, null);
    }

    private Optional<Unit> commandCentre() {
        return directory.units().stream().filter(u -> u.kind() == UnitKind.COMMAND_CENTRE).findFirst();
    }
}
