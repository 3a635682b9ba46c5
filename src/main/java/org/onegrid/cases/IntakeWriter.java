package org.onegrid.cases;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.locks.LockSupport;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Writes new cases with their first timeline entry, committing the intakes that arrive together
 * in one statement and one transaction (group commit): one round trip and one WAL flush serve
 * many callers. Each caller returns only after the commit that holds its case, so an
 * acknowledged intake is durable; a retry under the same idempotency key, even inside the same
 * batch, inserts nothing.
 *
 * <p>Whoever finds the writer free writes everything queued so far, its own intake included,
 * while later arrivals queue for the next batch (flat combining: no writer thread, no hand-off
 * when callers come one at a time). The others wait on their own intake, not on the writer: the
 * writer wakes the callers it wrote for all at once, and the owner of the oldest queued intake to
 * write the next batch. (Waiting on the writer's lock made the callers of a finished batch take
 * the lock one after another only to leave, while nobody wrote: under load most of the request
 * threads stood in that line and a quarter of the CPU was idle.) A caller inside a transaction
 * writes alone within it.
 */
final class IntakeWriter {

    /** The most intakes one statement carries. */
    static final int MAX_BATCH = 64;

    private static final DateTimeFormatter CODE_DATE = DateTimeFormatter.BASIC_ISO_DATE;

    private static final String INSERT = """
            WITH input AS MATERIALIZED (
                SELECT t.*, nextval('case_id_seq') AS id
                FROM unnest(?::text[], ?::text[], ?::text[], ?::float8[], ?::float8[], ?::text[], ?::text[], ?::text[],
                            ?::text[], ?::text[], ?::timestamptz[], ?::text[], ?::text[], ?::text[], ?::timestamptz[],
                            ?::text[], ?::int[], ?::float8[], ?::text[])
                     WITH ORDINALITY AS t(channel, title, description, lat, lng, address, grid_code, category_code,
                                          reporter_name, reporter_phone, at, created_by, role, idempotency_key, due,
                                          detail, classifier_version, classifier_confidence, code_prefix, ord)),
            c AS (
                INSERT INTO cases (id, code, channel, title, description, lat, lng, address, grid_code, category_code,
                                   reporter_name, reporter_phone, received_at, created_by, idempotency_key, state,
                                   step_started_at, due_at, updated_at, classifier_version, classifier_confidence,
                                   classifier_category)
                SELECT id, code_prefix || lpad(id::text, greatest(6, length(id::text)), '0'), channel, title,
                       description, lat, lng, address, grid_code, category_code, reporter_name, reporter_phone, at,
                       created_by, idempotency_key, 'RECEIVED', at, due, at, classifier_version, classifier_confidence,
                       CASE WHEN classifier_version IS NULL THEN NULL ELSE category_code END
                FROM input ORDER BY ord
                ON CONFLICT (created_by, idempotency_key) WHERE idempotency_key IS NOT NULL DO NOTHING
                RETURNING id, code),
            e AS (
                INSERT INTO case_event (case_id, at, actor, actor_role, action, from_state, to_state, detail, due_at,
                                        category_code)
                SELECT c.id, i.at, i.created_by, i.role, 'RECEIVE', NULL, 'RECEIVED', i.detail, i.due, i.category_code
                FROM c JOIN input i USING (id) ORDER BY i.ord)
            SELECT i.ord, c.id, c.code FROM input i LEFT JOIN c USING (id) ORDER BY i.ord
            """;

    private final JdbcTemplate jdbc;
    private final ConcurrentLinkedQueue<Pending> queue = new ConcurrentLinkedQueue<>();
    private final ReentrantLock writing = new ReentrantLock();

    IntakeWriter(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** What was written for one intake: its id and code, or empty when its idempotency key was used. */
    record Written(long id, String code) {
    }

    /**
     * Inserts the case and its first timeline entry, committed when this returns (or, inside a
     * transaction, when that commits). Empty when the same user already used the idempotency key.
     */
    Optional<Written> insert(CaseRepository.Intake intake) {
        if (TransactionSynchronizationManager.isActualTransactionActive()) {
            return write(List.of(intake)).get(0);
        }
        Pending mine = new Pending(intake, Thread.currentThread());
        queue.add(mine);
        // Like the lock it replaces, the wait ignores interrupts (the intake is on its way to the
        // database either way); the flag is cleared so the wait does not spin, and restored after.
        boolean interrupted = false;
        while (!mine.done) {
            if (writing.tryLock()) {
                try {
                    if (!mine.done) {
                        writeQueued();
                    }
                } finally {
                    writing.unlock();
                }
                // Whatever queued meanwhile gets a writer: the caller that has waited longest.
                Pending next = queue.peek();
                if (next != null) {
                    LockSupport.unpark(next.caller);
                }
            } else {
                // The writer wakes this caller when its intake is written or when it is next to write.
                // An intake queued after the writer's last look finds the writer free, or the next one wakes it.
                LockSupport.park(this);
                interrupted |= Thread.interrupted();
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
        if (mine.failure != null) {
            throw mine.failure;
        }
        return mine.written;
    }

    /** Under the lock: takes what is queued, a batch at a time, and writes it. */
    private void writeQueued() {
        List<Pending> batch = new ArrayList<>();
        for (Pending p = queue.poll(); p != null; p = batch.size() < MAX_BATCH ? queue.poll() : null) {
            batch.add(p);
        }
        if (batch.isEmpty()) {
            return;
        }
        try {
            List<Optional<Written>> written = write(batch.stream().map(p -> p.intake).toList());
            for (int i = 0; i < batch.size(); i++) {
                batch.get(i).written = written.get(i);
            }
        } catch (RuntimeException batchFailed) {
            // One bad row must not fail its neighbours: write each alone so the failure lands on its own caller.
            for (Pending p : batch) {
                try {
                    p.written = write(List.of(p.intake)).get(0);
                } catch (RuntimeException failed) {
                    p.failure = failed;
                }
            }
        } finally {
            for (Pending p : batch) {
                p.done = true;
                if (p.caller != Thread.currentThread()) {
                    LockSupport.unpark(p.caller);
                }
            }
        }
    }

    /** One statement, committed on return (autocommit) unless a surrounding transaction holds it. */
    private List<Optional<Written>> write(List<CaseRepository.Intake> intakes) throws DataAccessException {
        return jdbc.execute((ConnectionCallback<List<Optional<Written>>>) connection -> {
            try (PreparedStatement statement = connection.prepareStatement(INSERT)) {
                int column = 0;
                statement.setArray(++column, texts(connection, intakes, in -> in.channel().name()));
                statement.setArray(++column, texts(connection, intakes, CaseRepository.Intake::title));
                statement.setArray(++column, texts(connection, intakes, CaseRepository.Intake::description));
                statement.setArray(++column, array(connection, "float8", intakes, CaseRepository.Intake::lat));
                statement.setArray(++column, array(connection, "float8", intakes, CaseRepository.Intake::lng));
                statement.setArray(++column, texts(connection, intakes, CaseRepository.Intake::address));
                statement.setArray(++column, texts(connection, intakes, CaseRepository.Intake::gridCode));
                statement.setArray(++column, texts(connection, intakes, CaseRepository.Intake::categoryCode));
                statement.setArray(++column, texts(connection, intakes, CaseRepository.Intake::reporterName));
                statement.setArray(++column, texts(connection, intakes, CaseRepository.Intake::reporterPhone));
                statement.setArray(++column, array(connection, "timestamptz", intakes, in -> in.receivedAt().toString()));
                statement.setArray(++column, texts(connection, intakes, CaseRepository.Intake::createdBy));
                statement.setArray(++column, texts(connection, intakes, CaseRepository.Intake::createdByRole));
                statement.setArray(++column, texts(connection, intakes, CaseRepository.Intake::idempotencyKey));
                statement.setArray(++column, array(connection, "timestamptz", intakes, in -> in.dueAt().toString()));
                statement.setArray(++column, texts(connection, intakes, CaseRepository.Intake::detail));
                statement.setArray(++column, array(connection, "int4", intakes, CaseRepository.Intake::classifierVersion));
                statement.setArray(++column, array(connection, "float8", intakes, CaseRepository.Intake::classifierConfidence));
                statement.setArray(++column, texts(connection, intakes, in -> in.receivedDay().format(CODE_DATE) + "-"));
                List<Optional<Written>> written = new ArrayList<>(intakes.size());
                try (ResultSet rs = statement.executeQuery()) {
                    while (rs.next()) {
                        long id = rs.getLong(2);
                        written.add(rs.wasNull() ? Optional.empty() : Optional.of(new Written(id, rs.getString(3))));
                    }
                }
                return written;
            }
        });
    }

    private static Array texts(Connection connection, List<CaseRepository.Intake> intakes,
                               Function<CaseRepository.Intake, String> value) throws SQLException {
        return array(connection, "text", intakes, value);
    }

    private static Array array(Connection connection, String type, List<CaseRepository.Intake> intakes,
                               Function<CaseRepository.Intake, ?> value) throws SQLException {
        return connection.createArrayOf(type, intakes.stream().map(value).toArray());
    }

    /** One caller's intake, waiting for the batch that writes it. The outcome is read after {@code done}. */
    private static final class Pending {
        final CaseRepository.Intake intake;
        final Thread caller;
        volatile boolean done;
        Optional<Written> written;
        RuntimeException failure;

        Pending(CaseRepository.Intake intake, Thread caller) {
            this.intake = intake;
            this.caller = caller;
        }
    }
}
