package org.onegrid.cases;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import org.onegrid.calendar.CalendarService;
import org.onegrid.catalog.CatalogService;
import org.onegrid.catalog.Category;
import org.onegrid.directory.DirectoryService;
import org.onegrid.directory.StaffMember;
import org.onegrid.directory.Unit;
import org.onegrid.security.PersonalDataPolicy;
import org.springframework.stereotype.Component;

/**
 * Turns a {@link Case} into the {@link CaseDetails} a viewer may see: names of the unit and
 * category, times in the calendar's zone, the deadline's colour, and the reporter masked unless
 * {@link PersonalDataPolicy} lets the viewer's role see them.
 */
@Component
class CaseDetailsAssembler {

    private final CaseRepository repository;
    private final DirectoryService directory;
    private final CatalogService catalog;
    private final CalendarService calendars;
    private final Clock clock;

    CaseDetailsAssembler(CaseRepository repository, DirectoryService directory, CatalogService catalog,
                         CalendarService calendars, Clock clock) {
        this.repository = repository;
        this.directory = directory;
        this.catalog = catalog;
        this.calendars = calendars;
        this.clock = clock;
    }

    /** With its timeline and linked reporters, for the detail view. */
    CaseDetails withTimeline(Case c, List<TimelineEntry> timeline, StaffMember viewer) {
        return details(c, timeline, repository.linkedReporters(c.id()), viewer);
    }

    /** Without timeline and linked reporters, for a list. */
    CaseDetails summary(Case c, StaffMember viewer) {
        return details(c, null, null, viewer);
    }

    /** A case just recorded: its first timeline entry, no reporters linked from merges yet. */
    CaseDetails justRecorded(Case c, TimelineEntry received, StaffMember viewer) {
        return details(c, List.of(received), List.of(), viewer);
    }

    ZoneId zone() {
        return calendars.calendar().zone();
    }

    private CaseDetails details(Case c, List<TimelineEntry> timeline, List<CaseRepository.LinkedReporter> linked,
                                StaffMember viewer) {
        CaseSnapshot s = c.snapshot();
        boolean unmasked = PersonalDataPolicy.seesUnmasked(viewer.role());
        ZoneId zone = zone();
        Instant now = clock.instant();
        CaseDetails.OwnerUnit owner = s.ownerUnitId() == null ? null
                : new CaseDetails.OwnerUnit(s.ownerUnitId(), unitName(s.ownerUnitId()));
        String categoryName = s.categoryCode() == null ? null
                : catalog.category(s.categoryCode()).map(Category::name).orElse(null);
        List<CaseDetails.TimelineView> entries = timeline == null ? null : timeline.stream()
                .map(e -> new CaseDetails.TimelineView(at(e.at(), zone), e.actor(), e.actorRole(), e.action().pathName(),
                        e.from(), e.to(), e.detail(), e.note()))
                .toList();
        List<CaseDetails.CoHandlerView> coHandlers = c.coHandlers().all().isEmpty() ? null : c.coHandlers().all().stream()
                .map(h -> new CaseDetails.CoHandlerView(h.unitId(), unitName(h.unitId()), at(h.dueAt(), zone),
                        at(h.reportedAt(), zone), h.report(), h.overdue(now)))
                .toList();
        return new CaseDetails(s.id(), s.code(), s.state(), s.channel(), s.title(), s.description(), s.lat(), s.lng(),
                unmasked ? s.address() : PersonalDataPolicy.maskAddress(s.address()), s.gridCode(), s.placeCode(),
                s.categoryCode(),
                categoryName, owner, at(s.dueAt(), zone),
                s.state().isOpen() ? DeadlineColour.of(s.stepStartedAt(), s.dueAt(), now) : null,
                at(s.handlingDueAt(), zone), at(s.receivedAt(), zone), at(s.updatedAt(), zone),
                unmasked ? s.reporterName() : PersonalDataPolicy.maskName(s.reporterName()),
                unmasked ? s.reporterPhone() : PersonalDataPolicy.maskPhone(s.reporterPhone()), s.returnCount(),
                s.reworkCount(), s.extensionCount(), s.urgeCount(), s.escalationLevel(), s.pendingExtensionDays(),
                s.resolution(), s.stars(), s.stars() == null ? null : Satisfaction.fromStars(s.stars()),
                at(s.resolvedAt(), zone), at(s.closedAt(), zone), at(s.arbitrationDueAt(), zone), s.arbitrated(),
                coHandlers, s.mergedInto(), linked(linked, unmasked), s.version(), entries);
    }

    String unitName(long unitId) {
        return directory.unit(unitId).map(Unit::name).orElse(null);
    }

    /** Reporters linked from merged cases; read for the detail view only. */
    private static List<CaseDetails.LinkedReporterView> linked(List<CaseRepository.LinkedReporter> linked,
                                                               boolean unmasked) {
        return linked == null || linked.isEmpty() ? null : linked.stream()
                .map(l -> new CaseDetails.LinkedReporterView(l.fromCaseId(), l.fromCaseCode(),
                        unmasked ? l.name() : PersonalDataPolicy.maskName(l.name()),
                        unmasked ? l.phone() : PersonalDataPolicy.maskPhone(l.phone())))
                .toList();
    }

    static OffsetDateTime at(Instant instant, ZoneId zone) {
        return instant == null ? null : instant.atZone(zone).toOffsetDateTime();
    }
}
