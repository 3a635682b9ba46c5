package org.onegrid.dispatch;

import de.bwaldvogel.liblinear.Feature;
import de.bwaldvogel.liblinear.FeatureNode;
import de.bwaldvogel.liblinear.Linear;
import de.bwaldvogel.liblinear.Model;
import de.bwaldvogel.liblinear.Parameter;
import de.bwaldvogel.liblinear.Problem;
import de.bwaldvogel.liblinear.SolverType;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/**
 * Suggests a category from a message's Chinese title and description with an NB-SVM (Wang and
 * Manning, 2012): TF-IDF weighted terms ({@link TextFeatures}), scaled for each category by the
 * naive Bayes log-count ratio of the terms (how much more often a term appears in that
 * category's messages than in the others'), and one linear SVM per category from LIBLINEAR
 * (L2-regularised, L2 loss). Because the scaling is per term, each category's model folds into
 * one weight vector over the terms. Measured against a plain one-against-the-rest SVM on the
 * same features: macro-F1 0.92 against 0.91 (docs/benchmarks.md).
 * <p>
 * Each suggestion carries a confidence: the softmax of the per-category decision values times
 * {@link #CONFIDENCE_SCALE}, near 1 when one category stands clearly above the rest. It is not a
 * calibrated probability; the auto-dispatch threshold is to be set against measured precision.
 */
public final class CategoryClassifier {

    /** One suggestion: a category label and the model's confidence in it (0-1, summing to 1). */
    public record Suggestion(String label, double confidence) {
    }

    /**
     * At most this many weights (categories x terms, 64 MB as floats): with more terms than
     * fit, the terms seen in the fewest training messages are left out. Every term counts
     * otherwise; leaving out the terms seen only once cost 0.7 points of macro-F1.
     */
    static final int MAX_WEIGHTS = 16_000_000;
    /**
     * The first number of a stored model: a new one whenever {@link TextFeatures} changes, so that
     * a model stored before is never read with terms it was not trained on. (Models stored before
     * this mark existed begin with their number of labels, a positive number.)
     */
    static final int STORED_FORM = -2;
    /** LIBLINEAR's cost of a misclassified message; 3 measured best of 1, 3 and 10. */
    static final double COST = 3.0;
    /** Smoothing of the naive Bayes counts. */
    static final double ALPHA = 1.0;
    /** Decision values of a linear SVM lie around -1..1; scaled, a clear winner gets most of the mass. */
    static final double CONFIDENCE_SCALE = 4.0;

    private final Map<String, Integer> vocabulary;
    private final double[] idf;
    private final String[] labels;
    /** Per category, the folded weights over term indexes 1..n (floats: 73 categories x 100,000 terms is 29 MB). */
    private final float[][] weights;
    private final double[] bias;

    private CategoryClassifier(Map<String, Integer> vocabulary, double[] idf, String[] labels, float[][] weights,
                               double[] bias) {
        this.vocabulary = vocabulary;
        this.idf = idf;
        this.labels = labels;
        this.weights = weights;
        this.bias = bias;
    }

    public static CategoryClassifier train(List<LabelledText> examples) {
        Linear.disableDebugOutput();
        List<Map<String, Integer>> documents = new ArrayList<>(examples.size());
        Map<String, Integer> documentFrequency = new HashMap<>();
        for (LabelledText e : examples) {
            Map<String, Integer> terms = TextFeatures.terms(e.title(), e.text());
            documents.add(terms);
            terms.keySet().forEach(t -> documentFrequency.merge(t, 1, Integer::sum));
        }
        Map<String, Integer> vocabulary = new HashMap<>();
        String[] labels = examples.stream().map(LabelledText::label).distinct().sorted().toArray(String[]::new);
        documentFrequency.entrySet().stream()
                .sorted(Map.Entry.<String, Integer>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .limit(MAX_WEIGHTS / Math.max(1, labels.length))
                .map(Map.Entry::getKey)
                .forEach(t -> vocabulary.put(t, vocabulary.size() + 1));
        int n = vocabulary.size();
        double[] idf = new double[n + 1];
        vocabulary.forEach((t, i) -> idf[i] = Math.log((1.0 + examples.size()) / (1.0 + documentFrequency.get(t))) + 1.0);

        Map<String, Integer> labelIndex = new HashMap<>();
        for (int i = 0; i < labels.length; i++) {
            labelIndex.put(labels[i], i);
        }
        Feature[][] vectors = new Feature[examples.size()][];
        int[] y = new int[examples.size()];
        double[][] presence = new double[labels.length][n + 1];
        double[] everywhere = new double[n + 1];
        for (int d = 0; d < examples.size(); d++) {
            vectors[d] = vector(documents.get(d), vocabulary, idf);
            y[d] = labelIndex.get(examples.get(d).label());
            for (Feature f : vectors[d]) {
                presence[y[d]][f.getIndex()]++;
                everywhere[f.getIndex()]++;
            }
        }
        float[][] weights = new float[labels.length][];
        double[] bias = new double[labels.length];
        for (int c = 0; c < labels.length; c++) {
            double[] ratio = logCountRatio(presence[c], everywhere, n);
            // LIBLINEAR wants the bias as a last feature of every instance, index n + 1.
            Problem problem = new Problem();
            problem.l = examples.size();
            problem.n = n + 1;
            problem.bias = 1;
            problem.x = new Feature[examples.size()][];
            problem.y = new double[examples.size()];
            for (int d = 0; d < examples.size(); d++) {
                Feature[] scaled = new Feature[vectors[d].length + 1];
                for (int k = 0; k < vectors[d].length; k++) {
                    int j = vectors[d][k].getIndex();
                    scaled[k] = new FeatureNode(j, vectors[d][k].getValue() * ratio[j]);
                }
                scaled[vectors[d].length] = new FeatureNode(n + 1, 1.0);
                problem.x[d] = scaled;
                problem.y[d] = y[d] == c ? 1 : -1;
            }
            // Each side of the one-against-the-rest problem weighs as much as the other, so that a
            // small category is not drowned by the rest (macro-F1 counts every category alike).
            int members = 0;
            for (int label : y) {
                members += label == c ? 1 : 0;
            }
            Parameter parameter = new Parameter(SolverType.L2R_L2LOSS_SVC_DUAL, COST, 0.01);
            parameter.setWeights(new double[] {y.length / (2.0 * members), y.length / (2.0 * (y.length - members))},
                    new int[] {1, -1});
            Model model = Linear.train(problem, parameter);
            double[] w = model.getFeatureWeights();
            double sign = model.getLabels()[0] == 1 ? 1 : -1;
            weights[c] = new float[n + 1];
            for (int j = 1; j <= n; j++) {
                weights[c][j] = (float) (sign * w[j - 1] * ratio[j]);
            }
            bias[c] = sign * w[n];
        }
        return new CategoryClassifier(vocabulary, idf, labels, weights, bias);
    }

    /** log((p / |p|) / (q / |q|)) with p the smoothed presence in the category, q elsewhere. */
    private static double[] logCountRatio(double[] inCategory, double[] everywhere, int n) {
        double pSum = 0;
        double qSum = 0;
        for (int j = 1; j <= n; j++) {
            pSum += ALPHA + inCategory[j];
            qSum += ALPHA + everywhere[j] - inCategory[j];
        }
        double[] ratio = new double[n + 1];
        for (int j = 1; j <= n; j++) {
            ratio[j] = Math.log(((ALPHA + inCategory[j]) / pSum) / ((ALPHA + everywhere[j] - inCategory[j]) / qSum));
        }
        return ratio;
    }

    /** Every label with its confidence, most likely first. */
    public List<Suggestion> suggest(String title, String text) {
        Feature[] x = vector(TextFeatures.terms(title, text), vocabulary, idf);
        double[] values = new double[labels.length];
        for (int c = 0; c < labels.length; c++) {
            double score = bias[c];
            for (Feature f : x) {
                score += weights[c][f.getIndex()] * f.getValue();
            }
            values[c] = score;
        }
        double max = Arrays.stream(values).max().orElse(0);
        double sum = 0;
        for (int i = 0; i < values.length; i++) {
            values[i] = Math.exp(CONFIDENCE_SCALE * (values[i] - max));
            sum += values[i];
        }
        List<Suggestion> suggestions = new ArrayList<>();
        for (int i = 0; i < values.length; i++) {
            suggestions.add(new Suggestion(labels[i], values[i] / sum));
        }
        suggestions.sort(Comparator.comparingDouble(Suggestion::confidence).reversed());
        return suggestions;
    }

    public String predict(String title, String text) {
        return suggest(title, text).get(0).label();
    }

    public int vocabularySize() {
        return vocabulary.size();
    }

    /** Writes the whole model (labels, vocabulary, weights) compressed, for storing a version. */
    public byte[] toBytes() {
        try {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            try (DataOutputStream out = new DataOutputStream(new GZIPOutputStream(bytes))) {
                out.writeInt(STORED_FORM);
                out.writeInt(labels.length);
                for (String label : labels) {
                    out.writeUTF(label);
                }
                out.writeInt(vocabulary.size());
                for (Map.Entry<String, Integer> term : vocabulary.entrySet()) {
                    out.writeUTF(term.getKey());
                    out.writeInt(term.getValue());
                    out.writeDouble(idf[term.getValue()]);
                }
                for (int c = 0; c < labels.length; c++) {
                    out.writeDouble(bias[c]);
                    for (int j = 1; j <= vocabulary.size(); j++) {
                        out.writeFloat(weights[c][j]);
                    }
                }
            }
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The stored model, or empty when it was stored with other features than these (train a new one). */
    public static Optional<CategoryClassifier> fromBytes(byte[] stored) {
        try (DataInputStream in = new DataInputStream(new GZIPInputStream(new ByteArrayInputStream(stored)))) {
            if (in.readInt() != STORED_FORM) {
                return Optional.empty();
            }
            String[] labels = new String[in.readInt()];
            for (int i = 0; i < labels.length; i++) {
                labels[i] = in.readUTF();
            }
            int n = in.readInt();
            Map<String, Integer> vocabulary = new HashMap<>(n * 2);
            double[] idf = new double[n + 1];
            for (int i = 0; i < n; i++) {
                String term = in.readUTF();
                int index = in.readInt();
                vocabulary.put(term, index);
                idf[index] = in.readDouble();
            }
            float[][] weights = new float[labels.length][n + 1];
            double[] bias = new double[labels.length];
            for (int c = 0; c < labels.length; c++) {
                bias[c] = in.readDouble();
                for (int j = 1; j <= n; j++) {
                    weights[c][j] = in.readFloat();
                }
            }
            return Optional.of(new CategoryClassifier(vocabulary, idf, labels, weights, bias));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Sublinear TF-IDF, L2-normalised, features in index order as LIBLINEAR wants them. */
    private static Feature[] vector(Map<String, Integer> terms, Map<String, Integer> vocabulary, double[] idf) {
        TreeMap<Integer, Double> weights = new TreeMap<>();
        for (Map.Entry<String, Integer> term : terms.entrySet()) {
            Integer index = vocabulary.get(term.getKey());
            if (index != null) {
                weights.put(index, (1.0 + Math.log(term.getValue())) * idf[index]);
            }
        }
        double norm = Math.sqrt(weights.values().stream().mapToDouble(w -> w * w).sum());
        Feature[] x = new Feature[weights.size()];
        int i = 0;
        for (Map.Entry<Integer, Double> w : weights.entrySet()) {
            x[i++] = new FeatureNode(w.getKey(), norm == 0 ? 0 : w.getValue() / norm);
        }
        return x;
    }
}
