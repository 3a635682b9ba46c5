package org.onegrid.cases;

/**
 * The reporter's verdict in the rating call (回访), from 1-5 stars: 4-5 satisfied (满意),
 * 3 basically satisfied (基本满意), 1-2 dissatisfied (不满意), which reopens the case.
 */
public enum Satisfaction {
    SATISFIED, BASICALLY_SATISFIED, DISSATISFIED;

    public static Satisfaction fromStars(int stars) {
        if (stars < 1 || stars > 5) {
            throw new IllegalArgumentException("stars must be 1 to 5, got " + stars);
        }
        return stars >= 4 ? SATISFIED : stars == 3 ? BASICALLY_SATISFIED : DISSATISFIED;
    }

    /** A dissatisfied reporter sends the case back to its unit to be done again (重办). */
    public boolean reopens() {
        return this == DISSATISFIED;
    }
}
