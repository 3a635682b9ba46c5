package org.onegrid.cases;

import java.util.Optional;
import org.onegrid.catalog.CatalogService;
import org.onegrid.catalog.Category;
import org.onegrid.directory.DirectoryService;
import org.onegrid.directory.Role;
import org.onegrid.directory.StaffMember;
import org.onegrid.directory.Unit;
import org.onegrid.errors.ApiProblemException;
import org.onegrid.errors.Refusal;
import org.onegrid.errors.Validation;
import org.onegrid.grid.GridLocation;
import org.onegrid.grid.GridService;
import org.springframework.stereotype.Service;

/**
 * 随手办: a grid worker reports a small matter and settles it in one go, in their own grid, as
 * {@link GridHandlingPolicy} says. Each step is an ordinary transition, so the timeline shows the
 * report, the grid team's signature and the result; a retry under the same Idempotency-Key takes
 * the case on from where the first try stopped, and never records a second one.
 */
@Service
public class GridDesk {

    /** A matter settled on the spot: what was found, and what the grid worker did. */
    public record OnTheSpot(String title, String description, Double lat, Double lng, String address,
                            String categoryCode, String result) {

        NewCase asNewCase() {
            return new NewCase(Channel.GRID_WORKER, title, description, lat, lng, address, categoryCode, null, null);
        }
    }

    private final CaseIntake intake;
    private final CaseTransitions transitions;
    private final CaseViews views;
    private final CatalogService catalog;
    private final GridService grids;
    private final DirectoryService directory;

    GridDesk(CaseIntake intake, CaseTransitions transitions, CaseViews views, CatalogService catalog, GridService grids,
             DirectoryService directory) {
        this.intake = intake;
        this.transitions = transitions;
        this.views = views;
        this.catalog = catalog;
        this.grids = grids;
        this.directory = directory;
    }

    public CaseIntake.IntakeResult settleOnTheSpot(OnTheSpot matter, StaffMember worker, String idempotencyKey) {
        if (worker.role() != Role.GRID_WORKER) {
            throw Refusal.notPermitted("only a grid worker settles a matter on the spot");
        }
        Validation v = new Validation();
        String result = v.requiredText("result", matter.result(), Validation.MAX_TEXT);
        v.required("lat", matter.lat());
        v.required("lng", matter.lng());
        Category category = null;
        if (matter.categoryCode() != null) {
            Optional<String> problem = catalog.leafProblem(matter.categoryCode());
            problem.ifPresent(reason -> v.reject("categoryCode", reason));
            category = problem.isPresent() ? null : catalog.category(matter.categoryCode()).orElseThrow();
        }
        if (category != null || matter.categoryCode() == null) {
            GridHandlingPolicy.whyNotOnTheSpot(category).ifPresent(reason -> v.reject("categoryCode", reason));
        }
        v.throwIfInvalid();
        Optional<GridLocation> location = grids.locate(matter.lat(), matter.lng());
        if (location.isPresent() && !directory.gridsOf(worker.id()).contains(location.get().gridCode())) {
            throw Refusal.notPermitted("a grid worker settles matters only in their own grids; "
                    + location.get().gridName() + " is not one of them");
        }
        Optional<Unit> team = location.flatMap(l -> directory.gridTeam(l.gridCode()));
        if (location.isPresent() && team.isEmpty()) {
            throw ApiProblemException.unprocessable("lat", location.get().gridName() + " has no grid team to settle it");
        }
        CaseIntake.IntakeResult recorded = intake.receive(matter.asNewCase(), worker, idempotencyKey);
        long id = recorded.details().id();
        CaseState state = recorded.details().state();
        if (state == CaseState.RECEIVED || state == CaseState.RETURNED) {
            transitions.perform(id, CaseAction.DISPATCH, new ActionRequest(team.get().id(), null, null, null,
                    "随手办", null, null, null), CaseIntake.GRID_ROUTING);
            state = CaseState.DISPATCHED;
        }
        if (state == CaseState.DISPATCHED) {
            transitions.perform(id, CaseAction.ACCEPT, ActionRequest.EMPTY, worker);
            state = CaseState.ACCEPTED;
        }
        if (state == CaseState.ACCEPTED) {
            transitions.perform(id, CaseAction.RESOLVE, new ActionRequest(null, null, result, null, null, null, null,
                    null), worker);
        }
        return new CaseIntake.IntakeResult(views.get(id, worker), recorded.replayed());
    }
}
