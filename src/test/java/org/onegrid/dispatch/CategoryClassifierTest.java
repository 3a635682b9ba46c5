package org.onegrid.dispatch;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The classifier on a small made-up data set (the real one lives outside the repository and is
 * measured by bench/classify-cv.sh).
 */
class CategoryClassifierTest {

    private static final String[][] TOPICS = {
            {"城乡建设", "小区门口道路破损积水，路灯不亮，井盖缺失", "违章搭建占用公共绿地，施工扬尘严重"},
            {"劳动和社会保障", "公司拖欠工资三个月不发，社保没有缴纳", "养老保险转移接续办理，失业金申领"},
            {"教育文体", "学校乱收补课费，幼儿园入学难", "中小学课外培训收费过高，学生课业负担重"}};

    private static List<LabelledText> examples(int perTopic) {
        List<LabelledText> rows = new ArrayList<>();
        for (String[] topic : TOPICS) {
            for (int i = 0; i < perTopic; i++) {
                rows.add(new LabelledText(topic[0] + i, "关于" + topic[1 + i % 2].substring(0, 6) + "的反映" + i,
                        "尊敬的领导：" + topic[1 + i % 2] + "，希望尽快解决。编号" + i, topic[0]));
            }
        }
        return rows;
    }

    @Test
    void learnsTheTopicsAndRanksAllCategoriesWithConfidences() {
        CategoryClassifier classifier = CategoryClassifier.train(examples(20));
        assertThat(classifier.predict("工资被拖欠", "老板拖欠工资不发")).isEqualTo("劳动和社会保障");
        assertThat(classifier.predict("路灯坏了", "小区路灯不亮，晚上很黑")).isEqualTo("城乡建设");
        assertThat(classifier.predict("补课收费", "学校组织补课乱收费")).isEqualTo("教育文体");
        List<CategoryClassifier.Suggestion> suggestions = classifier.suggest("幼儿园收费", "");
        assertThat(suggestions).hasSize(3);
        assertThat(suggestions.get(0).label()).isEqualTo("教育文体");
        assertThat(suggestions.stream().mapToDouble(CategoryClassifier.Suggestion::confidence).sum()).isCloseTo(1.0,
                org.assertj.core.data.Offset.offset(1e-9));
        assertThat(suggestions.get(0).confidence()).isGreaterThan(suggestions.get(1).confidence());
    }

    @Test
    void aStoredModelReadsBackAndOneStoredWithOlderFeaturesIsRefused() throws Exception {
        CategoryClassifier classifier = CategoryClassifier.train(examples(20));
        CategoryClassifier read = CategoryClassifier.fromBytes(classifier.toBytes()).orElseThrow();
        assertThat(read.suggest("工资被拖欠", "老板拖欠工资不发")).isEqualTo(classifier.suggest("工资被拖欠", "老板拖欠工资不发"));

        assertThat(CategoryClassifier.fromBytes(olderForm("城乡建设"))).isEmpty();
    }

    /** A model as stored before the features changed: it began with the number of labels. */
    static byte[] olderForm(String label) throws java.io.IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (java.io.DataOutputStream out = new java.io.DataOutputStream(new java.util.zip.GZIPOutputStream(bytes))) {
            out.writeInt(1);
            out.writeUTF(label);
            out.writeInt(0);
            out.writeDouble(0.5);
        }
        return bytes.toByteArray();
    }

    @Test
    void fullWidthCharactersAndDigitRunsAreNormalised() {
        assertThat(TextFeatures.normalise("ＡＢＣ　１２３号")).isEqualTo("abc 0号");
    }

    @Test
    void theEvaluationCommandPrintsItsFiguresOnTheLastLine(@TempDir Path dir) throws Exception {
        Path train = dir.resolve("train.tsv");
        Path test = dir.resolve("test.tsv");
        write(train, examples(20));
        write(test, examples(4));
        PrintStream original = System.out;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        try {
            ClassifierEvaluation.main(new String[] {"--train", train.toString(), "--test", test.toString()});
        } finally {
            System.setOut(original);
        }
        String[] lines = out.toString(StandardCharsets.UTF_8).strip().split("\n");
        assertThat(lines[lines.length - 1])
                .matches("accuracy=1\\.0000 macro_f1=1\\.0000 n=12 train_s=\\d+\\.\\d predict_ms_p99=\\d+\\.\\d\\d");
    }

    private static void write(Path file, List<LabelledText> rows) throws Exception {
        StringBuilder b = new StringBuilder("id\ttitle\ttext\tlabel\n");
        rows.forEach(r -> b.append(r.id()).append('\t').append(r.title()).append('\t').append(r.text()).append('\t')
                .append(r.label()).append('\n'));
        Files.writeString(file, b.toString(), StandardCharsets.UTF_8);
    }
}
