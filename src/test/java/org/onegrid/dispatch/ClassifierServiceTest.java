package org.onegrid.dispatch;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.onegrid.support.ApiTest;
import org.onegrid.support.Http.Response;

/**
 * The classifier in service: trained on closed cases plus a labelled file, stored as a version
 * with its size and scores; a sure suggestion categorises and dispatches a case at intake, a
 * doubtful one leaves it for a dispatcher with the top three suggestions.
 */
class ClassifierServiceTest extends ApiTest {

    private static final String[][] TOPICS = {
            {"1201", "拖欠工资", "公司老板拖欠我们农民工工资好几个月了，一直不发"},
            {"0203", "噪声扰民", "楼下饭店晚上噪音很大，吵得居民无法休息"},
            {"1001", "校外培训", "校外培训机构收费过高还不退费，家长很着急"}};

    @AfterEach
    void removeModels() {
        withdrawClassifiers();
        assertThat(http().get("/api/classifier/models", "admin").body().size()).isZero();
    }

    private static String labelledFile() {
        StringBuilder file = new StringBuilder("id\ttitle\ttext\tlabel\n");
        for (String[] topic : TOPICS) {
            for (int i = 0; i < 25; i++) {
                file.append(topic[0]).append('-').append(i).append('\t').append(topic[1]).append(i % 3 == 0 ? "问题" : "")
                        .append('\t').append(topic[2]).append("，编号").append(i).append('\t').append(topic[0]).append('\n');
            }
        }
        return file.toString();
    }

    @Test
    void trainsAVersionThatCategorisesAndDispatchesSureCasesAtIntake() {
        assertThat(http().post("/api/classifier/train", "dispatcher", labelledFile()).status()).isEqualTo(403);
        Response trained = http().postText("/api/classifier/train", "admin", labelledFile());
        assertThat(trained.status()).isEqualTo(201);
        assertThat(trained.body().get("trainingSize").asInt()).isGreaterThanOrEqualTo(75);
        assertThat(trained.body().get("holdoutSize").asInt()).isPositive();
        assertThat(trained.body().get("macroF1").asDouble()).isPositive();
        int version = trained.body().get("version").asInt();
        assertThat(http().get("/api/classifier/models", "dispatcher").body().findValuesAsText("version"))
                .contains(String.valueOf(version));

        // Sure: categorised and dispatched by the routing rules at once, by the classifier.
        Response sure = http().post("/api/cases", "agent", """
                {"channel":"HOTLINE_12345","title":"老板拖欠工资","description":"公司拖欠农民工工资三个月不发",
                 "lat":34.5555,"lng":119.1355}
                """);
        assertThat(sure.status()).isEqualTo(201);
        assertThat(sure.body().get("categoryCode").asText()).isEqualTo("1201");
        assertThat(sure.body().get("state").asText()).isEqualTo("DISPATCHED");
        JsonNode timeline = sure.body().get("timeline");
        assertThat(timeline.get(0).get("detail").asText()).contains("by classifier v" + version);
        assertThat(timeline.get(1).get("actor").asText()).isEqualTo("system:classifier");

        // The dispatcher sees the top three with the owner each would route to.
        long id = sure.body().get("id").asLong();
        JsonNode suggestions = http().get("/api/cases/" + id + "/suggestions", "dispatcher").body();
        assertThat(suggestions.size()).isEqualTo(3);
        assertThat(suggestions.get(0).get("categoryCode").asText()).isEqualTo("1201");
        assertThat(suggestions.get(0).get("ownerUnitName").asText()).isNotBlank();
    }

    @org.springframework.beans.factory.annotation.Autowired
    ClassifierService classifiers;

    @org.springframework.beans.factory.annotation.Autowired
    org.springframework.jdbc.core.simple.JdbcClient jdbc;

    @Test
    void aVersionStoredWithOlderFeaturesIsReplacedByOneTrainedOnTheClosedCases() throws Exception {
        // Closed cases to learn from, in 2019 and without timelines, so that they touch no figures.
        for (int i = 0; i < 45; i++) {
            String[] topic = TOPICS[i % TOPICS.length];
            jdbc.sql("""
                    INSERT INTO cases (id, code, channel, title, description, category_code, received_at, created_by,
                                       state, step_started_at, updated_at, closed_at)
                    VALUES (nextval('case_id_seq'), ?, 'HOTLINE_12345', ?, ?, ?, '2019-03-01T10:00:00+08:00', 'test', 'CLOSED',
                            '2019-03-01T10:00:00+08:00', '2019-03-05T10:00:00+08:00', '2019-03-05T10:00:00+08:00')
                    """).params("OLDFEATURES-" + i, topic[1], topic[2] + "，编号" + i, topic[0]).update();
        }
        try {
            byte[] old = CategoryClassifierTest.olderForm("1201"); // what an earlier release stored
            int stale = jdbc.sql("SELECT coalesce(max(version), 0) + 1 FROM classifier_model").query(Integer.class).single();
            for (int version : new int[] {stale, stale + 1}) {
                jdbc.sql("""
                        INSERT INTO classifier_model (version, trained_by, source, training_size, holdout_size, model)
                        VALUES (?, 'test', 'an earlier release', 0, 0, ?)
                        """).params(version, old).update();
            }
            // Withdrawing the newer one makes this instance look at the stored versions now.
            assertThat(http().delete("/api/classifier/models/" + (stale + 1), "admin").status()).isEqualTo(204);

            classifiers.checkStoredModel(); // as at start
            JsonNode replacement = null;
            for (int i = 0; i < 300 && replacement == null; i++) {
                for (JsonNode model : http().get("/api/classifier/models", "admin").body()) {
                    if (model.get("version").asInt() > stale) {
                        replacement = model;
                    }
                }
                Thread.sleep(replacement == null ? 100 : 0);
            }
            assertThat(replacement).as("a version trained to replace v" + stale).isNotNull();
            assertThat(replacement.get("source").asText()).contains("older features");
            assertThat(replacement.get("trainingSize").asInt()).isGreaterThanOrEqualTo(45);
            assertThat(classifiers.suggest("老板拖欠工资", "公司拖欠农民工工资三个月不发", 1))
                    .first().satisfies(s -> assertThat(s.categoryCode()).isEqualTo("1201"));
        } finally {
            jdbc.sql("DELETE FROM cases WHERE code LIKE 'OLDFEATURES-%'").update();
        }
    }

    @Test
    void aMalformedLabelledFileIsRefused() {
        Response refused = http().postText("/api/classifier/train", "admin", "id\ttitle\nbroken");
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.body().get("errors").get(0).get("field").asText()).isEqualTo("body");
    }

    @Test
    void aDispatcherCorrectsTheCategoryBeforeDispatch() {
        long id = http().post("/api/cases", "agent", newCaseJson("未分类来电", null)).body().get("id").asLong();
        Response fixed = http().post("/api/cases/" + id + "/categorise", "dispatcher", "{\"categoryCode\":\"1501\"}");
        assertThat(fixed.status()).isEqualTo(200);
        assertThat(fixed.body().get("categoryCode").asText()).isEqualTo("1501");
        assertThat(http().post("/api/cases/" + id + "/categorise", "dispatcher", "{\"categoryCode\":\"15\"}").status())
                .isEqualTo(400);
        assertThat(http().post("/api/cases/" + id + "/categorise", "handler", "{\"categoryCode\":\"1501\"}").status())
                .isIn(403, 404);
    }
}
