package org.onegrid.cases;

import java.util.List;
import java.util.Optional;

/**
 * 自动派单: a case recorded without a category takes the classifier's best suggestion when the
 * model is at least as sure as its automatic-dispatch threshold, and is then dispatched at once
 * by the routing rules, as a dispatcher would. Below the threshold, or with no trained model, the
 * case waits for a person. A case the routing rules cannot place stays received, categorised.
 */
final class AutoDispatchPolicy {

    private AutoDispatchPolicy() {
    }

    /** The suggestion intake acts on, if the best of {@code best} reaches {@code threshold}. */
    public static Optional<CategoryAdvisor.Suggestion> taken(List<CategoryAdvisor.Suggestion> best, double threshold) {
        return best.stream().findFirst().filter(s -> s.confidence() >= threshold);
    }
}
