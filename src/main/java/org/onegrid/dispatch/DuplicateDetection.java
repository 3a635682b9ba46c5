package org.onegrid.dispatch;

import java.time.Duration;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.onegrid.audit.AuditLog;
import org.onegrid.cases.CaseDetails;
import org.onegrid.cases.CaseViews;
import org.onegrid.catalog.CatalogService;
import org.onegrid.catalog.Category;
import org.onegrid.directory.StaffMember;
import org.onegrid.errors.Validation;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/** Finds the likely duplicates of a case ({@link DuplicatePolicy}) for the agent or dispatcher to merge. */
@Service
public class DuplicateDetection {

    /**
     * A likely duplicate, with the figures behind its score. {@code mergeable}: whether a new call
     * may be merged into it; one already resolved, rated or closed is only shown as related, so
     * that it never swallows the call.
     */
    public record Candidate(long id, String code, String state, String title, String categoryCode, long distanceMeters,
                            long hoursApart, double textSimilarity, double score, boolean mergeable) {
    }

    private final CaseViews cases;
    private final CatalogService catalog;
    private final JdbcClient jdbc;
    private final AuditLog audit;

    DuplicateDetection(CaseViews cases, CatalogService catalog, JdbcClient jdbc, AuditLog audit) {
        this.cases = cases;
        this.catalog = catalog;
        this.jdbc = jdbc;
        this.audit = audit;
    }

    public List<Candidate> candidates(long caseId, StaffMember viewer) {
        CaseDetails around = cases.summary(caseId, viewer);
        if (around.categoryCode() == null || around.lat() == null) {
            return List.of();
        }
        Category category = catalog.category(around.categoryCode()).orElse(null);
        DuplicatePolicy.Window window = window(around.categoryCode(), category);
        Set<String> text = bigrams(around.title() + " " + around.description());
        return cases.nearby(around, viewer, window.radiusMeters(), window.duration(),
                        DuplicatePolicy.relatedPrefix(around.categoryCode())).stream()
                .map(other -> {
                    double distance = org.onegrid.grid.Distance.meters(around.lat(), around.lng(), other.lat(), other.lng());
                    double similarity = jaccard(text, bigrams(other.title() + " " + other.description()));
                    return new Candidate(other.id(), other.code(), other.state().name(), other.title(),
                            other.categoryCode(), Math.round(distance),
                            Math.abs(Duration.between(around.receivedAt(), other.receivedAt()).toHours()),
                            round(similarity), round(DuplicatePolicy.score(similarity, distance, window.radiusMeters())),
                            other.state().takesMerged());
                })
                .filter(c -> c.distanceMeters() <= window.radiusMeters() && c.score() >= DuplicatePolicy.MIN_SCORE)
                .sorted(Comparator.comparingDouble(Candidate::score).reversed())
                .limit(5)
                .toList();
    }

    /** An administrator's window for one category, replacing the default of its urgency. */
    public DuplicatePolicy.Window setWindow(String categoryCode, Integer radiusMeters, Integer windowHours, String actor) {
        Validation v = new Validation();
        if (catalog.category(categoryCode).isEmpty()) {
            v.reject("categoryCode", "no category " + (categoryCode.length() > 20 ? categoryCode.substring(0, 20) : categoryCode));
        }
        v.required("radiusMeters", radiusMeters);
        v.required("windowHours", windowHours);
        v.range("radiusMeters", radiusMeters, 1, 100_000);
        v.range("windowHours", windowHours, 1, 8760);
        v.throwIfInvalid();
        jdbc.sql("""
                INSERT INTO duplicate_window (category_code, radius_m, window_hours) VALUES (?, ?, ?)
                ON CONFLICT (category_code) DO UPDATE SET radius_m = EXCLUDED.radius_m, window_hours = EXCLUDED.window_hours
                """).params(categoryCode, radiusMeters, windowHours).update();
        audit.record(actor, "duplicate.window.set", "category " + categoryCode, radiusMeters + " m, " + windowHours + " h");
        return new DuplicatePolicy.Window(radiusMeters, windowHours);
    }

    DuplicatePolicy.Window window(String categoryCode, Category category) {
        Optional<DuplicatePolicy.Window> set = jdbc.sql("SELECT radius_m, window_hours FROM duplicate_window WHERE category_code = ?")
                .param(categoryCode).query((rs, i) -> new DuplicatePolicy.Window(rs.getInt(1), rs.getInt(2))).optional();
        return set.orElseGet(() -> DuplicatePolicy.defaultWindow(category));
    }

    static Set<String> bigrams(String text) {
        String s = TextFeatures.normalise(text).replaceAll("[^\\p{L}\\p{N}]", "");
        Set<String> grams = new HashSet<>();
        for (int i = 0; i + 1 < s.length(); i++) {
            grams.add(s.substring(i, i + 2));
        }
        return grams;
    }

    static double jaccard(Set<String> a, Set<String> b) {
        if (a.isEmpty() && b.isEmpty()) {
            return 0;
        }
        Set<String> common = new HashSet<>(a);
        common.retainAll(b);
        return (double) common.size() / (a.size() + b.size() - common.size());
    }

    private static double round(double value) {
        return Math.round(value * 1000) / 1000.0;
    }
}
