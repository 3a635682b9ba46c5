package org.onegrid.pages;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.onegrid.catalog.CatalogService;
import org.onegrid.catalog.Category;
import org.onegrid.cases.ActionRequest;
import org.onegrid.cases.CaseAction;
import org.onegrid.cases.CaseDetails;
import org.onegrid.cases.CaseFilter;
import org.onegrid.cases.CaseSearch;
import org.onegrid.cases.CaseViews;
import org.onegrid.cases.CaseIntake;
import org.onegrid.cases.CaseTransitions;
import org.onegrid.cases.CaseState;
import org.onegrid.cases.CategoryAdvisor;
import org.onegrid.cases.Channel;
import org.onegrid.cases.NewCase;
import org.onegrid.directory.StaffMember;
import org.onegrid.dispatch.DuplicateDetection;
import org.onegrid.errors.ApiProblemException;
import org.onegrid.errors.Refusal;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.StringUtils;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The agent's page (受理): a form for a call in progress, with the classifier's suggestions as
 * the text is typed, the case code to read back, and likely duplicates to merge; below it, the
 * residents' online submissions waiting for a category.
 */
@Controller
class IntakePages {

    /**
     * What the intake form carries; kept as typed so that an error loses nothing. {@code addressOnly}:
     * the caller cannot say where on the map, so the case is recorded by its address alone.
     */
    record IntakeForm(Channel channel, String title, String description, String lat, String lng, String address,
                      String categoryCode, String reporterName, String reporterPhone, String submissionKey,
                      Boolean addressOnly) {

        static IntakeForm blank() {
            return new IntakeForm(Channel.HOTLINE_12345, null, null, null, null, null, null, null, null,
                    UUID.randomUUID().toString(), null);
        }
    }

    /**
     * An address alone places a case on no grid: no routing rule, no grid worker, no map. The page
     * asks for the point on the map unless the agent says the caller cannot give one.
     */
    static final String ASK_FOR_A_POINT = "click the place on the map, or tick address only";

    private final CaseViews cases;
    private final CaseIntake intake;
    private final CaseTransitions transitions;
    private final CatalogService catalog;
    private final ObjectProvider<CategoryAdvisor> classifier;
    private final DuplicateDetection duplicates;

    IntakePages(CaseViews cases, CaseIntake intake, CaseTransitions transitions, CatalogService catalog, ObjectProvider<CategoryAdvisor> classifier,
                DuplicateDetection duplicates) {
        this.cases = cases;
        this.intake = intake;
        this.transitions = transitions;
        this.catalog = catalog;
        this.classifier = classifier;
        this.duplicates = duplicates;
    }

    @GetMapping("/intake")
    String form(Model model, StaffMember me) {
        return page(model, IntakeForm.blank(), me);
    }

    @PostMapping("/intake")
    String submit(@ModelAttribute("form") IntakeForm form, Model model, StaffMember me) {
        Map<String, String> errors = new HashMap<>();
        Double lat = FormErrors.number("lat", form.lat(), errors);
        Double lng = FormErrors.number("lng", form.lng(), errors);
        if (lat == null && form.address() != null && !form.address().isBlank() && !Boolean.TRUE.equals(form.addressOnly())) {
            errors.put("lat", ASK_FOR_A_POINT);
        }
        if (!errors.isEmpty()) {
            model.addAttribute("errors", errors);
            return page(model, form, me);
        }
        try {
            CaseIntake.IntakeResult result = intake.receive(new NewCase(form.channel(), form.title(), form.description(),
                    lat, lng, form.address(), blankToNull(form.categoryCode()), form.reporterName(),
                    form.reporterPhone()), me, form.submissionKey());
            return "redirect:/intake/done/" + result.details().id();
        } catch (ApiProblemException | Refusal refused) {
            FormErrors.show(model, refused);
            return page(model, form, me);
        }
    }

    private String page(Model model, IntakeForm form, StaffMember me) {
        model.addAttribute("form", form);
        model.addAttribute("channels", Channel.values());
        model.addAttribute("categories", catalog.leaves());
        model.addAttribute("submissions", awaitingCategory(me));
        return "intake";
    }

    /** The top three categories for the text typed so far (an htmx fragment). */
    @GetMapping("/intake/suggestions")
    String suggestions(@RequestParam(required = false) String title, @RequestParam(required = false) String description,
                       Model model) {
        CategoryAdvisor advisor = classifier.getIfAvailable();
        List<CategoryAdvisor.Suggestion> best = advisor == null || (!StringUtils.hasText(title) && !StringUtils.hasText(description)) ? List.of()
                : advisor.suggest(limit(title), limit(description), 3);
        model.addAttribute("suggestions", best.stream()
                .map(s -> new Suggested(s.categoryCode(), catalog.category(s.categoryCode()).map(Category::name)
                        .orElse(s.categoryCode()), Math.round(s.confidence() * 100)))
                .toList());
        model.addAttribute("classifierReady", advisor != null);
        return "intake :: suggestions";
    }

    record Suggested(String code, String name, long percent) {
    }

    /** The caller's earlier cases, found by the phone as it is typed (the agent sees phones unmasked). */
    @GetMapping("/intake/history")
    String history(@RequestParam(required = false) String reporterPhone, Model model, StaffMember me) {
        CaseSearch byPhone = CaseSearch.parse(reporterPhone == null || reporterPhone.length() > 20 ? null : reporterPhone);
        CaseViews.CaseList earlier = byPhone == null || byPhone.phoneDigits() == null ? null
                : cases.list(new CaseFilter(null, null, null, null, null, null, null, 0, HISTORY_SHOWN, byPhone), me);
        model.addAttribute("history", earlier == null ? List.of() : earlier.items());
        model.addAttribute("historyTotal", earlier == null ? 0 : earlier.total());
        return "intake :: history";
    }

    private static final int HISTORY_SHOWN = 10;

    /** After intake: the code to read back, and the cases this one may duplicate. */
    @GetMapping("/intake/done/{id}")
    String done(@PathVariable long id, Model model, StaffMember me) {
        model.addAttribute("created", cases.get(id, me));
        model.addAttribute("duplicates", duplicates.candidates(id, me));
        return "intake-done";
    }

    @PostMapping("/intake/done/{id}/merge")
    String merge(@PathVariable long id, @RequestParam long into, StaffMember me, RedirectAttributes flash) {
        transitions.perform(id, CaseAction.MERGE, new ActionRequest(null, null, null, null, null, null, null, null, null,
                null, into, null), me);
        flash.addFlashAttribute("message", "merged");
        return "redirect:/cases/" + into;
    }

    /** Sets the category of a resident's submission, so that it can be dispatched. */
    @PostMapping("/intake/review/{id}")
    String review(@PathVariable long id, @RequestParam(required = false) String categoryCode, StaffMember me,
                  RedirectAttributes flash) {
        try {
            CaseDetails done = transitions.perform(id, CaseAction.CATEGORISE, ActionRequest.categorise(blankToNull(categoryCode),
                    null), me);
            flash.addFlashAttribute("message", "categorised");
            flash.addFlashAttribute("messageCode", done.code());
        } catch (ApiProblemException | Refusal refused) {
            flash.addFlashAttribute("reviewError", refused.getMessage());
            flash.addFlashAttribute("reviewErrorCase", id);
        }
        return "redirect:/intake";
    }

    private List<CaseDetails> awaitingCategory(StaffMember me) {
        return cases.list(new CaseFilter(CaseState.RECEIVED, null, null, null, null, null, null, 0,
                CaseFilter.MAX_PAGE_SIZE), me).items().stream().filter(c -> c.categoryCode() == null).toList();
    }

    static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }

    private static String limit(String s) {
        return s == null ? "" : s.length() > 4000 ? s.substring(0, 4000) : s;
    }
}
