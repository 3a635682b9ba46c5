package org.onegrid.cases;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.onegrid.calendar.CalendarService;
import org.onegrid.calendar.WorkingCalendar;
import org.onegrid.catalog.CatalogService;
import org.onegrid.catalog.Category;
import org.onegrid.directory.Role;
import org.onegrid.directory.StaffMember;
import org.onegrid.errors.ApiProblemException;
import org.onegrid.errors.Refusal;
import org.onegrid.errors.Validation;
import org.onegrid.grid.GridLocation;
import org.onegrid.grid.GridService;
import org.onegrid.security.DataScope;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;

/**
 * 受理: records a new case from any channel. It checks the request, locates the point on the
 * grid, takes the classifier's category when none was given and it is sure enough
 * ({@link AutoDispatchPolicy}, then dispatching at once), and writes the case with its first
 * timeline entry in one statement. A retry under the same idempotency key answers with the case
 * the first request made.
 */
@Service
public class CaseIntake {

    /** The result of intake: the case, and whether it was a replay of an earlier request. */
    public record IntakeResult(CaseDetails details, boolean replayed) {
    }

    /** The actor the timeline names for dispatches the classifier made. */
    public static final StaffMember CLASSIFIER = new StaffMember(0, "system:classifier", "自动派单", Role.DISPATCHER, null);

    /** The actor the timeline names for matters sent straight to their grid's team ({@link GridHandlingPolicy}). */
    public static final StaffMember GRID_ROUTING = new StaffMember(0, "system:grid", "网格自办", Role.DISPATCHER, null);

    private static final Pattern PHONE = Pattern.compile("[0-9+()\\- ]{3,20}");

    private final CaseRepository repository;
    private final CaseTransitions transitions;
    private final CaseDetailsAssembler assembler;
    private final GridService grids;
    private final org.onegrid.grid.Compounds places;
    private final CatalogService catalog;
    private final CalendarService calendars;
    private final ObjectProvider<CategoryAdvisor> categoryAdvisor;
    private final Clock clock;

    CaseIntake(CaseRepository repository, CaseTransitions transitions, CaseDetailsAssembler assembler,
               GridService grids, CatalogService catalog, CalendarService calendars,
               ObjectProvider<CategoryAdvisor> categoryAdvisor, Clock clock, org.onegrid.grid.Compounds places) {
        this.places = places;
        this.repository = repository;
        this.transitions = transitions;
        this.assembler = assembler;
        this.grids = grids;
        this.catalog = catalog;
        this.calendars = calendars;
        this.categoryAdvisor = categoryAdvisor;
        this.clock = clock;
    }

    public IntakeResult receive(NewCase request, StaffMember actor, String idempotencyKey) {
        return receiveAt(request, actor, idempotencyKey, clock.instant());
    }

    /**
     * Records a case received at {@code at}. The case is durable when this returns: one
     * statement inserts it with its first timeline entry and commits.
     */
    public IntakeResult receiveAt(NewCase request, StaffMember actor, String idempotencyKey, Instant at) {
        return record(request, actor, idempotencyKey, at, null, null);
    }

    /** The actor the timeline names for matters a meeting or desk forwarded to a named unit. */
    public static final StaffMember FORWARDING = new StaffMember(0, "system:forward", "转办", Role.DISPATCHER, null);

    /**
     * Records a case and sends it straight to {@code unitId} (转办), neither the classifier nor the
     * grid's team taking it first: a matter a village meeting forwarded to its town. {@code note}
     * goes on the dispatch (who owns it there, by when). A retry answers with the first case.
     */
    public IntakeResult receiveFor(NewCase request, StaffMember actor, String idempotencyKey, long unitId, String note) {
        return receiveForAt(request, actor, idempotencyKey, unitId, note, clock.instant());
    }

    /** {@link #receiveFor} as of {@code at} (loading history: the demo's past meetings). */
    public IntakeResult receiveForAt(NewCase request, StaffMember actor, String idempotencyKey, long unitId, String note,
                                     Instant at) {
        return record(request, actor, idempotencyKey, at, unitId, note);
    }

    private IntakeResult record(NewCase request, StaffMember actor, String idempotencyKey, Instant at, Long forwardTo,
                                String forwardNote) {
        if (!TransitionRules.mayRecord(actor.role())) {
            throw Refusal.notPermitted("a " + actor.role() + " may not record cases");
        }
        Validation v = new Validation();
        v.required("channel", request.channel());
        String title = v.requiredText("title", request.title(), Validation.MAX_NAME);
        String description = v.requiredText("description", request.description(), Validation.MAX_TEXT);
        String address = v.optionalText("address", request.address(), 500);
        String reporterName = v.optionalText("reporterName", request.reporterName(), 100);
        String reporterPhone = v.optionalText("reporterPhone", request.reporterPhone(), 20);
        if (reporterPhone != null && !PHONE.matcher(reporterPhone).matches()) {
            v.reject("reporterPhone", "must be a phone number: digits, spaces, +, -, parentheses");
        }
        String key = IdempotencyPolicy.scoped(actor, reporterPhone,
                v.optionalText("Idempotency-Key", idempotencyKey, IdempotencyPolicy.MAX_KEY));
        if ((request.lat() == null) != (request.lng() == null)) {
            v.reject(request.lat() == null ? "lat" : "lng", "give both lat and lng, or neither");
        }
        v.range("lat", request.lat(), -90, 90);
        v.range("lng", request.lng(), -180, 180);
        String placeCode = v.optionalText("placeCode", request.placeCode(), 40);
        Optional<double[]> placePoint = placeCode == null ? Optional.empty() : places.point(placeCode);
        if (placeCode != null && placePoint.isEmpty()) {
            v.reject("placeCode", "no compound or building has the code " + placeCode);
        }
        Double lat = request.lat() != null || placePoint.isEmpty() ? request.lat() : Double.valueOf(placePoint.get()[0]);
        Double lng = request.lng() != null || placePoint.isEmpty() ? request.lng() : Double.valueOf(placePoint.get()[1]);
        if (lat == null && lng == null && address == null) {
            v.reject("lat", "give a location: lat and lng, a compound or building, or an address");
        }
        Category category = null;
        if (request.categoryCode() != null) {
            Optional<String> problem = catalog.leafProblem(request.categoryCode());
            problem.ifPresent(reason -> v.reject("categoryCode", reason));
            category = problem.isPresent() ? null : catalog.category(request.categoryCode()).orElseThrow();
        }
        v.throwIfInvalid();

        String gridCode = null;
        String detail;
        if (lat != null) {
            GridLocation location = grids.locate(lat, lng).orElseThrow(() ->
                    ApiProblemException.unprocessable("lat", "the point " + lat + ", " + lng
                            + " lies outside every grid of this district"));
            gridCode = location.gridCode();
            if (placeCode != null && !placeCode.startsWith(gridCode + "-")) {
                throw ApiProblemException.invalid("placeCode", placeCode + " lies in another grid than the point ("
                        + location.gridName() + ")");
            }
            detail = "located in " + location.gridName() + " (" + gridCode + ")";
        } else {
            detail = "no coordinates; located by address only";
        }
        CategoryAdvisor.Suggestion suggestion = category == null && forwardTo == null ? suggestion(title, description) : null;
        if (suggestion != null) {
            category = catalog.category(suggestion.categoryCode()).orElseThrow();
            detail += "; category " + category.code() + " " + category.name() + " by classifier v"
                    + suggestion.modelVersion() + " at " + String.format("%.2f", suggestion.confidence());
        }
        WorkingCalendar calendar = calendars.calendar();
        Instant due = transitions.deadlines().dueFor(CaseState.RECEIVED, at, category);
        CaseRepository.Intake intake = new CaseRepository.Intake(request.channel(), title, description, lat,
                lng, address, gridCode, category == null ? null : category.code(), reporterName,
                reporterPhone, at, at.atZone(calendar.zone()).toLocalDate(), actor.username(), actor.role().name(),
                key, due, detail, suggestion == null ? null : suggestion.modelVersion(),
                suggestion == null ? null : suggestion.confidence(), placeCode);
        Optional<Case> created = repository.insert(intake);
        if (created.isEmpty()) {
            // A retry: this user already recorded a case under this key; answer with that case.
            long existing = repository.idByIdempotencyKey(actor.username(), key).orElseThrow();
            CaseSnapshot first = repository.find(existing, DataScope.ALL).orElseThrow().snapshot();
            if (!IdempotencyPolicy.sameRequest(first, title, description, reporterPhone)) {
                throw ApiProblemException.unprocessable("Idempotency-Key",
                        "this key was used for a different request; use a new key for a new case");
            }
            repository.locateToPlace(existing, placeCode);
            return new IntakeResult(recordedBy(existing, actor), true);
        }
        if (forwardTo != null) {
            transitions.performAt(created.get().id(), CaseAction.DISPATCH,
                    new ActionRequest(forwardTo, null, null, null, forwardNote, null, null, null), FORWARDING, at);
            return new IntakeResult(recordedBy(created.get().id(), actor), false);
        }
        StaffMember router = suggestion != null ? CLASSIFIER
                : GridHandlingPolicy.goesStraightToTeam(actor.role(), category, gridCode) ? GRID_ROUTING : null;
        if (router != null) {
            long id = created.get().id();
            try {
                transitions.performAt(id, CaseAction.DISPATCH, ActionRequest.EMPTY, router, at);
                return new IntakeResult(recordedBy(id, actor), false);
            } catch (ApiProblemException | Refusal notRoutable) {
                // The case stays received, categorised, for a dispatcher.
            }
        }
        TimelineEntry received = new TimelineEntry(at, actor.username(), actor.role().name(), CaseAction.RECEIVE, null,
                CaseState.RECEIVED, detail, null);
        return new IntakeResult(assembler.justRecorded(created.get(), received, actor), false);
    }

    /** The classifier's suggestion that intake takes, if it has one sure enough of an item of the catalogue. */
    private CategoryAdvisor.Suggestion suggestion(String title, String description) {
        CategoryAdvisor classifier = categoryAdvisor.getIfAvailable();
        if (classifier == null) {
            return null;
        }
        return AutoDispatchPolicy.taken(classifier.suggest(title, description, 1), classifier.autoDispatchThreshold())
                .filter(s -> catalog.leafProblem(s.categoryCode()).isEmpty())
                .orElse(null);
    }

    /** The recorder sees what they recorded, even when it went to a unit outside their scope. */
    private CaseDetails recordedBy(long id, StaffMember actor) {
        Case c = repository.find(id, DataScope.ALL).orElseThrow();
        return assembler.withTimeline(c, repository.timeline(id), actor);
    }
}
