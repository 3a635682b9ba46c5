package org.onegrid.dispatch;

import de.bwaldvogel.liblinear.Feature;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.Arrays;
import java.util.Random;

/**
 * The classifier's second model: a network with one hidden layer of {@link #HIDDEN} rectified
 * units over the same TF-IDF terms as the NB-SVM, with a softmax over the categories. The
 * NB-SVM weighs each term on its own; the hidden layer learns combinations of terms, and its
 * mistakes differ enough from the NB-SVM's that the two together score better than either
 * (five folds of the appeals data: macro-F1 0.913 alone, 0.924 for the NB-SVM, 0.927 together;
 * docs/benchmarks.md).
 * <p>
 * Written here rather than taken from a library: the JVM libraries that train networks do it in
 * native code (Tribuo through TensorFlow, Deeplearning4j through ND4J), which the classifier's
 * "pure JVM" rule excludes, and the whole of it is a sparse product, a small dense one and AdaGrad. Training touches only the rows of the terms in
 * each batch, so an epoch over 10,000 messages takes about a second.
 */
final class HiddenLayerNetwork {

    static final int HIDDEN = 64;
    /** Passes over the training messages; more for a small set, so that it gets {@link #MIN_UPDATES} updates. */
    static final int EPOCHS = 6;
    static final int MIN_UPDATES = 300;
    static final int BATCH = 32;
    /** AdaGrad's step: each weight's step shrinks with the square root of its squared gradients so far. */
    static final float LEARNING_RATE = 0.05f;
    /** The share of hidden units silenced at random for each message in training. */
    static final float DROPOUT = 0.2f;
    /** Terms in fewer training messages are left out: a weight row learnt from one message is noise. */
    static final int MIN_DOCUMENTS = 2;
    /**
     * At most this many input weights (64 MB as floats, as much again for AdaGrad in training):
     * with more terms, those with the highest indexes are left out. The appeals data needs 8.6 M.
     */
    static final int MAX_INPUT_WEIGHTS = 16_000_000;
    private static final float ADAGRAD_START = 1e-8f;

    /** Per term index of the classifier's vocabulary, its row of input weights, or -1 when left out. */
    private final int[] rowOfTerm;
    /** Rows x {@link #HIDDEN}. */
    private final float[] inputWeights;
    private final float[] hiddenBias;
    /** {@link #HIDDEN} x labels. */
    private final float[] outputWeights;
    private final float[] outputBias;
    private final int labels;

    private HiddenLayerNetwork(int[] rowOfTerm, float[] inputWeights, float[] hiddenBias, float[] outputWeights,
                               float[] outputBias) {
        this.rowOfTerm = rowOfTerm;
        this.inputWeights = inputWeights;
        this.hiddenBias = hiddenBias;
        this.outputWeights = outputWeights;
        this.outputBias = outputBias;
        this.labels = outputBias.length;
    }

    /**
     * Trains on messages already turned into terms ({@code vectors}, indexes 1..terms) with their
     * label indexes; each category weighs as much as the others in total, as in the NB-SVM.
     * {@code documentFrequency[j]} is the number of training messages holding term j; the
     * classifier numbers its terms from the most common, so when there are too many for
     * {@link #MAX_INPUT_WEIGHTS} the rarest are the ones left out. The same seed gives the same
     * network.
     */
    static HiddenLayerNetwork train(Feature[][] vectors, int[] y, int labels, int[] documentFrequency, long seed) {
        int[] rowOfTerm = new int[documentFrequency.length];
        int rows = 0;
        for (int j = 0; j < documentFrequency.length; j++) {
            rowOfTerm[j] = documentFrequency[j] >= MIN_DOCUMENTS && rows < MAX_INPUT_WEIGHTS / HIDDEN ? rows++ : -1;
        }
        Random random = new Random(seed);
        float[] w1 = new float[rows * HIDDEN];
        for (int i = 0; i < w1.length; i++) {
            w1[i] = (float) (random.nextGaussian() * 0.01);
        }
        float[] w2 = new float[HIDDEN * labels];
        double scale = Math.sqrt(2.0 / HIDDEN);
        for (int i = 0; i < w2.length; i++) {
            w2[i] = (float) (random.nextGaussian() * scale);
        }
        HiddenLayerNetwork net = new HiddenLayerNetwork(rowOfTerm, w1, new float[HIDDEN], w2, new float[labels]);
        net.fit(vectors, y, random);
        return net;
    }

    private void fit(Feature[][] vectors, int[] y, Random random) {
        int n = vectors.length;
        if (n == 0) {
            return;
        }
        double[] classWeight = new double[labels];
        for (int label : y) {
            classWeight[label]++;
        }
        for (int c = 0; c < labels; c++) {
            classWeight[c] = classWeight[c] == 0 ? 0 : n / (labels * classWeight[c]);
        }
        int rows = inputWeights.length / HIDDEN;
        float[] g1 = new float[inputWeights.length];
        Arrays.fill(g1, ADAGRAD_START);
        float[] gb1 = filled(HIDDEN);
        float[] g2 = filled(outputWeights.length);
        float[] gb2 = filled(labels);
        // The gradient of the input weights, only for the rows a batch touches.
        int[] slotOfRow = new int[rows];
        Arrays.fill(slotOfRow, -1);
        int[] touched = new int[0];
        float[] rowGradients = new float[0];

        float[][] hidden = new float[BATCH][HIDDEN];
        float[][] active = new float[BATCH][HIDDEN];
        float[][] kept = new float[BATCH][HIDDEN];
        double[] dz = new double[labels];
        float[] dh = new float[HIDDEN];
        float[] dw2 = new float[outputWeights.length];
        float[] db2 = new float[labels];
        float[] db1 = new float[HIDDEN];
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        int batches = (n + BATCH - 1) / BATCH;
        int epochs = Math.max(EPOCHS, (MIN_UPDATES + batches - 1) / batches);
        float keepScale = 1f / (1f - DROPOUT);
        for (int epoch = 0; epoch < epochs; epoch++) {
            shuffle(order, random);
            for (int start = 0; start < n; start += BATCH) {
                int size = Math.min(BATCH, n - start);
                Arrays.fill(dw2, 0);
                Arrays.fill(db2, 0);
                Arrays.fill(db1, 0);
                int slots = 0;
                for (int b = 0; b < size; b++) {
                    Feature[] x = vectors[order[start + b]];
                    for (Feature f : x) {
                        int row = rowOfTerm[f.getIndex()];
                        if (row >= 0 && slotOfRow[row] < 0) {
                            if (slots == touched.length) {
                                touched = Arrays.copyOf(touched, Math.max(256, slots * 2));
                                rowGradients = Arrays.copyOf(rowGradients, touched.length * HIDDEN);
                            }
                            slotOfRow[row] = slots;
                            touched[slots] = row;
                            Arrays.fill(rowGradients, slots * HIDDEN, (slots + 1) * HIDDEN, 0f);
                            slots++;
                        }
                    }
                }
                for (int b = 0; b < size; b++) {
                    int d = order[start + b];
                    Feature[] x = vectors[d];
                    double norm = norm(x);
                    forwardHidden(x, norm, hidden[b]);
                    for (int k = 0; k < HIDDEN; k++) {
                        float keep = random.nextFloat() > DROPOUT ? keepScale : 0f;
                        kept[b][k] = keep;
                        active[b][k] = Math.max(hidden[b][k], 0f) * keep;
                    }
                    double[] p = logSoftmax(output(active[b]));
                    double weight = classWeight[y[d]] / size;
                    for (int c = 0; c < labels; c++) {
                        dz[c] = (Math.exp(p[c]) - (c == y[d] ? 1 : 0)) * weight;
                        db2[c] += (float) dz[c];
                    }
                    for (int k = 0; k < HIDDEN; k++) {
                        double da = 0;
                        for (int c = 0; c < labels; c++) {
                            dw2[k * labels + c] += (float) (active[b][k] * dz[c]);
                            da += outputWeights[k * labels + c] * dz[c];
                        }
                        dh[k] = hidden[b][k] > 0 ? (float) (da * kept[b][k]) : 0f;
                        db1[k] += dh[k];
                    }
                    if (norm > 0) {
                        for (Feature f : x) {
                            int row = rowOfTerm[f.getIndex()];
                            if (row >= 0) {
                                float v = (float) (f.getValue() / norm);
                                int base = slotOfRow[row] * HIDDEN;
                                for (int k = 0; k < HIDDEN; k++) {
                                    rowGradients[base + k] += v * dh[k];
                                }
                            }
                        }
                    }
                }
                for (int s = 0; s < slots; s++) {
                    int row = touched[s];
                    slotOfRow[row] = -1;
                    adagrad(inputWeights, g1, row * HIDDEN, rowGradients, s * HIDDEN, HIDDEN);
                }
                adagrad(outputWeights, g2, 0, dw2, 0, dw2.length);
                adagrad(outputBias, gb2, 0, db2, 0, labels);
                adagrad(hiddenBias, gb1, 0, db1, 0, HIDDEN);
            }
        }
    }

    /** The log of each category's probability, in label index order. */
    double[] logProbabilities(Feature[] x) {
        float[] hidden = new float[HIDDEN];
        forwardHidden(x, norm(x), hidden);
        for (int k = 0; k < HIDDEN; k++) {
            hidden[k] = Math.max(hidden[k], 0f);
        }
        return logSoftmax(output(hidden));
    }

    /** The logarithms of the softmax of {@code z}: each value less the log of the sum of all their exponentials. */
    static double[] logSoftmax(double[] z) {
        double max = Arrays.stream(z).max().orElse(0);
        double sum = 0;
        for (double v : z) {
            sum += Math.exp(v - max);
        }
        double log = max + Math.log(sum);
        double[] out = new double[z.length];
        for (int c = 0; c < z.length; c++) {
            out[c] = z[c] - log;
        }
        return out;
    }

    /** The L2 norm of the terms this network reads (it leaves rare ones out, so it normalises again). */
    private double norm(Feature[] x) {
        double sum = 0;
        for (Feature f : x) {
            if (rowOfTerm[f.getIndex()] >= 0) {
                sum += f.getValue() * f.getValue();
            }
        }
        return Math.sqrt(sum);
    }

    private void forwardHidden(Feature[] x, double norm, float[] into) {
        System.arraycopy(hiddenBias, 0, into, 0, HIDDEN);
        if (norm == 0) {
            return;
        }
        for (Feature f : x) {
            int row = rowOfTerm[f.getIndex()];
            if (row >= 0) {
                float v = (float) (f.getValue() / norm);
                int base = row * HIDDEN;
                for (int k = 0; k < HIDDEN; k++) {
                    into[k] += v * inputWeights[base + k];
                }
            }
        }
    }

    private double[] output(float[] active) {
        double[] z = new double[labels];
        for (int c = 0; c < labels; c++) {
            z[c] = outputBias[c];
        }
        for (int k = 0; k < HIDDEN; k++) {
            if (active[k] != 0) {
                for (int c = 0; c < labels; c++) {
                    z[c] += active[k] * outputWeights[k * labels + c];
                }
            }
        }
        return z;
    }

    private static void adagrad(float[] weights, float[] squares, int at, float[] gradients, int from, int length) {
        for (int i = 0; i < length; i++) {
            float g = gradients[from + i];
            squares[at + i] += g * g;
            weights[at + i] -= LEARNING_RATE * g / (float) Math.sqrt(squares[at + i]);
        }
    }

    private static float[] filled(int length) {
        float[] a = new float[length];
        Arrays.fill(a, ADAGRAD_START);
        return a;
    }

    private static void shuffle(int[] order, Random random) {
        for (int i = order.length - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int t = order[i];
            order[i] = order[j];
            order[j] = t;
        }
    }

    void write(DataOutputStream out) throws IOException {
        out.writeInt(rowOfTerm.length);
        out.writeInt(labels);
        int rows = inputWeights.length / HIDDEN;
        out.writeInt(rows);
        for (int j = 0; j < rowOfTerm.length; j++) {
            if (rowOfTerm[j] >= 0) {
                out.writeInt(j);
            }
        }
        for (float[] block : new float[][] {inputWeights, hiddenBias, outputWeights, outputBias}) {
            for (float v : block) {
                out.writeFloat(v);
            }
        }
    }

    static HiddenLayerNetwork read(DataInputStream in) throws IOException {
        int[] rowOfTerm = new int[in.readInt()];
        int labels = in.readInt();
        int rows = in.readInt();
        Arrays.fill(rowOfTerm, -1);
        for (int r = 0; r < rows; r++) {
            rowOfTerm[in.readInt()] = r;
        }
        float[][] blocks = {new float[rows * HIDDEN], new float[HIDDEN], new float[HIDDEN * labels], new float[labels]};
        for (float[] block : blocks) {
            for (int i = 0; i < block.length; i++) {
                block[i] = in.readFloat();
            }
        }
        return new HiddenLayerNetwork(rowOfTerm, blocks[0], blocks[1], blocks[2], blocks[3]);
    }
}
