package org.onegrid.pages;

import org.onegrid.assessment.DashboardFigures;
import org.onegrid.security.SignedIn;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ResponseBody;

/**
 * The leader's big screen (领导驾驶舱): today and this month at a glance, the overdue list, the
 * breakdown by category and unit, a heat map of cases per grid and a 30-day trend, all from
 * {@link DashboardFigures}. The figures refresh themselves every minute.
 */
@Controller
class DashboardPages {

    private final DashboardFigures figures;

    DashboardPages(DashboardFigures figures) {
        this.figures = figures;
    }

    @GetMapping("/dashboard")
    String dashboard(Model model) {
        figures(model);
        return "dashboard";
    }

    /** The headline tiles and the overdue list (an htmx fragment, refreshed every minute). */
    @GetMapping("/dashboard/figures")
    String figuresFragment(Model model) {
        figures(model);
        return "dashboard :: figures";
    }

    private void figures(Model model) {
        DashboardFigures.Headlines headlines = figures.headlines();
        model.addAttribute("today", headlines.today());
        model.addAttribute("month", headlines.month());
        model.addAttribute("overdue", figures.overdue(15, SignedIn.staff().orElseThrow()));
        model.addAttribute("zone", figures.zone());
        model.addAttribute("source", figures.readFrom());
    }

    /** What the charts draw: this month by category, by unit and by grid, and the last 30 days. */
    @GetMapping(value = "/dashboard/data", produces = "application/json")
    @ResponseBody
    DashboardFigures.Charts data() {
        return figures.charts();
    }
}
