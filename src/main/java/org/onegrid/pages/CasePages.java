package org.onegrid.pages;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.onegrid.cases.ActionRequest;
import org.onegrid.cases.CaseAction;
import org.onegrid.cases.CaseDetails;
import org.onegrid.cases.CasePhotos;
import org.onegrid.cases.CaseViews;
import org.onegrid.cases.CaseTransitions;
import org.onegrid.cases.PhotoCheck;
import org.onegrid.cases.ReturnReason;
import org.onegrid.cases.TransitionRules;
import org.onegrid.catalog.CatalogService;
import org.onegrid.directory.DirectoryService;
import org.onegrid.directory.StaffMember;
import org.onegrid.errors.ApiProblemException;
import org.onegrid.eveningtalks.EveningTalks;
import org.onegrid.errors.Refusal;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

/**
 * The case page (案件详情): every field, the timeline, the location on the grid map, the photos,
 * the deadline in its colour, and a form for each action the reader's role may take from the
 * case's state. An action refused shows the reason beside its form with everything typed kept.
 */
@Controller
class CasePages {

    /** Actions that take a photo, and what the photo is of. */
    static final Map<CaseAction, CasePhotos.Purpose> PHOTO_ACTIONS = Map.of(
            CaseAction.RESOLVE, CasePhotos.Purpose.RESULT,
            CaseAction.VERIFY, CasePhotos.Purpose.VERIFICATION,
            CaseAction.REPORT_IN, CasePhotos.Purpose.PROGRESS);

    /** The fields of every action form, as typed. */
    record ActionForm(String unitId, String reason, String result, String stars, String note, String passed,
                      String approved, String workingDays, String saveAsRule, List<Long> coHandlerUnitIds,
                      String categoryCode, String back) {

        static ActionForm blank() {
            return new ActionForm(null, null, null, null, null, null, null, null, null, null, null, null);
        }
    }

    private final CaseViews cases;
    private final CaseTransitions transitions;
    private final CasePhotos photos;
    private final DirectoryService directory;
    private final CatalogService catalog;
    private final EveningTalks talks;

    CasePages(CaseViews cases, CaseTransitions transitions, CasePhotos photos, DirectoryService directory, CatalogService catalog,
              EveningTalks talks) {
        this.talks = talks;
        this.cases = cases;
        this.transitions = transitions;
        this.photos = photos;
        this.directory = directory;
        this.catalog = catalog;
    }

    @GetMapping("/cases/{id}")
    String show(@PathVariable long id, Model model, StaffMember me) {
        return page(id, model, me, ActionForm.blank(), null);
    }

    String page(long id, Model model, StaffMember me, ActionForm form, CaseAction open) {
        CaseDetails details = cases.get(id, me);
        model.addAttribute("c", details);
        model.addAttribute("photos", photos.of(id, me));
        model.addAttribute("actions", offered(details, me));
        model.addAttribute("form", form);
        model.addAttribute("openAction", open);
        model.addAttribute("units", directory.units());
        model.addAttribute("reasons", ReturnReason.values());
        model.addAttribute("categories", catalog.leaves());
        model.addAttribute("photoActions", PHOTO_ACTIONS.keySet());
        talks.topicOfCase(id).ifPresent(t -> model.addAttribute("talkTopic", t));
        return "case";
    }

    /** The actions to offer: those the role may take from this state, the arbitration only to a case awaiting it. */
    static List<CaseAction> offered(CaseDetails c, StaffMember me) {
        return Arrays.stream(CaseAction.values())
                .filter(a -> a != CaseAction.RECEIVE && a != CaseAction.MERGE)
                .filter(a -> TransitionRules.offers(a, me.role(), c.state()))
                .filter(a -> a != CaseAction.ARBITRATE || c.arbitrationDueAt() != null)
                .filter(a -> a != CaseAction.APPROVE_EXTENSION || c.pendingExtensionDays() != null)
                .filter(a -> a != CaseAction.REPORT_IN || c.coHandlers() != null && c.coHandlers().stream()
                        .anyMatch(h -> me.worksFor(h.unitId()) && h.reportedAt() == null))
                .toList();
    }

    @PostMapping("/cases/{id}/act/{action}")
    String act(@PathVariable long id, @PathVariable String action, @ModelAttribute("form") ActionForm form,
               @RequestParam(name = "photo", required = false) MultipartFile photo, Model model, StaffMember me) {
        CaseAction verb = CaseAction.fromPath(action).orElseThrow(() -> ApiProblemException.notFound("action", action));
        Map<String, String> errors = new HashMap<>();
        Optional<ActionOutcome> outcome = perform(id, verb, form, photo, me, errors);
        if (outcome.isPresent()) {
            return "redirect:" + safeBack(form.back(), "/cases/" + id);
        }
        model.addAttribute("errors", errors);
        return page(id, model, me, form, verb);
    }

    /** What an action did. */
    record ActionOutcome(CaseDetails details) {
    }

    /**
     * Takes the action with its optional photo: the photo is checked first, the action taken,
     * then the photo kept. Problems land in {@code errors} by field ({@code _} for the form).
     */
    Optional<ActionOutcome> perform(long id, CaseAction verb, ActionForm form, MultipartFile photo, StaffMember me,
                                    Map<String, String> errors) {
        Optional<PhotoCheck.Checked> checked = PhotoUpload.read(photos.check(), "photo", photo, errors);
        ActionRequest request = request(form, errors);
        if (!errors.isEmpty()) {
            return Optional.empty();
        }
        try {
            CaseDetails after = transitions.perform(id, verb, request, me);
            checked.ifPresent(p -> photos.add(id, PHOTO_ACTIONS.getOrDefault(verb, CasePhotos.Purpose.PROGRESS), p, me));
            return Optional.of(new ActionOutcome(after));
        } catch (ApiProblemException | Refusal refused) {
            FormErrors.collect(refused, errors);
            return Optional.empty();
        }
    }

    private static ActionRequest request(ActionForm f, Map<String, String> errors) {
        Double unit = FormErrors.number("unitId", f.unitId(), errors);
        Double stars = FormErrors.number("stars", f.stars(), errors);
        Double days = FormErrors.number("workingDays", f.workingDays(), errors);
        return new ActionRequest(unit == null ? null : unit.longValue(), IntakePages.blankToNull(f.reason()),
                f.result(), stars == null ? null : stars.intValue(), f.note(), bool(f.passed()), bool(f.approved()),
                days == null ? null : days.intValue(), bool(f.saveAsRule()), f.coHandlerUnitIds(), null,
                IntakePages.blankToNull(f.categoryCode()));
    }

    private static Boolean bool(String value) {
        return value == null || value.isBlank() ? null : Boolean.valueOf(value.trim());
    }

    /** Only a path on this site, never another host. */
    static String safeBack(String back, String otherwise) {
        return back != null && back.startsWith("/") && !back.startsWith("//") && !back.contains("\\")
                && !back.contains(":") ? back : otherwise;
    }

    @GetMapping("/cases/{id}/photos/{photoId}")
    ResponseEntity<byte[]> photo(@PathVariable long id, @PathVariable long photoId,
                                 @RequestParam(defaultValue = "false") boolean thumbnail, StaffMember me) {
        CasePhotos.Image image = photos.image(id, photoId, thumbnail, me);
        return ResponseEntity.ok().contentType(MediaType.parseMediaType(image.contentType()))
                .cacheControl(CacheControl.noCache().cachePrivate())
                .header("X-Content-Type-Options", "nosniff")
                .body(image.data());
    }
}
