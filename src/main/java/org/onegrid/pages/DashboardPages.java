package org.onegrid.pages;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.onegrid.cases.CaseStatistics;
import org.onegrid.catalog.CatalogService;
import org.onegrid.catalog.Category;
import org.onegrid.directory.DirectoryService;
import org.onegrid.directory.Unit;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ResponseBody;

/**
 * The leader's big screen (领导驾驶舱): today and this month at a glance, the overdue list, the
 * breakdown by category and unit, a heat map of cases per grid and a 30-day trend. The figures
 * refresh themselves every minute.
 */
@Controller
class DashboardPages {

    private final CaseStatistics statistics;
    private final CatalogService catalog;
    private final DirectoryService directory;

    DashboardPages(CaseStatistics statistics, CatalogService catalog, DirectoryService directory) {
        this.statistics = statistics;
        this.catalog = catalog;
        this.directory = directory;
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
        Instant now = statistics.now();
        model.addAttribute("today", statistics.headline(statistics.startOfToday(), now.plusSeconds(1)));
        model.addAttribute("month", statistics.headline(statistics.startOfMonth(), now.plusSeconds(1)));
        model.addAttribute("overdue", statistics.overdue(15));
        model.addAttribute("zone", statistics.zone());
    }

    /** What the charts draw: this month by category, by unit and by grid, and the last 30 days. */
    @GetMapping(value = "/dashboard/data", produces = "application/json")
    @ResponseBody
    Map<String, Object> data() {
        Instant from = statistics.startOfMonth();
        Instant to = statistics.now().plusSeconds(1);
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("byCategory", statistics.byCategory(from, to, 12).stream()
                .map(c -> new CaseStatistics.Count(c.key(), c.key() == null ? "未分类" : catalog.category(c.key())
                        .map(Category::name).orElse(c.key()), c.received(), c.resolved(), c.overdue()))
                .toList());
        data.put("byUnit", statistics.byUnit(from, to, 12).stream()
                .map(c -> new CaseStatistics.Count(c.key(), directory.unit(Long.parseLong(c.key())).map(Unit::name)
                        .orElse(c.key()), c.received(), c.resolved(), c.overdue()))
                .toList());
        data.put("byGrid", statistics.byGrid(from, to));
        List<CaseStatistics.Day> trend = statistics.trend(30);
        data.put("trend", trend);
        return data;
    }
}
