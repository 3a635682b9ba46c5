package org.onegrid.dispatch.web;

import java.util.ArrayList;
import java.util.List;
import org.onegrid.cases.CaseDetails;
import org.onegrid.cases.CaseViews;
import org.onegrid.cases.OwnerAdvisor;
import org.onegrid.catalog.CatalogService;
import org.onegrid.catalog.Category;
import org.onegrid.directory.StaffMember;
import org.onegrid.dispatch.ClassifierService;
import org.onegrid.dispatch.LabelledText;
import org.onegrid.errors.ApiProblemException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** The category classifier: its versions, training, and its suggestions for a case. */
@RestController
class ClassifierController {

    /** A suggested category, how sure the model is, and who would own the case under it. */
    record CaseSuggestion(String categoryCode, String categoryName, double confidence, int modelVersion,
                          Long ownerUnitId, String ownerUnitName, String routing) {
    }

    private final ClassifierService classifier;
    private final CaseViews cases;
    private final CatalogService catalog;
    private final OwnerAdvisor routing;

    ClassifierController(ClassifierService classifier, CaseViews cases, CatalogService catalog, OwnerAdvisor routing) {
        this.classifier = classifier;
        this.cases = cases;
        this.catalog = catalog;
        this.routing = routing;
    }

    @GetMapping("/api/classifier/models")
    List<ClassifierService.ModelInfo> models() {
        return classifier.models();
    }

    /**
     * Trains a new version on the closed cases plus, optionally, a labelled file in the body
     * (tab-separated, header {@code id title text label}, labels are catalogue codes).
     */
    @PostMapping(value = "/api/classifier/train", consumes = {"text/tab-separated-values", "text/plain", "*/*"})
    @PreAuthorize("hasRole('ADMIN')")
    ResponseEntity<ClassifierService.ModelInfo> train(@RequestBody(required = false) String labelledFile, StaffMember admin) {
        List<LabelledText> labelled = parse(labelledFile);
        return classifier.train(labelled, labelled.isEmpty() ? "closed cases" : "closed cases and an uploaded file of "
                        + labelled.size() + " rows", admin.username())
                .map(m -> ResponseEntity.status(HttpStatus.CREATED).body(m))
                .orElseThrow(() -> ApiProblemException.conflict("training", "Training in progress",
                        "another instance is training a model right now"));
    }

    @org.springframework.web.bind.annotation.DeleteMapping("/api/classifier/models/{version}")
    @PreAuthorize("hasRole('ADMIN')")
    ResponseEntity<Void> withdraw(@PathVariable int version, StaffMember admin) {
        classifier.withdraw(version, admin.username());
        return ResponseEntity.noContent().build();
    }

    /** The top three categories for a case, each with the owner the routing rules would pick. */
    @GetMapping("/api/cases/{id}/suggestions")
    List<CaseSuggestion> suggestions(@PathVariable long id, StaffMember viewer) {
        CaseDetails c = cases.summary(id, viewer);
        return classifier.suggest(c.title(), c.description(), 3).stream().map(s -> {
            Category category = catalog.category(s.categoryCode()).orElse(null);
            var owner = routing.ownerFor(category, c.gridCode());
            return new CaseSuggestion(s.categoryCode(), category == null ? null : category.name(), s.confidence(),
                    s.modelVersion(), owner.map(OwnerAdvisor.Advice::unitId).orElse(null),
                    owner.map(OwnerAdvisor.Advice::unitName).orElse(null),
                    owner.map(OwnerAdvisor.Advice::explanation).orElse(null));
        }).toList();
    }

    private static List<LabelledText> parse(String file) {
        List<LabelledText> rows = new ArrayList<>();
        if (file == null || file.isBlank()) {
            return rows;
        }
        String[] lines = file.split("\r?\n");
        for (int i = 1; i < lines.length; i++) {
            String[] f = lines[i].split("\t", -1);
            if (f.length < 4) {
                throw ApiProblemException.invalid("body", "line " + (i + 1) + " needs 4 tab-separated fields: id title text label");
            }
            rows.add(new LabelledText(f[0], f[1], f[2], f[3].strip()));
        }
        return rows;
    }
}
