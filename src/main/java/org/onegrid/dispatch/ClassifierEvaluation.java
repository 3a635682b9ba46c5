package org.onegrid.dispatch;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * {@code java -jar onegrid.jar classify-eval --train A.tsv --test B.tsv}: trains on A, predicts
 * B, prints per-category figures and a last line
 * {@code accuracy=0.xxxx macro_f1=0.xxxx n=N train_s=S predict_ms_p99=M}.
 * Files are tab-separated with a header {@code id title text label}.
 */
public final class ClassifierEvaluation {

    private ClassifierEvaluation() {
    }

    public static void main(String[] args) throws IOException {
        Path train = null;
        Path test = null;
        for (int i = 0; i + 1 < args.length; i++) {
            if (args[i].equals("--train")) {
                train = Path.of(args[++i]);
            } else if (args[i].equals("--test")) {
                test = Path.of(args[++i]);
            }
        }
        if (train == null || test == null) {
            System.err.println("usage: classify-eval --train A.tsv --test B.tsv");
            System.exit(2);
        }
        List<LabelledText> trainRows = read(train);
        List<LabelledText> testRows = read(test);

        long t0 = System.nanoTime();
        CategoryClassifier classifier = CategoryClassifier.train(trainRows);
        double trainSeconds = (System.nanoTime() - t0) / 1e9;

        // Warm the predictor up on the training rows, as a running service would be.
        for (int i = 0; i < Math.min(2000, trainRows.size()); i++) {
            classifier.predict(trainRows.get(i).title(), trainRows.get(i).text());
        }
        long[] latencies = new long[testRows.size()];
        List<String> predicted = new ArrayList<>(testRows.size());
        for (int i = 0; i < testRows.size(); i++) {
            LabelledText row = testRows.get(i);
            long start = System.nanoTime();
            predicted.add(classifier.predict(row.title(), row.text()));
            latencies[i] = System.nanoTime() - start;
        }
        Arrays.sort(latencies);
        double p99 = latencies.length == 0 ? 0 : latencies[(int) Math.ceil(0.99 * latencies.length) - 1] / 1e6;

        ClassificationScores scores = ClassificationScores.of(testRows.stream().map(LabelledText::label).toList(), predicted);
        scores.perLabel().forEach((label, p) -> System.out.printf("%s precision=%.4f recall=%.4f f1=%.4f n=%d%n",
                label, p.precision(), p.recall(), p.f1(), p.support()));
        System.out.printf("vocabulary=%d train_n=%d%n", classifier.vocabularySize(), trainRows.size());
        System.out.printf("accuracy=%.4f macro_f1=%.4f n=%d train_s=%.1f predict_ms_p99=%.2f%n",
                scores.accuracy(), scores.macroF1(), scores.n(), trainSeconds, p99);
    }

    /** Reads {@code id title text label} rows, skipping the header. */
    static List<LabelledText> read(Path file) throws IOException {
        List<LabelledText> rows = new ArrayList<>();
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        for (int i = 1; i < lines.size(); i++) {
            String[] f = lines.get(i).split("\t", -1);
            if (f.length >= 4) {
                rows.add(new LabelledText(f[0], f[1], f[2], f[3].strip()));
            }
        }
        return rows;
    }
}
