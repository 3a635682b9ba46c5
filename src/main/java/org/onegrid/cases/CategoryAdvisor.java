package org.onegrid.cases;

import java.util.List;

/**
 * Suggests categories from a message's text: implemented by the dispatch module's classifier,
 * asked at intake when no category was given.
 */
public interface CategoryAdvisor {

    /** A suggested category code with the model's confidence (0-1) and the model's version. */
    record Suggestion(String categoryCode, double confidence, int modelVersion) {
    }

    /** The best suggestions, most likely first; empty when no model is trained yet. */
    List<Suggestion> suggest(String title, String description, int howMany);

    /** At or above this confidence a case is categorised and dispatched without a person. */
    double autoDispatchThreshold();
}
