package org.onegrid.dispatch;

import com.carrotsearch.hppc.LongIntHashMap;
import com.carrotsearch.hppc.cursors.LongIntCursor;
import de.bwaldvogel.liblinear.Feature;
import de.bwaldvogel.liblinear.FeatureNode;
import de.bwaldvogel.liblinear.Linear;
import de.bwaldvogel.liblinear.Model;
import de.bwaldvogel.liblinear.Parameter;
import de.bwaldvogel.liblinear.Problem;
import de.bwaldvogel.liblinear.SolverType;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
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
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/**
 * Suggests a category from a message's Chinese title and description with an NB-SVM (Wang and
 * Manning, 2012) together with a {@link HiddenLayerNetwork} over the same terms. The NB-SVM:
 * TF-IDF weighted terms ({@link TextFeatures}), scaled for each category by the naive Bayes
 * log-count ratio of the terms (how much more often a term appears in that category's messages
 * than in the others'), and one linear SVM per category from LIBLINEAR (L2-regularised, L2
 * loss). Because the scaling is per term, each category's model folds into one weight vector
 * over the terms. Measured against a plain one-against-the-rest SVM on the same features:
 * macro-F1 0.92 against 0.91; with the network beside it, 0.927 (docs/benchmarks.md).
 * <p>
 * Each suggestion carries a confidence: the NB-SVM's per-category decision values times
 * {@link #CONFIDENCE_SCALE} through a softmax, and the network's probabilities, averaged as
 * logarithms (a geometric mean) and normalised; near 1 when both models put one category clearly
 * above the rest. It is not a calibrated probability; the auto-dispatch threshold is to be set
 * against measured precision.
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
    static final int STORED_FORM = -3;
    /** LIBLINEAR's cost of a misclassified message; 3 measured best of 1, 3 and 10. */
    static final double COST = 3.0;
    /** Smoothing of the naive Bayes counts. */
    static final double ALPHA = 1.0;
    /**
     * Decision values of a linear SVM lie around -1..1; scaled, a clear winner gets most of the
     * mass. Also how much the NB-SVM counts against the network: 8 measured best of 4, 6, 8 and 12
     * (macro-F1 0.9253, 0.9258, 0.9274, 0.9267).
     */
    static final double CONFIDENCE_SCALE = 8.0;
    /** The network's share of a suggestion's logarithm; the NB-SVM has the rest. */
    static final double NETWORK_SHARE = 0.5;
    /** The network starts from random weights drawn from this seed: the same examples give the same model. */
    static final long NETWORK_SEED = 1;

    /** Term code ({@link TextFeatures#code}) to its index, 1..n; 0 for a term not in it. */
    private final LongIntHashMap vocabulary;
    private final double[] idf;
    private final String[] labels;
    /** Per category, the folded weights over term indexes 1..n (floats: 73 categories x 100,000 terms is 29 MB). */
    private final float[][] weights;
    private final double[] bias;
    private final HiddenLayerNetwork network;

    private CategoryClassifier(LongIntHashMap vocabulary, double[] idf, String[] labels, float[][] weights,
                               double[] bias, HiddenLayerNetwork network) {
        this.vocabulary = vocabulary;
        this.idf = idf;
        this.labels = labels;
        this.weights = weights;
        this.bias = bias;
        this.network = network;
    }

    public static CategoryClassifier train(List<LabelledText> examples) {
        Linear.disableDebugOutput();
        List<LongIntHashMap> documents = new ArrayList<>(examples.size());
        LongIntHashMap documentFrequency = new LongIntHashMap();
        for (LabelledText e : examples) {
            LongIntHashMap terms = TextFeatures.terms(e.title(), e.text());
            documents.add(terms);
            for (LongIntCursor term : terms) {
                documentFrequency.addTo(term.key, 1);
            }
        }
        String[] labels = examples.stream().map(LabelledText::label).distinct().sorted().toArray(String[]::new);
        // The terms in the most messages first (ties by code), as many as the weights allow.
        long[] byFrequency = new long[documentFrequency.size()];
        int t = 0;
        for (LongIntCursor term : documentFrequency) {
            byFrequency[t++] = term.key;
        }
        byFrequency = Arrays.stream(byFrequency).boxed()
                .sorted(Comparator.<Long>comparingInt(documentFrequency::get).reversed().thenComparing(Comparator.naturalOrder()))
                .limit(MAX_WEIGHTS / Math.max(1, labels.length))
                .mapToLong(Long::longValue).toArray();
        int n = byFrequency.length;
        LongIntHashMap vocabulary = new LongIntHashMap(n);
        double[] idf = new double[n + 1];
        int[] documentsOfTerm = new int[n + 1];
        for (int i = 1; i <= n; i++) {
            vocabulary.put(byFrequency[i - 1], i);
            documentsOfTerm[i] = documentFrequency.get(byFrequency[i - 1]);
            idf[i] = Math.log((1.0 + examples.size()) / (1.0 + documentsOfTerm[i])) + 1.0;
        }

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
        HiddenLayerNetwork network = HiddenLayerNetwork.train(vectors, y, labels.length, documentsOfTerm, NETWORK_SEED);
        return new CategoryClassifier(vocabulary, idf, labels, weights, bias, network);
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
            values[c] = CONFIDENCE_SCALE * score;
        }
        double[] fromSvm = HiddenLayerNetwork.logSoftmax(values);
        double[] fromNetwork = network.logProbabilities(x);
        double[] both = new double[labels.length];
        for (int c = 0; c < labels.length; c++) {
            both[c] = (1 - NETWORK_SHARE) * fromSvm[c] + NETWORK_SHARE * fromNetwork[c];
        }
        double[] confidence = HiddenLayerNetwork.logSoftmax(both);
        List<Suggestion> suggestions = new ArrayList<>();
        for (int c = 0; c < labels.length; c++) {
            suggestions.add(new Suggestion(labels[c], Math.exp(confidence[c])));
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
            try (DataOutputStream out = new DataOutputStream(new BufferedOutputStream(new GZIPOutputStream(bytes)))) {
                out.writeInt(STORED_FORM);
                out.writeInt(labels.length);
                for (String label : labels) {
                    out.writeUTF(label);
                }
                out.writeInt(vocabulary.size());
                for (LongIntCursor term : vocabulary) {
                    out.writeLong(term.key);
                    out.writeInt(term.value);
                    out.writeDouble(idf[term.value]);
                }
                for (int c = 0; c < labels.length; c++) {
                    out.writeDouble(bias[c]);
                    for (int j = 1; j <= vocabulary.size(); j++) {
                        out.writeFloat(weights[c][j]);
                    }
                }
                network.write(out);
            }
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The stored model, or empty when it was stored with other features than these (train a new one). */
    public static Optional<CategoryClassifier> fromBytes(byte[] stored) {
        try (DataInputStream in = new DataInputStream(
                new BufferedInputStream(new GZIPInputStream(new ByteArrayInputStream(stored))))) {
            if (in.readInt() != STORED_FORM) {
                return Optional.empty();
            }
            String[] labels = new String[in.readInt()];
            for (int i = 0; i < labels.length; i++) {
                labels[i] = in.readUTF();
            }
            int n = in.readInt();
            LongIntHashMap vocabulary = new LongIntHashMap(n);
            double[] idf = new double[n + 1];
            for (int i = 0; i < n; i++) {
                long term = in.readLong();
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
            return Optional.of(new CategoryClassifier(vocabulary, idf, labels, weights, bias, HiddenLayerNetwork.read(in)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Sublinear TF-IDF, L2-normalised, features in index order as LIBLINEAR wants them. */
    private static Feature[] vector(LongIntHashMap terms, LongIntHashMap vocabulary, double[] idf) {
        // Each known term as its index in the high half of a long and its count in the low half:
        // sorting the longs puts the terms in index order without boxing (a long message has
        // 2,000 terms; a sorted map of them took half of a prediction's time).
        long[] known = new long[terms.size()];
        int count = 0;
        for (LongIntCursor term : terms) {
            int index = vocabulary.getOrDefault(term.key, 0);
            if (index != 0) {
                known[count++] = ((long) index << 32) | term.value;
            }
        }
        Arrays.sort(known, 0, count);
        double[] weights = new double[count];
        double squares = 0;
        for (int i = 0; i < count; i++) {
            weights[i] = (1.0 + Math.log((int) known[i])) * idf[(int) (known[i] >>> 32)];
            squares += weights[i] * weights[i];
        }
        double norm = Math.sqrt(squares);
        Feature[] x = new Feature[count];
        for (int i = 0; i < count; i++) {
            x[i] = new FeatureNode((int) (known[i] >>> 32), norm == 0 ? 0 : weights[i] / norm);
        }
        return x;
    }
}
