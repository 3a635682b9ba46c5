package org.onegrid.dispatch;

import static org.assertj.core.api.Assertions.assertThat;

import de.bwaldvogel.liblinear.Feature;
import de.bwaldvogel.liblinear.FeatureNode;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** The classifier's network on terms made up by hand: three categories, two telling terms each. */
class HiddenLayerNetworkTest {

    /** Terms 1-6 tell the category (1, 2 for 0; 3, 4 for 1; 5, 6 for 2), 7 is in every message, 8 in one only. */
    private static final int TERMS = 8;

    private static Feature[] message(int... terms) {
        return Arrays.stream(terms).sorted().mapToObj(t -> (Feature) new FeatureNode(t, 1.0)).toArray(Feature[]::new);
    }

    private static int best(double[] logProbabilities) {
        int best = 0;
        for (int c = 1; c < logProbabilities.length; c++) {
            best = logProbabilities[c] > logProbabilities[best] ? c : best;
        }
        return best;
    }

    private static HiddenLayerNetwork trained(long seed) {
        Feature[][] vectors = new Feature[60][];
        int[] y = new int[60];
        int[] documents = new int[TERMS + 1];
        for (int d = 0; d < 60; d++) {
            y[d] = d % 3;
            int telling = 1 + 2 * y[d] + (d / 3) % 2;
            vectors[d] = d == 0 ? message(telling, 7, 8) : message(telling, 7);
            for (Feature f : vectors[d]) {
                documents[f.getIndex()]++;
            }
        }
        return HiddenLayerNetwork.train(vectors, y, 3, documents, seed);
    }

    @Test
    void learnsWhichTermsTellTheCategoriesAndIgnoresATermSeenInOneMessage() {
        HiddenLayerNetwork network = trained(1);
        for (int term = 1; term <= 6; term++) {
            double[] log = network.logProbabilities(message(term, 7));
            assertThat(best(log)).as("term %d", term).isEqualTo((term - 1) / 2);
            assertThat(Math.exp(log[best(log)])).isGreaterThan(0.8);
            assertThat(Arrays.stream(log).map(Math::exp).sum()).isCloseTo(1.0, org.assertj.core.data.Offset.offset(1e-9));
        }
        // Term 8 was in one training message: it has no weights, so it changes nothing.
        assertThat(network.logProbabilities(message(3, 8))).isEqualTo(network.logProbabilities(message(3)));
    }

    @Test
    void theSameSeedGivesTheSameNetworkAndAStoredOneReadsBackTheSame() throws Exception {
        HiddenLayerNetwork network = trained(7);
        assertThat(trained(7).logProbabilities(message(5, 7))).isEqualTo(network.logProbabilities(message(5, 7)));

        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            network.write(out);
        }
        HiddenLayerNetwork read = HiddenLayerNetwork.read(new DataInputStream(new ByteArrayInputStream(bytes.toByteArray())));
        for (int term = 1; term <= TERMS; term++) {
            assertThat(read.logProbabilities(message(term))).isEqualTo(network.logProbabilities(message(term)));
        }
    }
}
