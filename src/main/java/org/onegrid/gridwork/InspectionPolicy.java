package org.onegrid.gridwork;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.onegrid.errors.Validation;

/**
 * An inspection (检查) answers every item of its checklist once, pass or fail; a failed item says
 * what was wrong, and opens a case at the place (channel INSPECTION) for the owner to put right.
 */
final class InspectionPolicy {

    private InspectionPolicy() {
    }

    static void check(Validation v, int itemCount, List<Inspections.ItemResult> results) {
        if (results == null || results.isEmpty()) {
            v.reject("results", "answer each of the checklist's " + itemCount + " items");
            return;
        }
        Set<Integer> answered = new HashSet<>();
        for (int i = 0; i < results.size(); i++) {
            Inspections.ItemResult r = results.get(i);
            String field = "results[" + i + "]";
            if (r == null || r.item() == null || r.item() < 1 || r.item() > itemCount) {
                v.reject(field + ".item", "must be an item number from 1 to " + itemCount);
                continue;
            }
            if (!answered.add(r.item())) {
                v.reject(field + ".item", "item " + r.item() + " is answered twice");
            }
            if (r.passed() == null) {
                v.reject(field + ".passed", "is required");
            } else if (!r.passed() && (r.note() == null || r.note().isBlank())) {
                v.reject(field + ".note", "say what was wrong with a failed item");
            }
        }
        if (answered.size() < itemCount) {
            v.reject("results", "answer each of the checklist's " + itemCount + " items; " + answered.size() + " answered");
        }
    }
}
