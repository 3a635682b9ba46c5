package org.onegrid.cases;

import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.function.Predicate;
import org.onegrid.audit.AuditLog;
import org.onegrid.directory.StaffMember;
import org.onegrid.errors.ApiProblemException;
import org.onegrid.errors.Validation;
import org.onegrid.security.DataScopePolicy;
import org.onegrid.security.PersonalDataPolicy;
import org.springframework.stereotype.Service;

/**
 * Reading cases: one case, lists and counts, batches for exports, the reporter revealed for a
 * stated purpose, co-handling queues and the raw material of duplicate detection. Everything is
 * limited to the viewer's data scope ({@link DataScopePolicy}): outside it a case does not exist.
 */
@Service
public class CaseViews {

    /** One page of a case list, without timelines. */
    public record CaseList(List<CaseDetails> items, int page, int size, long total) {
    }

    /** A reporter's personal data. */
    public record Reporter(String name, String phone, String address) {
    }

    /** A co-handler's report-in that is past its deadline. */
    public record OverdueReportIn(long caseId, long unitId, String unitName, OffsetDateTime dueAt) {
    }

    /** A closed case's text and final category, for training. */
    public record TrainingExample(long id, String title, String description, String categoryCode) {
    }

    private final CaseRepository repository;
    private final CaseDetailsAssembler assembler;
    private final DataScopePolicy scopes;
    private final AuditLog audit;
    private final Clock clock;

    CaseViews(CaseRepository repository, CaseDetailsAssembler assembler, DataScopePolicy scopes, AuditLog audit,
              Clock clock) {
        this.repository = repository;
        this.assembler = assembler;
        this.scopes = scopes;
        this.audit = audit;
        this.clock = clock;
    }

    /** A case as {@code viewer} may see it, with its timeline; outside the viewer's data scope it does not exist. */
    public CaseDetails get(long id, StaffMember viewer) {
        return assembler.withTimeline(find(id, viewer), repository.timeline(id), viewer);
    }

    /** A case as {@code viewer} may see it, without its timeline. */
    public CaseDetails summary(long id, StaffMember viewer) {
        return assembler.summary(find(id, viewer), viewer);
    }

    /** One page of the cases within {@code viewer}'s data scope that match the filter. */
    public CaseList list(CaseFilter filter, StaffMember viewer) {
        CasePage page = repository.list(searchable(filter, viewer), scopes.scopeOf(viewer), clock.instant());
        return new CaseList(summariesOf(page.items(), viewer), page.page(), page.size(), page.total());
    }

    /** How many cases within {@code viewer}'s data scope match the filter. */
    public long count(CaseFilter filter, StaffMember viewer) {
        return repository.count(searchable(filter, viewer), scopes.scopeOf(viewer), clock.instant());
    }

    /**
     * Hands {@code reader} the cases within {@code viewer}'s scope that match the filter, newest
     * first, a batch at a time, up to {@code limit}; stops early when the reader returns false.
     */
    public void forEachBatch(CaseFilter filter, StaffMember viewer, long limit, Predicate<List<CaseDetails>> reader) {
        repository.forEachBatch(searchable(filter, viewer), scopes.scopeOf(viewer), clock.instant(), 1_000, limit,
                batch -> reader.test(summariesOf(batch, viewer)));
    }

    /** The filter with its search as {@code viewer} may run it: phones only for who sees them unmasked. */
    private static CaseFilter searchable(CaseFilter filter, StaffMember viewer) {
        return filter.search() == null || PersonalDataPolicy.seesUnmasked(viewer.role()) ? filter
                : filter.withSearch(filter.search().withoutPhones());
    }

    /** The cases among {@code ids} within {@code viewer}'s data scope, without timelines, in id order. */
    public List<CaseDetails> summaries(List<Long> ids, StaffMember viewer) {
        return ids.isEmpty() ? List.of() : summariesOf(repository.findAll(ids, scopes.scopeOf(viewer)), viewer);
    }

    /** The reporter's name, phone and address unmasked, for a stated purpose; every call is logged. */
    public Reporter revealReporter(long id, String purpose, StaffMember viewer) {
        Validation v = new Validation();
        String why = v.requiredText("purpose", purpose, 500);
        v.throwIfInvalid();
        CaseSnapshot c = find(id, viewer).snapshot();
        audit.recordPersonalDataAccess(viewer.username(), viewer.role().name(), id, why);
        return new Reporter(c.reporterName(), c.reporterPhone(), c.address());
    }

    /** Report-ins past their deadline, within the viewer's scope, the oldest first. */
    public List<OverdueReportIn> overdueReportIns(StaffMember viewer) {
        ZoneId zone = assembler.zone();
        return repository.overdueReportIns(scopes.scopeOf(viewer), clock.instant()).stream()
                .map(r -> new OverdueReportIn(r.caseId(), r.unitId(), assembler.unitName(r.unitId()),
                        CaseDetailsAssembler.at(r.dueAt(), zone)))
                .toList();
    }

    /** Open cases on which the viewer's unit was summoned as a co-handler and has not reported in. */
    public List<CaseDetails> awaitingReportIn(StaffMember viewer) {
        return viewer.unitId() == null ? List.of()
                : summariesOf(repository.awaitingReportIn(viewer.unitId(), scopes.scopeOf(viewer)), viewer);
    }

    /**
     * Cases within {@code radiusMeters} of {@code around}, received within {@code window} of it,
     * in a category starting with {@code categoryPrefix}, that the viewer may see: the raw
     * material of duplicate detection.
     */
    public List<CaseDetails> nearby(CaseDetails around, StaffMember viewer, double radiusMeters, Duration window,
                                    String categoryPrefix) {
        if (around.lat() == null || around.lng() == null) {
            return List.of();
        }
        double dLat = radiusMeters / 111_320.0;
        double dLng = radiusMeters / (111_320.0 * Math.cos(Math.toRadians(around.lat())));
        return summariesOf(repository.near(around.id(), around.lat() - dLat, around.lat() + dLat, around.lng() - dLng,
                around.lng() + dLng, around.receivedAt().toInstant().minus(window),
                around.receivedAt().toInstant().plus(window), categoryPrefix, scopes.scopeOf(viewer), 200), viewer);
    }

    /** Closed cases with the category people finally settled on, newest first. */
    public List<TrainingExample> trainingExamples(int limit) {
        return repository.trainingExamples(limit);
    }

    Case find(long id, StaffMember viewer) {
        return repository.find(id, scopes.scopeOf(viewer)).orElseThrow(() -> ApiProblemException.notFound("case", id));
    }

    List<CaseDetails> summariesOf(List<Case> cases, StaffMember viewer) {
        return cases.stream().map(c -> assembler.summary(c, viewer)).toList();
    }
}
