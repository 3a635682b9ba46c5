package org.onegrid.cases;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.onegrid.support.ApiTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Intakes that arrive together are committed together (group commit); each caller still gets
 * exactly its own outcome: retries of one idempotency key racing each other make one case, and
 * a row the database refuses fails its own caller only. More callers than one batch holds, so
 * the writer must hand over to a waiting caller; a lost wake-up fails the test by its time-out.
 */
class IntakeWriterTest extends ApiTest {

    private static final int CALLERS = IntakeWriter.MAX_BATCH + 36;

    @Autowired
    private JdbcTemplate jdbc;

    @Test
    void concurrentRetriesOfOneKeyMakeOneCaseAndABadRowFailsOnlyItsCaller() throws Exception {
        IntakeWriter writer = new IntakeWriter(jdbc);
        String run = "writer-" + System.nanoTime();
        CyclicBarrier start = new CyclicBarrier(CALLERS);
        ExecutorService pool = Executors.newFixedThreadPool(CALLERS);
        List<Future<Optional<IntakeWriter.Written>>> outcomes = new ArrayList<>();
        for (int i = 0; i < CALLERS; i++) {
            // Callers 0-7 retry one key; caller 8 has a title longer than the column allows; the rest have keys of their own.
            String key = i < 8 ? run + "-same" : run + "-" + i;
            String title = i == 8 ? "长".repeat(201) : "并发受理 " + i;
            Callable<Optional<IntakeWriter.Written>> call = () -> {
                start.await();
                return writer.insert(intake(title, key));
            };
            outcomes.add(pool.submit(call));
        }
        pool.shutdown();

        List<Long> sameKeyIds = new ArrayList<>();
        int written = 0;
        for (int i = 0; i < CALLERS; i++) {
            if (i == 8) {
                Future<Optional<IntakeWriter.Written>> bad = outcomes.get(i);
                assertThat(org.assertj.core.api.Assertions.catchThrowable(() -> bad.get(30, TimeUnit.SECONDS)))
                        .hasCauseInstanceOf(DataAccessException.class);
                continue;
            }
            Optional<IntakeWriter.Written> outcome = outcomes.get(i).get(30, TimeUnit.SECONDS);
            if (i < 8) {
                outcome.ifPresent(w -> sameKeyIds.add(w.id()));
            } else {
                assertThat(outcome).as("caller %d", i).isPresent();
            }
            written += outcome.isPresent() ? 1 : 0;
        }
        assertThat(sameKeyIds).as("one of the racing retries writes; the others find the key used").hasSize(1);
        assertThat(written).isEqualTo(CALLERS - 8);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM cases WHERE idempotency_key LIKE ?", Long.class, run + "%"))
                .isEqualTo(CALLERS - 8);
        // Every case written has its first timeline entry.
        assertThat(jdbc.queryForObject("""
                SELECT count(*) FROM case_event e JOIN cases c ON c.id = e.case_id
                WHERE c.idempotency_key LIKE ? AND e.action = 'RECEIVE'
                """, Long.class, run + "%")).isEqualTo(CALLERS - 8);
    }

    /** Received in March 2020, a month no other test counts in (the suite shares one database). */
    private static CaseRepository.Intake intake(String title, String key) {
        Instant at = Instant.parse("2020-03-02T02:00:00Z");
        return new CaseRepository.Intake(Channel.HOTLINE_12345, title, "并发受理测试", 34.5555, 119.1355, null,
                "320706001001001", "0101", null, null, at, LocalDate.of(2020, 3, 2), "agent", "INTAKE_AGENT", key,
                Instant.parse("2020-03-03T10:00:00Z"), "located in 测试网格 (320706001001001)", null, null, null);
    }
}
