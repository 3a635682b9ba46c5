package org.onegrid.pages;

import java.util.List;
import org.onegrid.cases.CaseDetails;
import org.onegrid.cases.CaseFilter;
import org.onegrid.cases.CaseViews;
import org.onegrid.cases.CaseState;
import org.onegrid.directory.DirectoryService;
import org.onegrid.directory.StaffMember;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * A unit's inbox (承办): cases to sign for, cases in hand with their deadlines, and cases the
 * unit was summoned to as a co-handler and must report in on.
 */
@Controller
class InboxPages {

    private final CaseViews cases;
    private final DirectoryService directory;

    InboxPages(CaseViews cases, DirectoryService directory) {
        this.cases = cases;
        this.directory = directory;
    }

    @GetMapping("/inbox")
    String inbox(Model model, StaffMember me) {
        model.addAttribute("unit", me.unitId() == null ? null : directory.unit(me.unitId()).orElse(null));
        model.addAttribute("toSign", owned(CaseState.DISPATCHED, me));
        model.addAttribute("inHand", owned(CaseState.ACCEPTED, me));
        model.addAttribute("reportIns", cases.awaitingReportIn(me));
        return "inbox";
    }

    private List<CaseDetails> owned(CaseState state, StaffMember me) {
        if (me.unitId() == null) {
            return List.of();
        }
        return cases.list(new CaseFilter(state, me.unitId(), null, null, null, null, null, 0, CaseFilter.MAX_PAGE_SIZE), me)
                .items().stream().sorted(CaseDetails.MOST_URGENT_FIRST).toList();
    }
}
