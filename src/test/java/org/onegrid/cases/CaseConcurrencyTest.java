package org.onegrid.cases;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.onegrid.support.ApiTest;
import org.onegrid.support.Http.Response;

/** Many clients at once on one case: exactly one transition wins, the rest get 409. */
class CaseConcurrencyTest extends ApiTest {

    private static final int CLIENTS = 12;

    private <T> List<T> together(Callable<T> task) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(CLIENTS);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<T>> futures = new ArrayList<>();
            for (int i = 0; i < CLIENTS; i++) {
                futures.add(pool.submit(() -> {
                    start.await();
                    return task.call();
                }));
            }
            start.countDown();
            List<T> results = new ArrayList<>();
            for (Future<T> f : futures) {
                results.add(f.get());
            }
            return results;
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void concurrentSignForOnOneCaseHasExactlyOneWinner() throws Exception {
        long id = http().post("/api/cases", "agent", newCaseJson("并发签收", "0101")).body().get("id").asLong();
        assertThat(http().post("/api/cases/" + id + "/dispatch", "dispatcher", "{\"unitId\":" + unitId("D-URBAN_MANAGEMENT") + "}")
                .status()).isEqualTo(200);

        List<Integer> statuses = together(() -> http().post("/api/cases/" + id + "/accept", "handler", "{}").status());

        Map<Integer, Long> counts = statuses.stream().collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
        assertThat(counts).containsOnlyKeys(200, 409);
        assertThat(counts.get(200)).isEqualTo(1L);
        JsonNode after = http().get("/api/cases/" + id, "agent").body();
        assertThat(after.get("state").asText()).isEqualTo("ACCEPTED");
        long accepts = 0;
        for (JsonNode e : after.get("timeline")) {
            if (e.get("action").asText().equals("accept")) {
                accepts++;
            }
        }
        assertThat(accepts).isEqualTo(1);
    }

    @Test
    void differentActionsRacingOnOneCaseLeaveOneConsistentOutcome() throws Exception {
        long id = http().post("/api/cases", "agent", newCaseJson("并发处置", "0101")).body().get("id").asLong();
        long unit = unitId("D-URBAN_MANAGEMENT");
        // Half the clients dispatch, half void: whichever commits first wins, the others see 409.
        List<Response> responses = together(() -> Thread.currentThread().getId() % 2 == 0
                ? http().post("/api/cases/" + id + "/dispatch", "dispatcher", "{\"unitId\":" + unit + "}")
                : http().post("/api/cases/" + id + "/void", "dispatcher", "{\"reason\":\"重复\"}"));
        long wins = responses.stream().filter(r -> r.status() == 200).count();
        assertThat(responses).allMatch(r -> r.status() == 200 || r.status() == 409);
        JsonNode after = http().get("/api/cases/" + id, "agent").body();
        // Each win is one timeline entry beyond intake, and the state is the last winner's.
        assertThat(after.get("timeline").size()).isEqualTo(1 + (int) wins);
        assertThat(after.get("version").asLong()).isEqualTo(wins);
    }

    @Test
    void manyHandlersOnManyCasesLoseNoUpdateAndEveryRefusalIs409() throws Exception {
        long unit = unitId("C001001");
        List<Long> ids = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            long id = http().post("/api/cases", "agent", newCaseJson("多人并发" + i, "1501")).body().get("id").asLong();
            assertThat(http().post("/api/cases/" + id + "/dispatch", "dispatcher", "{\"unitId\":" + unit + "}").status())
                    .isEqualTo(200);
            ids.add(id);
        }
        String[][] actions = {{"accept", "{}"}, {"request-extension", "{\"workingDays\":2,\"reason\":\"协调\"}"},
                {"resolve", "{\"result\":\"已调解\"}"}, {"return", "{\"reason\":\"UNCLEAR_OWNERSHIP\"}"},
                {"urge", "{}"}};
        java.util.Map<Long, java.util.concurrent.atomic.AtomicInteger> wins = new java.util.concurrent.ConcurrentHashMap<>();
        ids.forEach(id -> wins.put(id, new java.util.concurrent.atomic.AtomicInteger()));
        List<Response> all = together(() -> {
            List<Response> mine = new ArrayList<>();
            java.util.Random random = new java.util.Random(Thread.currentThread().getId());
            for (int i = 0; i < 15; i++) {
                long id = ids.get(random.nextInt(ids.size()));
                String[] action = actions[random.nextInt(actions.length)];
                // The centre urges; the committee's handler does the rest.
                String user = action[0].equals("urge") ? "dispatcher" : "h-c001001";
                Response r = http().post("/api/cases/" + id + "/" + action[0], user, action[1]);
                if (r.status() == 200) {
                    wins.get(id).incrementAndGet();
                }
                mine.add(r);
            }
            return mine;
        }).stream().flatMap(List::stream).toList();
        // Every refusal is a 409: the state moved on, or another action won the race.
        assertThat(all).allMatch(r -> r.status() == 200 || r.status() == 409, "every answer is 200 or 409");
        assertThat(all).anyMatch(r -> r.status() == 409);
        for (long id : ids) {
            JsonNode c = http().get("/api/cases/" + id, "dispatcher").body();
            // Intake and dispatch, plus exactly one timeline entry and one version per win.
            assertThat(c.get("timeline").size()).isEqualTo(2 + wins.get(id).get());
            assertThat(c.get("version").asLong()).isEqualTo(1 + wins.get(id).get());
        }
    }

    @Test
    void retriesWithOneIdempotencyKeyMakeOneCase() throws Exception {
        String key = "retry-" + System.nanoTime();
        List<Response> responses = together(() -> http().post("/api/cases", "agent", newCaseJson("幂等并发", null),
                "Idempotency-Key", key));
        assertThat(responses).allMatch(r -> r.status() == 201);
        assertThat(responses.stream().map(r -> r.body().get("id").asLong()).distinct().count()).isEqualTo(1);
        assertThat(responses.stream().filter(r -> "false".equals(r.header("Idempotent-Replayed"))).count()).isEqualTo(1);
    }

    @Test
    void twoMergesCrossingEachOtherMergeOnceAndRefuseTheOtherWithoutA500() throws Exception {
        for (int round = 0; round < 5; round++) {
            long a = http().post("/api/cases", "agent", newCaseJson("交叉合并甲", "0101")).body().get("id").asLong();
            long b = http().post("/api/cases", "agent", newCaseJson("交叉合并乙", "0101")).body().get("id").asLong();
            java.util.concurrent.atomic.AtomicInteger turn = new java.util.concurrent.atomic.AtomicInteger();
            List<Integer> statuses = together(() -> {
                boolean aIntoB = turn.getAndIncrement() % 2 == 0;
                return act(aIntoB ? a : b, "merge", "agent", "{\"intoCaseId\":" + (aIntoB ? b : a) + "}").status();
            });
            assertThat(statuses).as("round " + round).allMatch(s -> s == 200 || s == 400 || s == 409);
            assertThat(statuses.stream().filter(s -> s == 200).count()).as("round " + round).isEqualTo(1);
            List<String> states = List.of(http().get("/api/cases/" + a, "agent").body().get("state").asText(),
                    http().get("/api/cases/" + b, "agent").body().get("state").asText());
            assertThat(states).containsExactlyInAnyOrder("VOID", "RECEIVED");
        }
    }
}
