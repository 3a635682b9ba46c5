package org.onegrid.cases;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import org.onegrid.catalog.CatalogService;
import org.onegrid.directory.Role;
import org.onegrid.directory.StaffMember;
import org.onegrid.errors.ApiProblemException;
import org.onegrid.errors.Validation;
import org.onegrid.security.DataScope;
import org.springframework.stereotype.Service;

/**
 * The residents' desk, with no account: a resident submits a request (居民随手拍/网上诉求), looks
 * their case up by its tracking code and the last four digits of their phone (进度查询), and
 * rates it once it is resolved (回访评价). A resident sees no personal data and no staff names.
 */
@Service
public class ResidentDesk {

    /**
     * The actor the timeline names for what a resident did on the public page (submitting,
     * rating); the resident is identified by the tracking code and phone digits, not an account.
     */
    public static final StaffMember RESIDENT = new StaffMember(0, "public:resident", "居民", Role.INTAKE_AGENT, null);

    /** What a resident may see of their own case: no personal data, no staff names. */
    public record PublicStatus(String code, CaseState state, String title, OffsetDateTime receivedAt,
                               OffsetDateTime updatedAt, String resolution, String mergedFromYourCode, boolean rateable) {
    }

    /** What a resident submits on the public page: a phone to look the case up by is required. */
    public record ResidentReport(String title, String description, Double lat, Double lng, String address,
                                 String reporterName, String reporterPhone) {
    }

    private final CaseRepository repository;
    private final CaseIntake intake;
    private final CaseTransitions transitions;
    private final CaseDetailsAssembler assembler;
    private final CatalogService catalog;
    private final Clock clock;

    ResidentDesk(CaseRepository repository, CaseIntake intake, CaseTransitions transitions,
                 CaseDetailsAssembler assembler, CatalogService catalog, Clock clock) {
        this.catalog = catalog;
        this.repository = repository;
        this.intake = intake;
        this.transitions = transitions;
        this.assembler = assembler;
        this.clock = clock;
    }

    /**
     * A resident's own submission, recorded as channel RESIDENT_ONLINE. A retry with the same
     * {@code submissionKey} and phone answers with the case the first one made ({@link IdempotencyPolicy}).
     */
    public CaseIntake.IntakeResult receiveFromResident(ResidentReport report, String submissionKey) {
        Validation v = new Validation();
        v.requiredText("reporterPhone", report.reporterPhone(), 20);
        v.throwIfInvalid();
        return intake.receive(new NewCase(Channel.RESIDENT_ONLINE, report.title(), report.description(), report.lat(),
                report.lng(), report.address(), null, report.reporterName(), report.reporterPhone()), RESIDENT,
                submissionKey);
    }

    /** A look-up by tracking code and the last four digits of the phone given. A wrong code and a wrong phone look the same: 404. */
    public PublicStatus lookUp(String code, String phoneLastFour) {
        return publicStatus(reportersCase(code, phoneLastFour));
    }

    /** The id of the case a resident proves to be theirs by its code and their phone's last four digits (404 otherwise). */
    public long reportersCaseId(String code, String phoneLastFour) {
        return reportersCase(code, phoneLastFour).id();
    }

    /** What the reporter of case {@code id} may see of it (for the answer to their own submission). */
    public PublicStatus publicStatus(long id) {
        return publicStatus(repository.find(id, DataScope.ALL).orElseThrow(() -> ApiProblemException.notFound("case", id)));
    }

    /**
     * The reporter's rating of a resolved case, 1-5 stars, given once. A merged report rates the
     * case that stayed.
     */
    public PublicStatus rateByReporter(String code, String phoneLastFour, Integer stars, String note) {
        Case c = shown(reportersCase(code, phoneLastFour));
        transitions.performAt(c.id(), CaseAction.RATE, new ActionRequest(null, null, null, stars, note, null, null, null),
                RESIDENT, clock.instant());
        return lookUp(code, phoneLastFour);
    }

    private Case reportersCase(String code, String phoneLastFour) {
        Validation v = new Validation();
        String trackingCode = v.requiredText("code", code, 32);
        String digits = v.requiredText("phone", phoneLastFour, 4);
        if (digits != null && !digits.matches("[0-9]{4}")) {
            v.reject("phone", "must be the last 4 digits of the phone number you gave");
        }
        v.throwIfInvalid();
        return repository.findByCode(trackingCode)
                .filter(found -> phoneEndsWith(found.loaded().reporterPhone(), digits))
                .orElseThrow(() -> ApiProblemException.notFound("case", trackingCode));
    }

    /** A merged report is answered with the case that stayed, where its reporter is linked. */
    private Case shown(Case c) {
        return c.mergedInto() == null ? c : repository.find(c.mergedInto(), DataScope.ALL).orElse(c);
    }

    private PublicStatus publicStatus(Case c) {
        CaseSnapshot shown = shown(c).snapshot();
        ZoneId zone = assembler.zone();
        boolean done = shown.state().resolved();
        return new PublicStatus(shown.code(), shown.state(), shown.title(), CaseDetailsAssembler.at(shown.receivedAt(), zone),
                CaseDetailsAssembler.at(shown.updatedAt(), zone), done ? shown.resolution() : null,
                shown.id() == c.id() ? null : c.code(), rateable(shown));
    }

    /** Whether the resident may rate now: the rating comes after the site check where the category needs one. */
    private boolean rateable(CaseSnapshot shown) {
        return TransitionRules.offers(CaseAction.RATE, RESIDENT.role(), shown.state()) && SiteCheckPolicy.mayRate(
                shown.state(), shown.categoryCode() == null ? null : catalog.category(shown.categoryCode()).orElse(null));
    }

    private static boolean phoneEndsWith(String phone, String digits) {
        return phone != null && phone.replaceAll("[^0-9]", "").endsWith(digits);
    }
}
