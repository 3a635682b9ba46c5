package org.onegrid.pages;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.onegrid.cases.ActionRequest;
import org.onegrid.cases.CaseAction;
import org.onegrid.cases.CaseDetails;
import org.onegrid.cases.CaseFilter;
import org.onegrid.cases.CaseViews;
import org.onegrid.cases.CaseTransitions;
import org.onegrid.cases.ArbitrationDesk;
import org.onegrid.cases.CaseState;
import org.onegrid.directory.DirectoryService;
import org.onegrid.directory.StaffMember;
import org.onegrid.errors.ApiProblemException;
import org.onegrid.errors.Refusal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The dispatcher's queue (派遣): cases waiting for an owner, overdue and near-deadline first;
 * returned cases with their reasons; the arbitration queue; extensions to approve. Selected
 * cases are dispatched together, each by its routing rule or to one chosen unit.
 */
@Controller
class DispatchPages {

    private final CaseViews cases;
    private final CaseTransitions transitions;
    private final ArbitrationDesk arbitration;
    private final DirectoryService directory;

    DispatchPages(CaseViews cases, CaseTransitions transitions, ArbitrationDesk arbitration, DirectoryService directory) {
        this.cases = cases;
        this.transitions = transitions;
        this.arbitration = arbitration;
        this.directory = directory;
    }

    @GetMapping("/dispatch")
    String queue(Model model, StaffMember me) {
        List<CaseDetails> arbitration = this.arbitration.queue(me);
        List<Long> inArbitration = arbitration.stream().map(CaseDetails::id).toList();
        List<CaseDetails> waiting = Stream.concat(open(CaseState.RECEIVED, me).stream(), open(CaseState.RETURNED, me).stream())
                .filter(c -> !inArbitration.contains(c.id()))
                .sorted(CaseDetails.MOST_URGENT_FIRST).toList();
        model.addAttribute("waiting", waiting);
        model.addAttribute("arbitration", arbitration);
        model.addAttribute("extensions", open(CaseState.ACCEPTED, me).stream()
                .filter(c -> c.pendingExtensionDays() != null).toList());
        model.addAttribute("units", directory.units());
        return "dispatch";
    }

    private List<CaseDetails> open(CaseState state, StaffMember me) {
        return cases.list(new CaseFilter(state, null, null, null, null, null, null, 0, CaseFilter.MAX_PAGE_SIZE), me).items();
    }

    /** Dispatches every selected case: to the chosen unit, or where its routing rule sends it. */
    @PostMapping("/dispatch/bulk")
    String bulk(@RequestParam(name = "ids", required = false) List<Long> ids,
                @RequestParam(name = "unitId", required = false) Long unitId, StaffMember me, RedirectAttributes flash) {
        if (ids == null || ids.isEmpty()) {
            flash.addFlashAttribute("bulkError", "none-selected");
            return "redirect:/dispatch";
        }
        int done = 0;
        List<String> refused = new ArrayList<>();
        for (long id : ids.stream().distinct().limit(CaseFilter.MAX_PAGE_SIZE).toList()) {
            try {
                transitions.perform(id, CaseAction.DISPATCH, new ActionRequest(unitId, null, null, null, null, null, null, null), me);
                done++;
            } catch (ApiProblemException | Refusal problem) {
                refused.add("#" + id + ": " + problem.getMessage());
            }
        }
        flash.addFlashAttribute("dispatched", done);
        flash.addFlashAttribute("refused", refused);
        return "redirect:/dispatch";
    }
}
