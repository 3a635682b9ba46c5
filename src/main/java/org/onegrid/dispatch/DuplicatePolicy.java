package org.onegrid.dispatch;

import java.time.Duration;
import org.onegrid.catalog.Category;
import org.onegrid.catalog.Urgency;

/**
 * When two reports are likely the same matter (重复件): a related category (the same group of the
 * catalogue), within a distance and a time window of each other, and similar text. The window
 * depends on the category: set per category by an administrator, else by urgency (an emergency is
 * reported by many people at once from further away, a routine matter over days from the same
 * spot):
 * <pre>
 * urgency     radius   window
 * EMERGENCY   500 m    24 h
 * URGENT      300 m    72 h
 * ROUTINE     200 m    7 days
 * </pre>
 * Score = 0.6 x text similarity (Jaccard of character bigrams) + 0.4 x closeness (1 at the same
 * spot, 0 at the radius); a candidate is offered at {@link #MIN_SCORE} or more.
 */
public final class DuplicatePolicy {

    /** How far and how long apart two reports may be. */
    public record Window(int radiusMeters, int windowHours) {
        public Duration duration() {
            return Duration.ofHours(windowHours);
        }
    }

    public static final double MIN_SCORE = 0.45;
    public static final double TEXT_WEIGHT = 0.6;

    private DuplicatePolicy() {
    }

    public static Window defaultWindow(Category category) {
        Urgency urgency = category == null || category.urgency() == null ? Urgency.ROUTINE : category.urgency();
        return switch (urgency) {
            case EMERGENCY -> new Window(500, 24);
            case URGENT -> new Window(300, 72);
            case ROUTINE -> new Window(200, 168);
        };
    }

    /** The group of the catalogue a category belongs to: its first two characters. */
    public static String relatedPrefix(String categoryCode) {
        return categoryCode.length() > 2 ? categoryCode.substring(0, 2) : categoryCode;
    }

    public static double score(double textSimilarity, double distanceMeters, int radiusMeters) {
        double closeness = Math.max(0, 1 - distanceMeters / radiusMeters);
        return TEXT_WEIGHT * textSimilarity + (1 - TEXT_WEIGHT) * closeness;
    }
}
