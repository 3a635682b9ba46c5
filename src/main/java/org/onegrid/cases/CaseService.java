package org.onegrid.cases;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.onegrid.calendar.CalendarService;
import org.onegrid.calendar.WorkingCalendar;
import org.onegrid.catalog.CatalogService;
import org.onegrid.catalog.Category;
import org.onegrid.directory.DirectoryService;
import org.onegrid.directory.Role;
import org.onegrid.directory.StaffMember;
import org.onegrid.directory.Unit;
import org.onegrid.directory.UnitKind;
import org.onegrid.errors.ApiProblemException;
import org.onegrid.errors.Validation;
import org.onegrid.grid.GridCode;
import org.onegrid.grid.GridLevel;
import org.onegrid.grid.GridLocation;
import org.onegrid.grid.GridService;
import org.onegrid.audit.AuditLog;
import org.onegrid.security.DataScope;
import org.onegrid.security.DataScopePolicy;
import org.onegrid.security.PersonalDataPolicy;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The cases module's facade: intake, reading, listing, and every transition. It validates
 * requests, loads what the aggregate needs (unit, category, calendar), lets {@link Case} decide,
 * and stores the result with optimistic locking.
 */
@Service
public class CaseService {

    /** The result of intake: the case, and whether it was a replay of an earlier request. */
    public record IntakeResult(CaseDetails details, boolean replayed) {
    }

    /** The actor the timeline names for dispatches the classifier made. */
    public static final StaffMember CLASSIFIER = new StaffMember(0, "system:classifier", "自动派单", Role.DISPATCHER, null);

    /**
     * The actor the timeline names for what a resident did on the public page (submitting,
     * rating); the resident is identified by the tracking code and phone digits, not an account.
     */
    public static final StaffMember RESIDENT = new StaffMember(0, "public:resident", "居民", Role.INTAKE_AGENT, null);

    /** A closed case's text and final category, for training. */
    public record TrainingExample(long id, String title, String description, String categoryCode) {
    }

    /** Closed cases with the category people finally settled on, newest first. */
    public List<TrainingExample> trainingExamples(int limit) {
        return repository.trainingExamples(limit);
    }

    /** Who may record a new case. */
    public static final Set<Role> INTAKE_ROLES = Set.of(Role.INTAKE_AGENT, Role.DISPATCHER, Role.GRID_WORKER,
            Role.UNIT_HANDLER, Role.UNIT_LEADER);

    private static final int MAX_KEY = 200;
    private static final java.util.regex.Pattern PHONE = java.util.regex.Pattern.compile("[0-9+()\\- ]{3,20}");

    private final CaseRepository repository;
    private final GridService grids;
    private final CatalogService catalog;
    private final DirectoryService directory;
    private final CalendarService calendars;
    private final TransactionTemplate transactions;
    private final Clock clock;
    private final DataScopePolicy scopes;
    private final AuditLog audit;
    private final OwnerAdvisor advisor;
    private final EscalationLadder ladder;
    private final org.springframework.beans.factory.ObjectProvider<CategoryAdvisor> categoryAdvisor;

    CaseService(CaseRepository repository, GridService grids, CatalogService catalog, DirectoryService directory,
                CalendarService calendars, TransactionTemplate transactions, Clock clock, DataScopePolicy scopes,
                AuditLog audit, OwnerAdvisor advisor, EscalationLadder ladder,
                org.springframework.beans.factory.ObjectProvider<CategoryAdvisor> categoryAdvisor) {
        this.categoryAdvisor = categoryAdvisor;
        this.advisor = advisor;
        this.ladder = ladder;
        this.scopes = scopes;
        this.audit = audit;
        this.repository = repository;
        this.grids = grids;
        this.catalog = catalog;
        this.directory = directory;
        this.calendars = calendars;
        this.transactions = transactions;
        this.clock = clock;
    }

    // ---- intake -------------------------------------------------------------------------------

    public IntakeResult receive(NewCase request, StaffMember actor, String idempotencyKey) {
        return receiveAt(request, actor, idempotencyKey, clock.instant());
    }

    /**
     * Records a case received at {@code at}. The case is durable when this returns: one
     * statement inserts it with its first timeline entry and commits.
     */
    public IntakeResult receiveAt(NewCase request, StaffMember actor, String idempotencyKey, Instant at) {
        if (!INTAKE_ROLES.contains(actor.role())) {
            throw ApiProblemException.forbidden("a " + actor.role() + " may not record cases");
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
        String key = v.optionalText("Idempotency-Key", idempotencyKey, MAX_KEY);
        if ((request.lat() == null) != (request.lng() == null)) {
            v.reject(request.lat() == null ? "lat" : "lng", "give both lat and lng, or neither");
        }
        v.range("lat", request.lat(), -90, 90);
        v.range("lng", request.lng(), -180, 180);
        if (request.lat() == null && request.lng() == null && address == null) {
            v.reject("lat", "give a location: lat and lng, or an address");
        }
        Category category = null;
        if (request.categoryCode() != null) {
            category = catalog.category(request.categoryCode()).orElse(null);
            if (category == null) {
                v.reject("categoryCode", "no category " + abbreviate(request.categoryCode()));
            } else if (!category.isLeaf()) {
                v.reject("categoryCode", category.code() + " is a group; choose one of its items");
            }
        }
        v.throwIfInvalid();

        String gridCode = null;
        String detail;
        if (request.lat() != null) {
            GridLocation location = grids.locate(request.lat(), request.lng()).orElseThrow(() ->
                    ApiProblemException.unprocessable("lat", "the point " + request.lat() + ", " + request.lng()
                            + " lies outside every grid of this district"));
            gridCode = location.gridCode();
            detail = "located in " + location.gridName() + " (" + gridCode + ")";
        } else {
            detail = "no coordinates; located by address only";
        }
        // No category given: the classifier's best suggestion is taken when it is sure enough.
        CategoryAdvisor.Suggestion suggestion = null;
        if (category == null) {
            CategoryAdvisor classifier = categoryAdvisor.getIfAvailable();
            List<CategoryAdvisor.Suggestion> best = classifier == null ? List.of() : classifier.suggest(title, description, 1);
            if (!best.isEmpty() && best.get(0).confidence() >= classifier.autoDispatchThreshold()) {
                suggestion = best.get(0);
                category = catalog.category(suggestion.categoryCode()).filter(Category::isLeaf).orElse(null);
                if (category != null) {
                    detail += "; category " + category.code() + " " + category.name() + " by classifier v"
                            + suggestion.modelVersion() + " at " + String.format("%.2f", suggestion.confidence());
                } else {
                    suggestion = null;
                }
            }
        }
        WorkingCalendar calendar = calendars.calendar();
        Instant due = deadlines(calendar).dueFor(CaseState.RECEIVED, at, category);
        CaseRepository.Intake intake = new CaseRepository.Intake(request.channel(), title, description, request.lat(),
                request.lng(), address, gridCode, category == null ? null : category.code(), reporterName,
                reporterPhone, at, at.atZone(calendar.zone()).toLocalDate(), actor.username(), actor.role().name(),
                key, due, detail, suggestion == null ? null : suggestion.modelVersion(),
                suggestion == null ? null : suggestion.confidence());
        Optional<Case> created = repository.insert(intake);
        if (created.isEmpty()) {
            // A retry: this user already recorded a case under this key; answer with that case.
            long existing = repository.idByIdempotencyKey(actor.username(), key).orElseThrow();
            Case c = repository.find(existing, DataScope.ALL).orElseThrow();
            return new IntakeResult(details(c, repository.timeline(existing), actor), true);
        }
        TimelineEntry received = new TimelineEntry(at, actor.username(), actor.role().name(), CaseAction.RECEIVE, null,
                CaseState.RECEIVED, detail, null);
        if (suggestion != null) {
            // Sure of the category: dispatched at once by the routing rules, as a dispatcher would.
            try {
                long id = created.get().id();
                performAt(id, CaseAction.DISPATCH, ActionRequest.EMPTY, CLASSIFIER, at);
                // The recorder sees what they recorded, even when it went to a unit outside their scope.
                Case dispatched = repository.find(id, DataScope.ALL).orElseThrow();
                return new IntakeResult(details(dispatched, repository.timeline(id), actor), false);
            } catch (ApiProblemException notRoutable) {
                // The case stays received, categorised, for a dispatcher.
            }
        }
        // A case just made has no reporters linked from merges yet: nothing to read back.
        return new IntakeResult(details(created.get(), List.of(received), List.of(), actor), false);
    }

    // ---- reading ------------------------------------------------------------------------------

    /** A case as {@code viewer} may see it; outside the viewer's data scope it does not exist. */
    public CaseDetails get(long id, StaffMember viewer) {
        Case c = repository.find(id, scopes.scopeOf(viewer)).orElseThrow(() -> ApiProblemException.notFound("case", id));
        return details(c, repository.timeline(id), viewer);
    }

    /** One page of a case list, without timelines. */
    public record CaseList(List<CaseDetails> items, int page, int size, long total) {
    }

    /** One page of the cases within {@code viewer}'s data scope that match the filter. */
    public CaseList list(CaseFilter filter, StaffMember viewer) {
        CasePage page = repository.list(filter, scopes.scopeOf(viewer), clock.instant());
        return new CaseList(page.items().stream().map(c -> details(c, null, viewer)).toList(), page.page(), page.size(),
                page.total());
    }

    /** How many cases within {@code viewer}'s data scope match the filter. */
    public long count(CaseFilter filter, StaffMember viewer) {
        return repository.count(filter, scopes.scopeOf(viewer), clock.instant());
    }

    /**
     * Hands {@code reader} the cases within {@code viewer}'s scope that match the filter, newest
     * first, a batch at a time, up to {@code limit}; stops early when the reader returns false.
     */
    public void forEachBatch(CaseFilter filter, StaffMember viewer, long limit,
                             java.util.function.Predicate<List<CaseDetails>> reader) {
        repository.forEachBatch(filter, scopes.scopeOf(viewer), clock.instant(), 1_000, limit,
                batch -> reader.test(batch.stream().map(c -> details(c, null, viewer)).toList()));
    }

    /** The cases among {@code ids} within {@code viewer}'s data scope, without timelines, in id order. */
    public List<CaseDetails> summaries(List<Long> ids, StaffMember viewer) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return repository.findAll(ids, scopes.scopeOf(viewer)).stream().map(c -> details(c, null, viewer)).toList();
    }

    /** The reporter's name, phone and address unmasked, for a stated purpose; every call is logged. */
    public Reporter revealReporter(long id, String purpose, StaffMember viewer) {
        Validation v = new Validation();
        String why = v.requiredText("purpose", purpose, 500);
        v.throwIfInvalid();
        Case c = repository.find(id, scopes.scopeOf(viewer)).orElseThrow(() -> ApiProblemException.notFound("case", id));
        audit.recordPersonalDataAccess(viewer.username(), viewer.role().name(), id, why);
        return new Reporter(c.reporterName(), c.reporterPhone(), c.address());
    }

    /** What a resident may see of their own case: no personal data, no staff names. */
    public record PublicStatus(String code, CaseState state, String title, OffsetDateTime receivedAt,
                               OffsetDateTime updatedAt, String resolution, String mergedFromYourCode) {
    }

    /**
     * A resident's look-up (进度查询) by tracking code and the last four digits of the phone they
     * gave. A wrong code and a wrong phone look the same: 404.
     */
    public PublicStatus lookUp(String code, String phoneLastFour) {
        Validation v = new Validation();
        String trackingCode = v.requiredText("code", code, 32);
        String digits = v.requiredText("phone", phoneLastFour, 4);
        if (digits != null && !digits.matches("[0-9]{4}")) {
            v.reject("phone", "must be the last 4 digits of the phone number you gave");
        }
        v.throwIfInvalid();
        Case c = repository.findByCode(trackingCode)
                .filter(found -> phoneEndsWith(found.reporterPhone(), digits))
                .orElseThrow(() -> ApiProblemException.notFound("case", trackingCode));
        return publicStatus(c);
    }

    /** What the reporter of case {@code id} may see of it (for the answer to their own submission). */
    public PublicStatus publicStatus(long id) {
        return publicStatus(repository.find(id, DataScope.ALL).orElseThrow(() -> ApiProblemException.notFound("case", id)));
    }

    private PublicStatus publicStatus(Case c) {
        // A merged report is answered with the case that stayed, where its reporter is linked.
        Case shown = c.mergedInto() == null ? c : repository.find(c.mergedInto(), DataScope.ALL).orElse(c);
        ZoneId zone = calendars.calendar().zone();
        boolean done = shown.state() == CaseState.RESOLVED || shown.state() == CaseState.VERIFIED
                || shown.state() == CaseState.RATED || shown.state() == CaseState.CLOSED;
        return new PublicStatus(shown.code(), shown.state(), shown.title(), at(shown.receivedAt(), zone),
                at(shown.updatedAt(), zone), done ? shown.resolution() : null, shown == c ? null : c.code());
    }

    /** What a resident submits on the public page: a phone to look the case up by is required. */
    public record ResidentReport(String title, String description, Double lat, Double lng, String address,
                                 String reporterName, String reporterPhone) {
    }

    /**
     * A resident's own submission (居民随手拍/网上诉求), recorded as channel RESIDENT_ONLINE. A
     * retry with the same {@code submissionKey} answers with the case the first one made.
     */
    public IntakeResult receiveFromResident(ResidentReport report, String submissionKey) {
        Validation v = new Validation();
        v.requiredText("reporterPhone", report.reporterPhone(), 20);
        v.throwIfInvalid();
        return receive(new NewCase(Channel.RESIDENT_ONLINE, report.title(), report.description(), report.lat(),
                report.lng(), report.address(), null, report.reporterName(), report.reporterPhone()), RESIDENT,
                submissionKey);
    }

    /**
     * The reporter's rating (回访评价) of a resolved case, given on the public page with the
     * tracking code and the last four digits of their phone. A merged report rates the case that
     * stayed. Ratings are 1-5 stars; a case is rated once.
     */
    public PublicStatus rateByReporter(String code, String phoneLastFour, Integer stars, String note) {
        PublicStatus status = lookUp(code, phoneLastFour);
        Case c = repository.findByCode(status.code()).orElseThrow(() -> ApiProblemException.notFound("case", code));
        performAt(c.id(), CaseAction.RATE, new ActionRequest(null, null, null, stars, note, null, null, null), RESIDENT,
                clock.instant());
        return lookUp(code, phoneLastFour);
    }

    private static boolean phoneEndsWith(String phone, String digits) {
        return phone != null && phone.replaceAll("[^0-9]", "").endsWith(digits);
    }

    /** A reporter's personal data. */
    public record Reporter(String name, String phone, String address) {
    }

    // ---- transitions --------------------------------------------------------------------------

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
        return transition(id, action, staff, at, (c, actor, category, deadlines) ->
                apply(c, action, body, note, actor, category, deadlines, at));
    }

    /** Merges case {@code id} into {@code intoId}: both change in one transaction, or neither. */
    private CaseDetails merge(long id, Long intoId, String note, StaffMember staff, Instant at) {
        if (intoId == null) {
            throw ApiProblemException.invalid("intoCaseId", "is required");
        }
        CaseActor actor = new CaseActor(staff, Set.of());
        DataScope scope = scopes.scopeOf(staff);
        Boolean saved = transactions.execute(tx -> {
            Case source = repository.find(id, scope).orElseThrow(() -> ApiProblemException.notFound("case", id));
            Case target = repository.find(intoId, scope).orElseThrow(() -> ApiProblemException.invalid("intoCaseId",
                    "no case " + intoId));
            source.mergeInto(actor, target, note, at);
            if (!repository.save(source) || !repository.save(target)) {
                tx.setRollbackOnly();
                return false;
            }
            repository.linkReporter(target.id(), source);
            return true;
        });
        if (!Boolean.TRUE.equals(saved)) {
            throw ApiProblemException.conflict("concurrent-change", "Changed by someone else",
                    "one of the two cases changed at the same moment; reload and try again").with("action", "merge");
        }
        return get(id, staff);
    }

    /**
     * Open or recent cases within {@code radiusMeters} of case {@code id}, received within
     * {@code window} of it, in a category starting with {@code categoryPrefix}, that the viewer
     * may see: the raw material of duplicate detection.
     */
    public List<Case> nearby(Case around, StaffMember viewer, double radiusMeters, java.time.Duration window,
                             String categoryPrefix) {
        if (around.lat() == null || around.lng() == null) {
            return List.of();
        }
        double dLat = radiusMeters / 111_320.0;
        double dLng = radiusMeters / (111_320.0 * Math.cos(Math.toRadians(around.lat())));
        return repository.near(around.id(), around.lat() - dLat, around.lat() + dLat, around.lng() - dLng,
                around.lng() + dLng, around.receivedAt().minus(window), around.receivedAt().plus(window), categoryPrefix,
                scopes.scopeOf(viewer), 200);
    }

    /** The case as an aggregate, if the viewer may see it. */
    public Case find(long id, StaffMember viewer) {
        return repository.find(id, scopes.scopeOf(viewer)).orElseThrow(() -> ApiProblemException.notFound("case", id));
    }

    /** One change to one case, decided by the aggregate, saved with optimistic locking. */
    private interface Change {
        void apply(Case c, CaseActor actor, Category category, StepDeadlinePolicy deadlines);
    }

    private CaseDetails transition(long id, CaseAction action, StaffMember staff, Instant at, Change change) {
        DataScope scope = scopes.scopeOf(staff);
        // A grid worker's scope is exactly their grids (DataScopePolicy): no second look-up.
        CaseActor actor = new CaseActor(staff, staff.role() == Role.GRID_WORKER ? Set.copyOf(scope.gridPrefixes()) : Set.of());
        StepDeadlinePolicy deadlines = deadlines(calendars.calendar());
        Boolean saved = transactions.execute(tx -> {
            Case c = repository.find(id, scope).orElseThrow(() -> ApiProblemException.notFound("case", id));
            Category category = c.categoryCode() == null ? null : catalog.category(c.categoryCode()).orElse(null);
            change.apply(c, actor, category, deadlines);
            return repository.save(c);
        });
        if (!Boolean.TRUE.equals(saved)) {
            CaseState current = repository.find(id, scope).map(Case::state).orElse(null);
            throw ApiProblemException.conflict("concurrent-change", "Changed by someone else",
                            "another action on this case was taken at the same moment; reload and try again")
                    .with("action", action.pathName())
                    .with("currentState", current);
        }
        return get(id, staff);
    }

    private void apply(Case c, CaseAction action, ActionRequest body, String note, CaseActor actor, Category category,
                       StepDeadlinePolicy deadlines, Instant at) {
        Validation v = new Validation();
        switch (action) {
            case DISPATCH -> {
                if (body.unitId() != null) {
                    Unit unit = requireUnit(v, body.unitId(), true);
                    v.throwIfInvalid();
                    c.dispatch(actor, unit.id(), unit.name(), "chosen by the dispatcher", note, at, deadlines);
                } else {
                    c.check(CaseAction.DISPATCH, actor);
                    Optional<OwnerAdvisor.Advice> advice = advisor.ownerFor(category, c.gridCode());
                    if (advice.isPresent()) {
                        c.dispatch(actor, advice.get().unitId(), advice.get().unitName(), advice.get().explanation(), note,
                                at, deadlines);
                    } else {
                        c.sendToArbitration(actor, "no routing rule finds an owner (category " + c.categoryCode()
                                + ", grid " + c.gridCode() + ")", at, deadlines);
                    }
                }
            }
            case ACCEPT -> c.accept(actor, category, note, at, deadlines);
            case RETURN -> {
                ReturnReason reason = parseReason(v, body.reason());
                v.throwIfInvalid();
                c.returnToDispatch(actor, reason, note, at, deadlines);
            }
            case RESOLVE -> {
                String result = v.requiredText("result", body.result(), Validation.MAX_TEXT);
                v.throwIfInvalid();
                c.resolve(actor, result, at, deadlines, category);
            }
            case VERIFY -> {
                v.required("passed", body.passed());
                v.throwIfInvalid();
                c.verify(actor, body.passed(), note, at, deadlines, category);
            }
            case RATE -> {
                v.required("stars", body.stars());
                v.range("stars", body.stars(), 1, 5);
                v.throwIfInvalid();
                c.rate(actor, body.stars(), note, at, deadlines, category);
            }
            case CLOSE -> c.close(actor, note, at);
            case VOID -> {
                String reason = v.requiredText("reason", body.reason(), Validation.MAX_TEXT);
                v.throwIfInvalid();
                c.voidCase(actor, reason, at);
            }
            case ESCALATE -> {
                String reason = v.requiredText("reason", body.reason(), Validation.MAX_TEXT);
                v.throwIfInvalid();
                c.check(CaseAction.ESCALATE, actor); // the level above is known only for a case that has an owner
                if (body.unitId() != null) {
                    Unit target = requireUnit(v, body.unitId(), true);
                    v.throwIfInvalid();
                    c.escalate(actor, target.id(), target.name(), "chosen by the unit", reason, at, deadlines);
                    return;
                }
                Optional<OwnerAdvisor.Advice> above = directory.unit(c.ownerUnitId())
                        .flatMap(owner -> advisor.ownerAbove(category, c.gridCode(), owner.kind().level()));
                if (above.isPresent()) {
                    c.escalate(actor, above.get().unitId(), above.get().unitName(), above.get().explanation(), reason, at,
                            deadlines);
                    return;
                }
                Unit target = parentOf(v, c.ownerUnitId());
                v.throwIfInvalid();
                c.escalate(actor, target.id(), target.name(), "the unit above the owner", reason, at, deadlines);
            }
            case REQUEST_EXTENSION -> {
                v.required("workingDays", body.workingDays());
                v.range("workingDays", body.workingDays(), 1, StepDeadlinePolicy.MAX_EXTENSION_DAYS);
                String reason = v.requiredText("reason", body.reason(), Validation.MAX_TEXT);
                v.throwIfInvalid();
                c.requestExtension(actor, body.workingDays(), reason, at);
            }
            case APPROVE_EXTENSION -> c.decideExtension(actor, body.approved() == null || body.approved(), note, at, deadlines);
            case URGE -> c.urge(actor, note, at);
            case CATEGORISE -> {
                Category chosen = leafCategory(v, body.categoryCode());
                v.throwIfInvalid();
                c.categorise(actor, chosen.code(), note, at);
            }
            case WHISTLE -> {
                Unit lead = requireUnit(v, body.unitId(), true);
                List<Long> coHandlers = body.coHandlerUnitIds() == null ? List.of() : body.coHandlerUnitIds();
                if (coHandlers.isEmpty() || coHandlers.size() > JointHandlingPolicy.MAX_CO_HANDLERS) {
                    v.reject("coHandlerUnitIds", "name 1 to " + JointHandlingPolicy.MAX_CO_HANDLERS + " co-handling units");
                }
                coHandlers.forEach(u -> requireUnit(v, u, true));
                v.throwIfInvalid();
                boolean streetOfficeHere = directory.unit(actor.staff().unitId() == null ? -1 : actor.staff().unitId())
                        .filter(u -> u.kind() == UnitKind.STREET_OFFICE)
                        .filter(u -> c.gridCode() != null && c.gridCode().startsWith(u.regionCode()))
                        .isPresent();
                c.whistle(actor, streetOfficeHere, lead.id(), lead.name(), coHandlers, note, at, deadlines);
            }
            case REPORT_IN -> {
                String part = v.requiredText("result", body.result(), Validation.MAX_TEXT);
                v.throwIfInvalid();
                c.reportIn(actor, part, at);
            }
            case ARBITRATE -> {
                Unit unit = requireUnit(v, body.unitId(), true);
                v.throwIfInvalid();
                c.arbitrate(actor, unit.id(), unit.name(), false, note, at, deadlines);
                if (Boolean.TRUE.equals(body.saveAsRule()) && c.categoryCode() != null && c.gridCode() != null) {
                    advisor.learn(c.categoryCode(), c.gridCode(), unit.id(), actor.username());
                }
            }
            case RECEIVE -> throw ApiProblemException.invalid("action", "use POST /api/cases to record a case");
        }
    }

    /** A co-handler's report-in that is past its deadline. */
    public record OverdueReportIn(long caseId, long unitId, String unitName, OffsetDateTime dueAt) {
    }

    /** Report-ins past their deadline, within the viewer's scope, the oldest first. */
    public List<OverdueReportIn> overdueReportIns(StaffMember viewer) {
        ZoneId zone = calendars.calendar().zone();
        return repository.overdueReportIns(scopes.scopeOf(viewer), clock.instant()).stream()
                .map(r -> new OverdueReportIn(r.caseId(), r.unitId(), directory.unit(r.unitId()).map(Unit::name).orElse(null),
                        at(r.dueAt(), zone)))
                .toList();
    }

    /** Open cases on which the viewer's unit was summoned as a co-handler and has not reported in. */
    public List<CaseDetails> awaitingReportIn(StaffMember viewer) {
        if (viewer.unitId() == null) {
            return List.of();
        }
        return repository.awaitingReportIn(viewer.unitId(), scopes.scopeOf(viewer)).stream()
                .map(c -> details(c, null, viewer)).toList();
    }

    /** The cases waiting in the arbitration queue, the most urgent first. */
    public List<CaseDetails> arbitrationQueue(StaffMember viewer) {
        return repository.inArbitration(scopes.scopeOf(viewer), 200).stream().map(c -> details(c, null, viewer)).toList();
    }

    /**
     * Hands every case whose arbitration deadline has passed to its fallback owner: the street
     * office of its location, or the command centre for a case without one. Returns how many.
     */
    public int applyArbitrationFallback(StaffMember system) {
        Instant now = clock.instant();
        int handed = 0;
        for (long id : repository.arbitrationOverdue(now, 500)) {
            Case c = repository.find(id, DataScope.ALL).orElseThrow();
            Optional<Unit> fallback = c.gridCode() == null ? Optional.empty()
                    : directory.unitServing(new GridCode(c.gridCode()).ancestorAt(GridLevel.STREET).value(),
                            UnitKind.STREET_OFFICE, null);
            Unit owner = fallback.or(() -> directory.units().stream()
                    .filter(u -> u.kind() == UnitKind.COMMAND_CENTRE).findFirst()).orElse(null);
            if (owner == null) {
                continue;
            }
            try {
                transition(id, CaseAction.ARBITRATE, system, now, (c2, actor, category, deadlines) ->
                        c2.arbitrate(actor, owner.id(), owner.name(), true, null, now, deadlines));
                handed++;
            } catch (ApiProblemException raced) {
                // Decided by a person at the same moment: theirs stands.
            }
        }
        return handed;
    }

    private Category leafCategory(Validation v, String code) {
        if (code == null || code.isBlank()) {
            v.reject("categoryCode", "is required");
            return null;
        }
        Category category = catalog.category(code).orElse(null);
        if (category == null) {
            v.reject("categoryCode", "no category " + abbreviate(code));
        } else if (!category.isLeaf()) {
            v.reject("categoryCode", category.code() + " is a group; choose one of its items");
        }
        return category;
    }

    private StepDeadlinePolicy deadlines(WorkingCalendar calendar) {
        return new StepDeadlinePolicy(calendar, ladder, id -> directory.unit(id).map(u -> u.kind().level()).orElse(null));
    }

    private Unit requireUnit(Validation v, Long unitId, boolean required) {
        if (unitId == null) {
            if (required) {
                v.reject("unitId", "is required");
            }
            return null;
        }
        Optional<Unit> unit = directory.unit(unitId);
        if (unit.isEmpty()) {
            v.reject("unitId", "unit " + unitId + " does not exist");
            return null;
        }
        return unit.get();
    }

    private Unit parentOf(Validation v, Long ownerUnitId) {
        Optional<Unit> parent = Optional.ofNullable(ownerUnitId).flatMap(directory::unit)
                .map(Unit::parentId).flatMap(directory::unit);
        if (parent.isEmpty()) {
            v.reject("unitId", "the owning unit has no unit above it; name the unit to escalate to");
            return null;
        }
        return parent.get();
    }

    private static ReturnReason parseReason(Validation v, String reason) {
        if (reason == null || reason.isBlank()) {
            v.reject("reason", "is required: one of " + List.of(ReturnReason.values()));
            return null;
        }
        try {
            return ReturnReason.valueOf(reason.strip());
        } catch (IllegalArgumentException e) {
            v.reject("reason", "must be one of " + List.of(ReturnReason.values()));
            return null;
        }
    }

    // ---- views --------------------------------------------------------------------------------

    CaseDetails details(Case c, List<TimelineEntry> timeline, StaffMember viewer) {
        return details(c, timeline, timeline == null ? null : repository.linkedReporters(c.id()), viewer);
    }

    /** With the timeline (and the linked reporters, read with it) for the detail view, or without both for a list. */
    private CaseDetails details(Case c, List<TimelineEntry> timeline, List<CaseRepository.LinkedReporter> linked,
                                StaffMember viewer) {
        boolean unmasked = PersonalDataPolicy.seesUnmasked(viewer.role());
        ZoneId zone = calendars.calendar().zone();
        Instant now = clock.instant();
        CaseDetails.OwnerUnit owner = c.ownerUnitId() == null ? null : new CaseDetails.OwnerUnit(c.ownerUnitId(),
                directory.unit(c.ownerUnitId()).map(Unit::name).orElse(null));
        String categoryName = c.categoryCode() == null ? null
                : catalog.category(c.categoryCode()).map(Category::name).orElse(null);
        List<CaseDetails.TimelineView> entries = timeline == null ? null : timeline.stream()
                .map(e -> new CaseDetails.TimelineView(at(e.at(), zone), e.actor(), e.actorRole(), e.action().pathName(),
                        e.from(), e.to(), e.detail(), e.note()))
                .toList();
        return new CaseDetails(c.id(), c.code(), c.state(), c.channel(), c.title(), c.description(), c.lat(), c.lng(),
                unmasked ? c.address() : PersonalDataPolicy.maskAddress(c.address()), c.gridCode(), c.categoryCode(), categoryName, owner, at(c.dueAt(), zone),
                c.state().isOpen() ? DeadlineColour.of(c.stepStartedAt(), c.dueAt(), now) : null,
                at(c.handlingDueAt(), zone), at(c.receivedAt(), zone), at(c.updatedAt(), zone),
                unmasked ? c.reporterName() : PersonalDataPolicy.maskName(c.reporterName()),
                unmasked ? c.reporterPhone() : PersonalDataPolicy.maskPhone(c.reporterPhone()), c.returnCount(), c.reworkCount(), c.extensionCount(), c.urgeCount(),
                c.escalationLevel(), c.pendingExtensionDays(), c.resolution(), c.stars(),
                c.stars() == null ? null : Satisfaction.fromStars(c.stars()), at(c.resolvedAt(), zone),
                at(c.closedAt(), zone), at(c.arbitrationDueAt(), zone), c.arbitrated(),
                c.coHandlers().isEmpty() ? null : c.coHandlers().stream().map(h -> new CaseDetails.CoHandlerView(h.unitId(),
                        directory.unit(h.unitId()).map(Unit::name).orElse(null), at(h.dueAt(), zone),
                        at(h.reportedAt(), zone), h.report(), h.overdue(now))).toList(),
                c.mergedInto(), linked(linked, unmasked), c.version(), entries);
    }

    /** Reporters linked from merged cases; read for the detail view only. */
    private static List<CaseDetails.LinkedReporterView> linked(List<CaseRepository.LinkedReporter> linked,
                                                               boolean unmasked) {
        return linked == null || linked.isEmpty() ? null : linked.stream().map(l -> new CaseDetails.LinkedReporterView(l.fromCaseId(),
                l.fromCaseCode(), unmasked ? l.name() : PersonalDataPolicy.maskName(l.name()),
                unmasked ? l.phone() : PersonalDataPolicy.maskPhone(l.phone()))).toList();
    }

    private static OffsetDateTime at(Instant instant, ZoneId zone) {
        return instant == null ? null : instant.atZone(zone).toOffsetDateTime();
    }

    private static String abbreviate(String text) {
        return text.length() > 40 ? text.substring(0, 40) + "..." : text;
    }
}
