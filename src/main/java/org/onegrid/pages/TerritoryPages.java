package org.onegrid.pages;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.onegrid.errors.ApiProblemException;
import org.onegrid.grid.GridLevel;
import org.onegrid.grid.GridNode;
import org.onegrid.grid.GridService;
import org.onegrid.grid.TerritoryLevel;
import org.onegrid.grid.TerritoryLevels;
import org.onegrid.directory.StaffMember;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The administrator's territory page: the levels the deployment uses, renamed or added between
 * tiers (a town's 管区), and the tree from the district down to its communities and villages,
 * with the number of base grids under each.
 */
@Controller
class TerritoryPages {

    /** One line of the tree: a node above the base grids, indented by its depth. */
    record TreeRow(String code, String name, String levelKey, int depth, long grids) {
    }

    private final GridService grids;
    private final TerritoryLevels levels;

    TerritoryPages(GridService grids, TerritoryLevels levels) {
        this.grids = grids;
        this.levels = levels;
    }

    @GetMapping("/admin/territory")
    String territory(Model model) {
        List<TreeRow> rows = new ArrayList<>();
        grids.list(GridLevel.DISTRICT, null).forEach(d -> addRows(d, 0, rows));
        Map<String, Long> counts = new HashMap<>();
        grids.list(null, null).forEach(n -> counts.merge(n.levelKey(), 1L, Long::sum));
        model.addAttribute("levels", levels.list());
        Map<String, TerritoryLevel> byKey = new HashMap<>();
        levels.list().forEach(l -> byKey.put(l.key(), l));
        model.addAttribute("levelsByKey", byKey);
        model.addAttribute("counts", counts);
        model.addAttribute("tree", rows);
        return "admin-territory";
    }

    @PostMapping("/admin/territory/levels")
    String define(@RequestParam Map<String, String> typed, StaffMember me, RedirectAttributes flash) {
        Map<String, String> errors = new HashMap<>();
        Integer length = FormErrors.parsed("codeLength", IntakePages.blankToNull(typed.get("codeLength")), Integer::valueOf,
                "a number of digits", errors);
        try {
            if (errors.isEmpty()) {
                levels.define(typed.get("key"), new TerritoryLevels.LevelForm(typed.get("nameZh"), typed.get("nameEn"), length),
                        me.username());
                flash.addFlashAttribute("saved", typed.get("key"));
            }
        } catch (ApiProblemException refused) {
            FormErrors.collect(refused, errors);
        }
        flash.addFlashAttribute("errors", errors);
        return "redirect:/admin/territory";
    }

    private void addRows(GridNode node, int depth, List<TreeRow> rows) {
        if (node.level() == GridLevel.GRID) {
            return;
        }
        long under = grids.list(GridLevel.GRID, node.code().value()).size();
        rows.add(new TreeRow(node.code().value(), node.name(), node.levelKey(), depth, under));
        grids.children(node.code().value()).forEach(child -> addRows(child, depth + 1, rows));
    }
}
