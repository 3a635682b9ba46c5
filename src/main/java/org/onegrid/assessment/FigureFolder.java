package org.onegrid.assessment;

import java.sql.Connection;
import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.onegrid.calendar.CalendarService;
import org.onegrid.calendar.WorkingCalendar;
import org.onegrid.cases.TransitionFeed;
import org.onegrid.cases.TransitionFeed.Batch;
import org.onegrid.cases.TransitionFeed.Position;
import org.onegrid.cases.TransitionFeed.Transition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Keeps {@code figure_day} up to date: reads the transition feed from where it last stopped,
 * turns each transition into facts by {@link FigureRules}, adds them up per (dimension, key, day)
 * and writes the sums, the facts themselves ({@code figure_fact}: the cases behind each figure)
 * and the new feed position in one transaction, so every transition counts
 * exactly once, also after a crash. Runs every few seconds (figures lag the cases by that much)
 * and on demand.
 */
@Component
public class FigureFolder {

    private static final Logger log = LoggerFactory.getLogger(FigureFolder.class);
    private static final Measure[] MEASURES = Measure.values();
    private static final String UPSERT;
    private static final String INSERT_FACTS = """
            INSERT INTO figure_fact (measure, day, case_id, amount, unit_id, grid_code, category_code)
            SELECT * FROM unnest(?::int2[], ?::date[], ?::int8[], ?::int4[], ?::int8[], ?::varchar[], ?::varchar[])""";

    static {
        StringBuilder columns = new StringBuilder();
        StringBuilder values = new StringBuilder();
        StringBuilder updates = new StringBuilder();
        for (Measure m : MEASURES) {
            columns.append(", ").append(m.column());
            values.append(", ?");
            updates.append(updates.isEmpty() ? "" : ", ").append(m.column()).append(" = figure_day.").append(m.column())
                    .append(" + EXCLUDED.").append(m.column());
        }
        UPSERT = "INSERT INTO figure_day (dimension, key, day" + columns + ") VALUES (?, ?, ?" + values + ")"
                + " ON CONFLICT (dimension, day, key) DO UPDATE SET " + updates;
    }

    private final TransitionFeed feed;
    private final JdbcClient jdbc;
    private final JdbcTemplate batches;
    private final TransactionTemplate transactions;
    private final CalendarService calendars;
    private final int batchSize;
    private final java.util.concurrent.locks.ReentrantLock lock = new java.util.concurrent.locks.ReentrantLock();

    FigureFolder(TransitionFeed feed, JdbcClient jdbc, JdbcTemplate batches, TransactionTemplate transactions,
                 CalendarService calendars, @Value("${onegrid.assessment.fold-batch:5000}") int batchSize) {
        this.batchSize = batchSize;
        this.feed = feed;
        this.jdbc = jdbc;
        this.batches = batches;
        this.transactions = transactions;
        this.calendars = calendars;
    }

    @Scheduled(fixedDelayString = "${onegrid.assessment.fold-every:PT2S}",
            initialDelayString = "${onegrid.assessment.fold-every:PT2S}")
    @net.javacrumbs.shedlock.spring.annotation.SchedulerLock(name = "assessment-fold", lockAtMostFor = "PT30S")
    void scheduled() {
        try {
            foldAll();
        } catch (RuntimeException e) {
            log.warn("folding the transition feed failed; will retry", e);
        }
    }

    /** Folds everything final in the feed, waiting for a fold in progress; returns how many transitions were folded. */
    public long foldAll() {
        lock.lock();
        try {
            long total = 0;
            int folded;
            do {
                folded = transactions.execute(tx -> foldBatch());
                total += folded;
                if (total % 1_000_000 < folded) {
                    log.info("folded {} transitions so far", total);
                }
            } while (folded == batchSize);
            return total;
        } finally {
            lock.unlock();
        }
    }

    /**
     * Folds what is pending unless a fold is already running (then the figures are read as they
     * stand, at most a fold's time behind): what a reader calls before reading figures.
     */
    public void foldPending() {
        if (lock.tryLock()) {
            try {
                foldAll();
            } finally {
                lock.unlock();
            }
        }
    }

    private int foldBatch() {
        Position from = jdbc.sql("SELECT tx::text, event_id FROM figure_feed_position WHERE id = 1 FOR UPDATE")
                .query((rs, i) -> new Position(rs.getString(1), rs.getLong(2))).single();
        Batch batch = feed.read(from, batchSize);
        if (batch.transitions().isEmpty()) {
            return 0;
        }
        WorkingCalendar calendar = calendars.calendar();
        Map<RowKey, long[]> sums = new HashMap<>();
        List<Fact> facts = new ArrayList<>(batch.transitions().size() * 3);
        for (Transition t : batch.transitions()) {
            for (Fact fact : FigureRules.of(t, calendar)) {
                addTo(sums, fact);
                if (fact.amount() != 0) {
                    facts.add(fact);
                }
            }
        }
        List<Object[]> rows = new ArrayList<>(sums.size());
        sums.entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(e -> {
            Object[] row = new Object[3 + MEASURES.length];
            row[0] = e.getKey().dimension();
            row[1] = e.getKey().key();
            row[2] = e.getKey().day();
            for (int i = 0; i < MEASURES.length; i++) {
                row[3 + i] = e.getValue()[i];
            }
            rows.add(row);
        });
        batches.batchUpdate(UPSERT, rows);
        insertFacts(facts);
        jdbc.sql("UPDATE figure_feed_position SET tx = CAST(? AS xid8), event_id = ? WHERE id = 1")
                .params(batch.next().tx(), batch.next().eventId()).update();
        return batch.transitions().size();
    }

    /** Keeps each case's share of the figures ({@code figure_fact}), all in one statement. */
    private void insertFacts(List<Fact> facts) {
        if (facts.isEmpty()) {
            return;
        }
        int n = facts.size();
        Short[] measures = new Short[n];
        Date[] days = new Date[n];
        Long[] cases = new Long[n];
        Integer[] amounts = new Integer[n];
        Long[] units = new Long[n];
        String[] grids = new String[n];
        String[] categories = new String[n];
        for (int i = 0; i < n; i++) {
            Fact f = facts.get(i);
            measures[i] = f.measure().code();
            days[i] = Date.valueOf(f.day());
            cases[i] = f.caseId();
            amounts[i] = Math.toIntExact(f.amount()); // working seconds of one step: far below 2^31
            units[i] = f.unitId();
            grids[i] = f.gridCode();
            categories[i] = f.categoryCode();
        }
        batches.update(INSERT_FACTS, statement -> {
            Connection connection = statement.getConnection();
            statement.setArray(1, connection.createArrayOf("int2", measures));
            statement.setArray(2, connection.createArrayOf("date", days));
            statement.setArray(3, connection.createArrayOf("int8", cases));
            statement.setArray(4, connection.createArrayOf("int4", amounts));
            statement.setArray(5, connection.createArrayOf("int8", units));
            statement.setArray(6, connection.createArrayOf("varchar", grids));
            statement.setArray(7, connection.createArrayOf("varchar", categories));
        });
    }

    /** A fact counts for the district, its unit, its base grid and its category. */
    static void addTo(Map<RowKey, long[]> sums, Fact fact) {
        add(sums, new RowKey(Dimension.DISTRICT.stored(), "", fact.day()), fact);
        if (fact.unitId() != null) {
            add(sums, new RowKey(Dimension.UNIT.stored(), String.valueOf(fact.unitId()), fact.day()), fact);
        }
        if (fact.gridCode() != null) {
            add(sums, new RowKey(Dimension.GRID.stored(), fact.gridCode(), fact.day()), fact);
        }
        add(sums, new RowKey(Dimension.CATEGORY.stored(), fact.categoryCode() == null ? "" : fact.categoryCode(),
                fact.day()), fact);
    }

    private static void add(Map<RowKey, long[]> sums, RowKey key, Fact fact) {
        sums.computeIfAbsent(key, k -> new long[MEASURES.length])[fact.measure().ordinal()] += fact.amount();
    }

    record RowKey(String dimension, String key, LocalDate day) implements Comparable<RowKey> {
        @Override
        public int compareTo(RowKey o) {
            int c = dimension.compareTo(o.dimension);
            if (c == 0) {
                c = day.compareTo(o.day);
            }
            return c == 0 ? key.compareTo(o.key) : c;
        }
    }
}
