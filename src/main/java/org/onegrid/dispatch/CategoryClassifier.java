package org.onegrid.dispatch;

import de.bwaldvogel.liblinear.Feature;
import de.bwaldvogel.liblinear.FeatureNode;
import de.bwaldvogel.liblinear.Linear;
import de.bwaldvogel.liblinear.Model;
import de.bwaldvogel.liblinear.Parameter;
import de.bwaldvogel.liblinear.Problem;
import de.bwaldvogel.liblinear.SolverType;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Suggests a category from a message's Chinese title and description: TF-IDF weighted terms
 * ({@link TextFeatures}) and a linear support vector machine from LIBLINEAR (L2-regularised,
 * L2 loss, one against the rest). Each suggestion carries a confidence: the softmax of the
 * per-category decision values times {@link #CONFIDENCE_SCALE}, a score that is near 1 when one
 * category stands clearly above the rest (logistic regression gives probabilities but scored
 * 0.90 macro-F1 against the SVM's 0.91). It is not a calibrated probability; the auto-dispatch
 * threshold is to be set against measured precision.
 */
public final class CategoryClassifier {

    /** One suggestion: a category label and the model's confidence in it (0-1, summing to 1). */
    public record Suggestion(String label, double confidence) {
    }

    /** Terms seen in fewer training messages than this are left out. */
    static final int MIN_DOCUMENT_FREQUENCY = 2;
    static final double COST = 1.0;
    /** Decision values of a linear SVM lie around -1..1; scaled, a clear winner gets most of the mass. */
    static final double CONFIDENCE_SCALE = 4.0;

    private final Map<String, Integer> vocabulary;
    private final double[] idf;
    private final Model model;
    private final String[] labels;

    private CategoryClassifier(Map<String, Integer> vocabulary, double[] idf, Model model, String[] labels) {
        this.vocabulary = vocabulary;
        this.idf = idf;
        this.model = model;
        this.labels = labels;
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
        documentFrequency.entrySet().stream()
                .filter(d -> d.getValue() >= MIN_DOCUMENT_FREQUENCY)
                .map(Map.Entry::getKey).sorted()
                .forEach(t -> vocabulary.put(t, vocabulary.size() + 1));
        double[] idf = new double[vocabulary.size() + 1];
        vocabulary.forEach((t, i) -> idf[i] = Math.log((1.0 + examples.size()) / (1.0 + documentFrequency.get(t))) + 1.0);

        String[] labels = examples.stream().map(LabelledText::label).distinct().sorted().toArray(String[]::new);
        Map<String, Integer> labelIndex = new HashMap<>();
        for (int i = 0; i < labels.length; i++) {
            labelIndex.put(labels[i], i);
        }
        Problem problem = new Problem();
        problem.l = examples.size();
        problem.n = vocabulary.size();
        problem.x = new Feature[examples.size()][];
        problem.y = new double[examples.size()];
        for (int i = 0; i < examples.size(); i++) {
            problem.x[i] = vector(documents.get(i), vocabulary, idf);
            problem.y[i] = labelIndex.get(examples.get(i).label());
        }
        Model model = Linear.train(problem, new Parameter(SolverType.L2R_L2LOSS_SVC_DUAL, COST, 0.01));
        return new CategoryClassifier(vocabulary, idf, model, labels);
    }

    /** Every label with its confidence, most likely first. */
    public List<Suggestion> suggest(String title, String text) {
        Feature[] x = vector(TextFeatures.terms(title, text), vocabulary, idf);
        double[] values = new double[model.getNrClass()];
        Linear.predictValues(model, x, values);
        double max = Arrays.stream(values).max().orElse(0);
        double sum = 0;
        for (int i = 0; i < values.length; i++) {
            values[i] = Math.exp(CONFIDENCE_SCALE * (values[i] - max));
            sum += values[i];
        }
        int[] modelLabels = model.getLabels();
        List<Suggestion> suggestions = new ArrayList<>();
        for (int i = 0; i < values.length; i++) {
            suggestions.add(new Suggestion(labels[modelLabels[i]], values[i] / sum));
        }
        suggestions.sort(Comparator.comparingDouble(Suggestion::confidence).reversed());
        return suggestions;
    }

    /** Writes the whole model (labels, vocabulary, weights) compressed, for storing a version. */
    public byte[] toBytes() {
        try {
            java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
            try (java.io.DataOutputStream out = new java.io.DataOutputStream(new java.util.zip.GZIPOutputStream(bytes))) {
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
                java.io.StringWriter weights = new java.io.StringWriter();
                model.save(weights);
                byte[] text = weights.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8);
                out.writeInt(text.length);
                out.write(text);
            }
            return bytes.toByteArray();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    public static CategoryClassifier fromBytes(byte[] stored) {
        try (java.io.DataInputStream in = new java.io.DataInputStream(new java.util.zip.GZIPInputStream(
                new java.io.ByteArrayInputStream(stored)))) {
            String[] labels = new String[in.readInt()];
            for (int i = 0; i < labels.length; i++) {
                labels[i] = in.readUTF();
            }
            int size = in.readInt();
            Map<String, Integer> vocabulary = new HashMap<>(size * 2);
            double[] idf = new double[size + 1];
            for (int i = 0; i < size; i++) {
                String term = in.readUTF();
                int index = in.readInt();
                vocabulary.put(term, index);
                idf[index] = in.readDouble();
            }
            byte[] text = new byte[in.readInt()];
            in.readFully(text);
            Model model = Model.load(new java.io.StringReader(new String(text, java.nio.charset.StandardCharsets.UTF_8)));
            return new CategoryClassifier(vocabulary, idf, model, labels);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    public String predict(String title, String text) {
        return suggest(title, text).get(0).label();
    }

    public List<String> labels() {
        return Arrays.asList(labels);
    }

    public int vocabularySize() {
        return vocabulary.size();
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
