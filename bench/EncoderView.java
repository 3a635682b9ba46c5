import de.bwaldvogel.liblinear.Feature;
import de.bwaldvogel.liblinear.FeatureNode;
import de.bwaldvogel.liblinear.Linear;
import de.bwaldvogel.liblinear.Model;
import de.bwaldvogel.liblinear.Parameter;
import de.bwaldvogel.liblinear.Problem;
import de.bwaldvogel.liblinear.SolverType;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.onnx.bgesmallzhq.BgeSmallZhQuantizedEmbeddingModel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.onegrid.dispatch.CategoryClassifier;
import org.onegrid.dispatch.ClassificationScores;
import org.onegrid.dispatch.LabelledText;

/**
 * Issue 25's question, measured: does the bge-small-zh encoder's sentence embedding, as a second
 * view of the text beside the platform's n-gram models, lift the classifier? Five folds as
 * bench/classify-cv.sh cuts them (a row's fold is its line number modulo 5). Each row's title and
 * the start of its description ({@code chars} characters in all) are embedded once; per fold the
 * platform's classifier (NB-SVM + network) is trained on the other folds, a logistic regression
 * (LIBLINEAR, one against the rest) on their embeddings, and the two are combined as the platform
 * combines its own models: a weighted mean of their log-probabilities.
 * Lines per fold and view, then the means; the last line is the combined model's, in
 * classify-eval's form, its train_s including the embedding of the training rows and its
 * predict_ms_p99 the embedding of one message plus both models.
 * Usage: java -cp CLASSPATH bench/EncoderView.java train.tsv [chars=128] [share=0.3] [cost=4]
 */
public class EncoderView {

    public static void main(String[] args) throws Exception {
        List<LabelledText> rows = new ArrayList<>();
        List<String> lines = Files.readAllLines(Path.of(args[0]), StandardCharsets.UTF_8);
        List<Integer> lineNumbers = new ArrayList<>();
        for (int i = 1; i < lines.size(); i++) {
            String[] f = lines.get(i).split("\t", -1);
            if (f.length >= 4) {
                rows.add(new LabelledText(f[0], f[1], f[2], f[3].strip()));
                lineNumbers.add(i + 1);
            }
        }
        int chars = args.length > 1 ? Integer.parseInt(args[1]) : 128;
        double share = args.length > 2 ? Double.parseDouble(args[2]) : 0.3;
        double cost = args.length > 3 ? Double.parseDouble(args[3]) : 4;
        int folds = 5;
        int n = rows.size();

        BgeSmallZhQuantizedEmbeddingModel encoder = new BgeSmallZhQuantizedEmbeddingModel();
        long t0 = System.nanoTime();
        List<TextSegment> texts = rows.stream().map(r -> TextSegment.from(text(r, chars))).toList();
        float[][] embedding = new float[n][];
        for (int from = 0; from < n; from += 256) {
            List<dev.langchain4j.data.embedding.Embedding> part =
                    encoder.embedAll(texts.subList(from, Math.min(n, from + 256))).content();
            for (int k = 0; k < part.size(); k++) {
                embedding[from + k] = part.get(k).vector();
            }
        }
        double embedSecondsPerRow = (System.nanoTime() - t0) / 1e9 / n;
        System.out.printf("embedded %d rows of at most %d characters: %.1f ms a row on all cores%n", n, chars,
                embedSecondsPerRow * 1000);

        String[] labels = rows.stream().map(LabelledText::label).distinct().sorted().toArray(String[]::new);
        Map<String, Integer> labelIndex = new HashMap<>();
        for (int i = 0; i < labels.length; i++) {
            labelIndex.put(labels[i], i);
        }
        double[][] sums = new double[3][4];
        for (int k = 0; k < folds; k++) {
            List<LabelledText> train = new ArrayList<>();
            List<Integer> trainIndex = new ArrayList<>();
            List<Integer> testIndex = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                if (lineNumbers.get(i) % folds == k) {
                    testIndex.add(i);
                } else {
                    train.add(rows.get(i));
                    trainIndex.add(i);
                }
            }
            long started = System.nanoTime();
            CategoryClassifier ngrams = CategoryClassifier.train(train);
            double ngramSeconds = (System.nanoTime() - started) / 1e9;
            started = System.nanoTime();
            Problem problem = new Problem();
            problem.l = train.size();
            problem.n = 513;
            problem.bias = 1;
            problem.x = new Feature[train.size()][];
            problem.y = new double[train.size()];
            for (int d = 0; d < train.size(); d++) {
                problem.x[d] = features(embedding[trainIndex.get(d)]);
                problem.y[d] = labelIndex.get(train.get(d).label());
            }
            Linear.disableDebugOutput();
            Model head = Linear.train(problem, new Parameter(SolverType.L2R_LR, cost, 0.001));
            double headSeconds = (System.nanoTime() - started) / 1e9;

            List<String> truth = new ArrayList<>();
            List<List<String>> predicted = List.of(new ArrayList<>(), new ArrayList<>(), new ArrayList<>());
            long[] latency = new long[testIndex.size()];
            for (int t = 0; t < testIndex.size(); t++) {
                LabelledText row = rows.get(testIndex.get(t));
                truth.add(row.label());
                long start = System.nanoTime();
                float[] vector = encoder.embed(text(row, chars)).content().vector();
                double[] fromNgrams = new double[labels.length];
                for (CategoryClassifier.Suggestion s : ngrams.suggest(row.title(), row.text())) {
                    fromNgrams[labelIndex.get(s.label())] = Math.log(Math.max(1e-12, s.confidence()));
                }
                double[] p = new double[labels.length];
                Linear.predictProbability(head, features(vector), p);
                double[] fromEncoder = new double[labels.length];
                int[] order = head.getLabels();
                for (int c = 0; c < labels.length; c++) {
                    fromEncoder[order[c]] = Math.log(Math.max(1e-12, p[c]));
                }
                double[] combined = new double[labels.length];
                for (int c = 0; c < labels.length; c++) {
                    combined[c] = (1 - share) * fromNgrams[c] + share * fromEncoder[c];
                }
                latency[t] = System.nanoTime() - start;
                predicted.get(0).add(labels[best(fromNgrams)]);
                predicted.get(1).add(labels[best(fromEncoder)]);
                predicted.get(2).add(labels[best(combined)]);
            }
            Arrays.sort(latency);
            double p99 = latency[(int) Math.ceil(0.99 * latency.length) - 1] / 1e6;
            double[] trainSeconds = {ngramSeconds, headSeconds + embedSecondsPerRow * train.size(),
                    ngramSeconds + headSeconds + embedSecondsPerRow * train.size()};
            String[] names = {"n-grams", "encoder", "combined"};
            for (int v = 0; v < 3; v++) {
                ClassificationScores scores = ClassificationScores.of(truth, predicted.get(v));
                System.out.printf("fold %d %s: accuracy=%.4f macro_f1=%.4f train_s=%.1f%n", k, names[v], scores.accuracy(),
                        scores.macroF1(), trainSeconds[v]);
                sums[v][0] += scores.accuracy();
                sums[v][1] += scores.macroF1();
                sums[v][2] += trainSeconds[v];
            }
            sums[2][3] += p99;
        }
        String[] names = {"n-grams", "encoder", "combined"};
        for (int v = 0; v < 3; v++) {
            System.out.printf("mean %s: accuracy=%.4f macro_f1=%.4f train_s=%.1f%s%n", names[v], sums[v][0] / folds,
                    sums[v][1] / folds, sums[v][2] / folds, v == 2 ? String.format(" predict_ms_p99=%.2f", sums[2][3] / folds) : "");
        }
    }

    static String text(LabelledText row, int chars) {
        String text = row.text().isBlank() ? row.title() : row.title() + "。" + row.text();
        return text.length() > chars ? text.substring(0, chars) : text;
    }

    static Feature[] features(float[] vector) {
        Feature[] x = new Feature[vector.length + 1];
        for (int j = 0; j < vector.length; j++) {
            x[j] = new FeatureNode(j + 1, vector[j] * 4);
        }
        x[vector.length] = new FeatureNode(vector.length + 1, 1);
        return x;
    }

    static int best(double[] values) {
        int best = 0;
        for (int c = 1; c < values.length; c++) {
            if (values[c] > values[best]) {
                best = c;
            }
        }
        return best;
    }
}
