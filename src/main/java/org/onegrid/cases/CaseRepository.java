package org.onegrid.cases;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.onegrid.security.DataScope;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Stores cases and their timelines with explicit SQL; the only writer of the cases tables. */
@Repository
class CaseRepository {

    private static final String COLUMNS = """
            id, code, channel, title, description, lat, lng, address, grid_code, place_code, category_code, reporter_name,
            reporter_phone, received_at, created_by, state, owner_unit_id, step_started_at, due_at, handling_due_at,
            return_count, rework_count, extension_count, urge_count, escalation_level, pending_extension_days,
            resolution, stars, resolved_at, closed_at, arbitration_due_at, arbitrated, merged_into, updated_at, version
            """;

    /** Open, as {@link CaseState#isOpen()} says: neither closed nor void. */
    static final String OPEN = "state NOT IN ('CLOSED', 'VOID')";

    /**
     * Overdue (超期): open and past the deadline of its current step; the one definition for the
     * list filter, the dashboard and the case page's red colour. Takes the moment as parameter.
     */
    static final String OVERDUE = OPEN + " AND due_at < ?";


    private static final RowMapper<Case> CASE = (rs, i) -> new Case(new CaseSnapshot(
            rs.getLong("id"), rs.getString("code"), Channel.valueOf(rs.getString("channel")), rs.getString("title"),
            rs.getString("description"), (Double) rs.getObject("lat"), (Double) rs.getObject("lng"),
            rs.getString("address"), rs.getString("grid_code"), rs.getString("place_code"), rs.getString("category_code"),
            rs.getString("reporter_name"), rs.getString("reporter_phone"), instant(rs, "received_at"),
            rs.getString("created_by"), CaseState.valueOf(rs.getString("state")), (Long) rs.getObject("owner_unit_id"),
            instant(rs, "step_started_at"), instant(rs, "due_at"), instant(rs, "handling_due_at"),
            rs.getInt("return_count"), rs.getInt("rework_count"), rs.getInt("extension_count"), rs.getInt("urge_count"),
            rs.getInt("escalation_level"), (Integer) rs.getObject("pending_extension_days"), rs.getString("resolution"),
            rs.getObject("stars") == null ? null : rs.getInt("stars"), instant(rs, "resolved_at"),
            instant(rs, "closed_at"), instant(rs, "arbitration_due_at"), rs.getBoolean("arbitrated"),
            (Long) rs.getObject("merged_into"), instant(rs, "updated_at"), rs.getLong("version")));

    private final JdbcClient jdbc;
    private final IntakeWriter intakes;

    CaseRepository(JdbcClient jdbc, org.springframework.jdbc.core.JdbcTemplate jdbcTemplate) {
        this.jdbc = jdbc;
        this.intakes = new IntakeWriter(jdbcTemplate);
    }

    /** What intake writes: the reported facts and the first deadline. */
    record Intake(Channel channel, String title, String description, Double lat, Double lng, String address,
                  String gridCode, String categoryCode, String reporterName, String reporterPhone, Instant receivedAt,
                  LocalDate receivedDay, String createdBy, String createdByRole, String idempotencyKey, Instant dueAt,
                  String detail, Integer classifierVersion, Double classifierConfidence, String placeCode) {
    }

    /**
     * Inserts a new case and its first timeline entry, durable on return (group commit with the
     * intakes that arrive at the same time). With an idempotency key already used by the same
     * user, inserts nothing and returns empty.
     */
    Optional<Case> insert(Intake in) {
        Optional<IntakeWriter.Written> inserted = intakes.insert(in);
        inserted.ifPresent(written -> locateToPlace(written.id(), in.placeCode()));
        return inserted.map(written -> new Case(new CaseSnapshot(written.id(), written.code(), in.channel(),
                in.title(), in.description(), in.lat(), in.lng(), in.address(), in.gridCode(), in.placeCode(),
                in.categoryCode(),
                in.reporterName(), in.reporterPhone(), in.receivedAt(), in.createdBy(), CaseState.RECEIVED, null,
                in.receivedAt(), in.dueAt(), null, 0, 0, 0, 0, 0, null, null, null, null, null, null, false, null,
                in.receivedAt(), 0)));
    }

    /**
     * Sets the compound or building a case was located to, if it has none yet: after the intake's
     * insert, and again on a retry (so that a crash in between loses nothing the caller was told).
     */
    void locateToPlace(long caseId, String placeCode) {
        if (placeCode != null) {
            jdbc.sql("UPDATE cases SET place_code = ? WHERE id = ? AND place_code IS NULL").params(placeCode, caseId).update();
        }
    }

    Optional<Long> idByIdempotencyKey(String createdBy, String key) {
        return jdbc.sql("SELECT id FROM cases WHERE created_by = ? AND idempotency_key = ?")
                .params(createdBy, key).query(Long.class).optional();
    }

    /** The case, if it lies within the scope; a case outside it is as good as missing. */
    Optional<Case> find(long id, DataScope scope) {
        List<Object> params = new ArrayList<>();
        params.add(id);
        String where = " WHERE id = ?" + scopeCondition(scope, params);
        Optional<Case> found = jdbc.sql("SELECT " + COLUMNS + " FROM cases" + where).params(params).query(CASE).optional();
        found.ifPresent(c -> c.coHandlers().load(coHandlers(id)));
        return found;
    }

    /** The cases among {@code ids} that lie within the scope, in id order. */
    List<Case> findAll(List<Long> ids, DataScope scope) {
        List<Object> params = new ArrayList<>();
        params.add(ids.toArray(Long[]::new));
        String where = " WHERE id = ANY (?)" + scopeCondition(scope, params);
        return jdbc.sql("SELECT " + COLUMNS + " FROM cases" + where + " ORDER BY id").params(params).query(CASE).list();
    }

    List<CoHandler> coHandlers(long caseId) {
        return jdbc.sql("SELECT unit_id, due_at, reported_at, report FROM case_co_handler WHERE case_id = ? ORDER BY unit_id")
                .param(caseId)
                .query((rs, i) -> new CoHandler(rs.getLong(1), instant(rs, "due_at"), instant(rs, "reported_at"),
                        rs.getString(4)))
                .list();
    }

    /**
     * The one place data scope becomes SQL: every read of cases passes through it. A case is in
     * scope when it lies under one of the scope's territory codes or was ever assigned to one of
     * its units (co-handlers summoned onto a case count as assigned).
     */
    static String scopeCondition(DataScope scope, List<Object> params) {
        if (scope.all()) {
            return "";
        }
        params.add(scope.gridPrefixes().stream().map(p -> p + "%").toArray(String[]::new));
        params.add(scope.unitIds().toArray(Long[]::new));
        return " AND (grid_code LIKE ANY (?) OR involved_unit_ids && ?)";
    }

    List<Case> inArbitration(DataScope scope, int limit) {
        List<Object> params = new ArrayList<>();
        String where = " WHERE arbitration_due_at IS NOT NULL" + scopeCondition(scope, params);
        params.add(limit);
        return jdbc.sql("SELECT " + COLUMNS + " FROM cases" + where + " ORDER BY arbitration_due_at LIMIT ?")
                .params(params).query(CASE).list();
    }

    List<Long> arbitrationOverdue(Instant now, int limit) {
        return jdbc.sql("SELECT id FROM cases WHERE arbitration_due_at < ? ORDER BY arbitration_due_at LIMIT ?")
                .params(ts(now), limit).query(Long.class).list();
    }

    /** A reporter of a case merged into another, kept on the case that stays. */
    record LinkedReporter(long fromCaseId, String fromCaseCode, String name, String phone) {
    }

    void linkReporter(long caseId, Case merged) {
        jdbc.sql("""
                INSERT INTO case_linked_reporter (case_id, from_case_id, reporter_name, reporter_phone) VALUES (?, ?, ?, ?)
                ON CONFLICT DO NOTHING
                """).params(caseId, merged.id(), merged.loaded().reporterName(), merged.loaded().reporterPhone()).update();
    }

    List<LinkedReporter> linkedReporters(long caseId) {
        return jdbc.sql("""
                SELECT l.from_case_id, c.code, l.reporter_name, l.reporter_phone FROM case_linked_reporter l
                JOIN cases c ON c.id = l.from_case_id WHERE l.case_id = ? ORDER BY l.from_case_id
                """).param(caseId)
                .query((rs, i) -> new LinkedReporter(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4)))
                .list();
    }

    /**
     * Cases received within [from, to) inside a latitude/longitude box, whose category starts
     * with {@code categoryPrefix}, not merged away, other than {@code excludeId}.
     */
    List<Case> near(long excludeId, double south, double north, double west, double east, Instant from, Instant to,
                    String categoryPrefix, DataScope scope, int limit) {
        List<Object> params = new ArrayList<>(List.of(excludeId, south, north, west, east, ts(from), ts(to),
                categoryPrefix + "%"));
        String where = " WHERE id <> ? AND merged_into IS NULL AND state <> 'VOID' AND lat BETWEEN ? AND ?"
                + " AND lng BETWEEN ? AND ? AND received_at >= ? AND received_at < ? AND category_code LIKE ?"
                + scopeCondition(scope, params);
        params.add(limit);
        return jdbc.sql("SELECT " + COLUMNS + " FROM cases" + where + " ORDER BY received_at DESC LIMIT ?")
                .params(params).query(CASE).list();
    }

    /** Closed cases with the category people finally settled on: what the classifier learns from. */
    List<CaseViews.TrainingExample> trainingExamples(int limit) {
        return jdbc.sql("""
                SELECT id, title, description, category_code FROM cases
                WHERE state = 'CLOSED' AND category_code IS NOT NULL ORDER BY closed_at DESC LIMIT ?
                """).param(limit)
                .query((rs, i) -> new CaseViews.TrainingExample(rs.getLong(1), rs.getString(2), rs.getString(3),
                        rs.getString(4)))
                .list();
    }

    record PendingReportIn(long caseId, long unitId, Instant dueAt) {
    }

    /** Report-ins past their deadline on open cases, within the scope. */
    List<PendingReportIn> overdueReportIns(DataScope scope, Instant now) {
        List<Object> params = new ArrayList<>();
        params.add(ts(now));
        String where = " WHERE h.reported_at IS NULL AND h.due_at < ? AND " + OPEN
                + scopeCondition(scope, params);
        return jdbc.sql("SELECT h.case_id, h.unit_id, h.due_at FROM case_co_handler h JOIN cases ON cases.id = h.case_id"
                        + where + " ORDER BY h.due_at LIMIT 500")
                .params(params).query((rs, i) -> new PendingReportIn(rs.getLong(1), rs.getLong(2), instant(rs, "due_at"))).list();
    }

    /** Open cases on which {@code unitId} is a co-handler that has not reported in yet. */
    List<Case> awaitingReportIn(long unitId, DataScope scope) {
        List<Object> params = new ArrayList<>();
        params.add(unitId);
        String where = " WHERE id IN (SELECT case_id FROM case_co_handler WHERE unit_id = ? AND reported_at IS NULL)"
                + " AND " + OPEN + scopeCondition(scope, params);
        return jdbc.sql("SELECT " + COLUMNS + " FROM cases" + where + " ORDER BY id LIMIT 200").params(params).query(CASE).list();
    }

    Optional<Case> findByCode(String code) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM cases WHERE code = ?").param(code).query(CASE).optional();
    }

    List<TimelineEntry> timeline(long id) {
        return jdbc.sql("""
                SELECT at, actor, actor_role, action, from_state, to_state, detail, note
                FROM case_event WHERE case_id = ? ORDER BY id
                """).param(id).query((rs, i) -> new TimelineEntry(instant(rs, "at"), rs.getString("actor"),
                rs.getString("actor_role"), CaseAction.valueOf(rs.getString("action")),
                rs.getString("from_state") == null ? null : CaseState.valueOf(rs.getString("from_state")),
                CaseState.valueOf(rs.getString("to_state")), rs.getString("detail"), rs.getString("note"))).list();
    }

    /** Locks the rows of two cases in id order: two transactions locking the same pair wait instead of deadlocking. */
    void lockInOrder(long a, long b) {
        jdbc.sql("SELECT id FROM cases WHERE id IN (?, ?) ORDER BY id FOR UPDATE").params(a, b).query(Long.class).list();
    }

    /**
     * Writes the case's changed fields if nobody else changed it since it was read (optimistic
     * locking on {@code version}), and appends its new timeline entries. Returns false when
     * another transition won.
     */
    boolean save(Case c) {
        CaseSnapshot s = c.snapshot();
        int updated = jdbc.sql("""
                UPDATE cases SET state = ?, category_code = ?, owner_unit_id = ?, step_started_at = ?, due_at = ?, handling_due_at = ?,
                    return_count = ?, rework_count = ?, extension_count = ?, urge_count = ?, escalation_level = ?,
                    pending_extension_days = ?, resolution = ?, stars = ?, resolved_at = ?, closed_at = ?,
                    arbitration_due_at = ?, arbitrated = ?, merged_into = ?, updated_at = ?, version = version + 1,
                    involved_unit_ids = CASE WHEN CAST(? AS bigint) IS NULL OR ? = ANY (involved_unit_ids)
                        THEN involved_unit_ids ELSE array_append(involved_unit_ids, ?) END
                WHERE id = ? AND version = ?
                """).params(s.state().name(), s.categoryCode(), s.ownerUnitId(), ts(s.stepStartedAt()), ts(s.dueAt()), ts(s.handlingDueAt()),
                        s.returnCount(), s.reworkCount(), s.extensionCount(), s.urgeCount(), s.escalationLevel(),
                        s.pendingExtensionDays(), s.resolution(), s.stars(), ts(s.resolvedAt()), ts(s.closedAt()),
                        ts(s.arbitrationDueAt()), s.arbitrated(), s.mergedInto(), ts(s.updatedAt()), s.ownerUnitId(), s.ownerUnitId(), s.ownerUnitId(), s.id(), s.version())
                .update();
        if (updated == 0) {
            return false;
        }
        for (CoHandler h : c.coHandlers().changed()) {
            jdbc.sql("""
                    INSERT INTO case_co_handler (case_id, unit_id, due_at, reported_at, report) VALUES (?, ?, ?, ?, ?)
                    ON CONFLICT (case_id, unit_id) DO UPDATE SET reported_at = EXCLUDED.reported_at, report = EXCLUDED.report
                    """).params(s.id(), h.unitId(), ts(h.dueAt()), ts(h.reportedAt()), h.report()).update();
            jdbc.sql("UPDATE cases SET involved_unit_ids = array_append(involved_unit_ids, ?) WHERE id = ? AND NOT (? = ANY (involved_unit_ids))")
                    .params(h.unitId(), s.id(), h.unitId()).update();
        }
        CaseSnapshot before = c.loaded();
        for (TimelineEntry e : c.newEntries()) {
            // What the entry changed, from the case as read to the case as saved: the transition feed.
            jdbc.sql("""
                    INSERT INTO case_event (case_id, at, actor, actor_role, action, from_state, to_state, detail, note,
                                            unit_id, prior_unit_id, due_at, prior_due_at, prior_step_started_at,
                                            category_code, prior_category_code, stars)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                    """).params(s.id(), ts(e.at()), e.actor(), e.actorRole(), e.action().name(),
                            e.from() == null ? null : e.from().name(), e.to().name(), e.detail(), e.note(),
                            s.ownerUnitId(), before.ownerUnitId(), ts(s.dueAt()), ts(before.dueAt()),
                            ts(before.stepStartedAt()), s.categoryCode(), before.categoryCode(),
                            e.action() == CaseAction.RATE ? s.stars() : null)
                    .update();
        }
        return true;
    }

    /** One page of cases matching a filter, newest first, with the total count. */
    CasePage list(CaseFilter filter, DataScope scope, Instant now) {
        List<Object> params = new ArrayList<>();
        String where = where(filter, scope, now, params);
        params.add(filter.size());
        params.add((long) filter.page() * filter.size());
        List<Case> items = jdbc.sql("SELECT " + COLUMNS + " FROM cases" + where
                        + " ORDER BY received_at DESC, id DESC LIMIT ? OFFSET ?")
                .params(params).query(CASE).list();
        return new CasePage(items, filter.page(), filter.size(), count(filter, scope, now));
    }

    /** How many cases match the filter (paging ignored). */
    long count(CaseFilter filter, DataScope scope, Instant now) {
        List<Object> params = new ArrayList<>();
        String where = where(filter, scope, now, params);
        return jdbc.sql("SELECT count(*) FROM cases" + where).params(params).query(Long.class).single();
    }

    /**
     * The cases matching the filter (paging ignored), newest first, in batches of {@code batch}
     * read one query each (keyset paging: no transaction held open, however long the reader
     * takes), until {@code limit} cases or the reader returns false.
     */
    void forEachBatch(CaseFilter filter, DataScope scope, Instant now, int batch, long limit,
                      java.util.function.Predicate<List<Case>> reader) {
        Instant lastReceived = null;
        long lastId = 0;
        long read = 0;
        while (read < limit) {
            List<Object> params = new ArrayList<>();
            StringBuilder where = new StringBuilder(where(filter, scope, now, params));
            if (lastReceived != null) {
                where.append(" AND (received_at, id) < (?, ?)");
                params.add(ts(lastReceived));
                params.add(lastId);
            }
            params.add((int) Math.min(batch, limit - read));
            List<Case> cases = jdbc.sql("SELECT " + COLUMNS + " FROM cases" + where
                    + " ORDER BY received_at DESC, id DESC LIMIT ?").params(params).query(CASE).list();
            if (cases.isEmpty() || !reader.test(cases)) {
                return;
            }
            read += cases.size();
            Case last = cases.get(cases.size() - 1);
            lastReceived = last.loaded().receivedAt();
            lastId = last.id();
        }
    }

    /** The filter as a WHERE clause, its values added to {@code params}. */
    private static String where(CaseFilter filter, DataScope scope, Instant now, List<Object> params) {
        StringBuilder where = new StringBuilder(" WHERE true").append(scopeCondition(scope, params));
        if (filter.state() != null) {
            where.append(" AND state = ?");
            params.add(filter.state().name());
        }
        if (filter.unitId() != null) {
            where.append(" AND owner_unit_id = ?");
            params.add(filter.unitId());
        }
        if (filter.gridCode() != null) {
            where.append(" AND grid_code LIKE ?");
            params.add(filter.gridCode() + "%");
        }
        if (filter.categoryCode() != null) {
            where.append(" AND category_code LIKE ?");
            params.add(filter.categoryCode() + "%");
        }
        if (filter.from() != null) {
            where.append(" AND received_at >= ?");
            params.add(ts(filter.from()));
        }
        if (filter.to() != null) {
            where.append(" AND received_at < ?");
            params.add(ts(filter.to()));
        }
        if (filter.search() != null) {
            CaseSearch search = filter.search();
            if (search.code() != null) {
                where.append(" AND code = ?");
                params.add(search.code());
            } else if (search.phoneDigits() != null) {
                where.append(" AND regexp_replace(reporter_phone, '[^0-9]', '', 'g') LIKE ?");
                params.add("%" + search.phoneDigits());
            } else {
                where.append(" AND (title ILIKE ? OR description ILIKE ?)");
                params.add(search.wordsPattern());
                params.add(search.wordsPattern());
            }
        }
        if (filter.overdue() != null) {
            where.append(filter.overdue()
                    ? " AND " + OVERDUE
                    : " AND NOT (" + OVERDUE + ")");
            params.add(ts(now));
        }
        return where.toString();
    }

    static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }

    private static Timestamp ts(Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }
}
