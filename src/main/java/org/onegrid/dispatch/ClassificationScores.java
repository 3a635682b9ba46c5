package org.onegrid.dispatch;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Accuracy and macro-F1 (the mean over categories of the harmonic mean of precision and recall)
 * of predictions against the truth; one place for both the evaluation command and the scores
 * stored with each model version.
 */
public record ClassificationScores(double accuracy, double macroF1, Map<String, PerLabel> perLabel, int n) {

    /** Precision, recall and F1 of one category, and how many test rows had it. */
    public record PerLabel(double precision, double recall, double f1, int support) {
    }

    public static ClassificationScores of(List<String> actual, List<String> predicted) {
        Map<String, int[]> counts = new TreeMap<>(); // true positives, predicted, actual
        int correct = 0;
        for (int i = 0; i < actual.size(); i++) {
            counts.computeIfAbsent(actual.get(i), k -> new int[3])[2]++;
            counts.computeIfAbsent(predicted.get(i), k -> new int[3])[1]++;
            if (actual.get(i).equals(predicted.get(i))) {
                counts.get(actual.get(i))[0]++;
                correct++;
            }
        }
        Map<String, PerLabel> perLabel = new TreeMap<>();
        counts.forEach((label, v) -> {
            double precision = v[1] == 0 ? 0 : (double) v[0] / v[1];
            double recall = v[2] == 0 ? 0 : (double) v[0] / v[2];
            double f1 = precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall);
            perLabel.put(label, new PerLabel(precision, recall, f1, v[2]));
        });
        double macroF1 = perLabel.values().stream().mapToDouble(PerLabel::f1).average().orElse(0);
        return new ClassificationScores(actual.isEmpty() ? 0 : (double) correct / actual.size(), macroF1, perLabel,
                actual.size());
    }
}
