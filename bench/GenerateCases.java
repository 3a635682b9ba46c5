import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.LocalDate;

/**
 * Fills a OneGrid database (migrated, with the demo district loaded) with N generated cases and
 * their timelines, the feed columns set as the application sets them, spread over the days from
 * FROM to the day before TO: about 10% more on weekdays, fewer at weekends, a summer peak; the
 * demo district's leaf categories, base grids and units; older cases mostly closed (3% void),
 * the last two weeks in every state. Times keep the order of the life cycle and deadlines are
 * close to the real ones (sign-for 2 hours, handling 3 days; not the working calendar), about
 * 10% signed for late and 15% resolved late; ratings 3-5 stars (no reopenings: the tests cover
 * those). Runs month by month, one transaction each, printing progress; drops the secondary
 * indexes of cases and case_event first and builds them again at the end.
 * Usage: java -cp postgresql.jar bench/GenerateCases.java JDBC_URL N FROM TO
 */
public class GenerateCases {

    public static void main(String[] args) throws Exception {
        String url = args[0];
        long n = Long.parseLong(args[1]);
        LocalDate from = LocalDate.parse(args[2]);
        LocalDate to = LocalDate.parse(args[3]);
        try (Connection db = DriverManager.getConnection(url, "postgres", "")) {
            db.setAutoCommit(true);
            try (Statement s = db.createStatement()) {
                s.execute("SET maintenance_work_mem = '1GB'");
                s.execute("SET synchronous_commit = off");
                s.execute("SET max_parallel_maintenance_workers = 2");
            }
            // Weights per day so that the whole period holds about N cases.
            double weightSum = 0;
            for (LocalDate d = from; d.isBefore(to); d = d.plusDays(1)) {
                weightSum += weight(d);
            }
            double perWeight = n / weightSum;
            String[] indexes = dropIndexes(db);
            long made = 0;
            long started = System.nanoTime();
            for (LocalDate month = from.withDayOfMonth(1); month.isBefore(to); month = month.plusMonths(1)) {
                LocalDate a = month.isBefore(from) ? from : month;
                LocalDate b = month.plusMonths(1).isAfter(to) ? to : month.plusMonths(1);
                made += generate(db, a, b, perWeight);
                System.out.printf("%s: %,d cases so far, %.0f s%n", month, made, (System.nanoTime() - started) / 1e9);
            }
            System.out.println("building indexes...");
            try (Statement s = db.createStatement()) {
                for (String index : indexes) {
                    s.execute(index);
                }
                // As autovacuum would leave them: statistics and the visibility map (index-only scans).
                s.execute("VACUUM ANALYZE cases");
                s.execute("VACUUM ANALYZE case_event");
            }
            System.out.printf("generated=%d seconds=%.0f%n", made, (System.nanoTime() - started) / 1e9);
        }
    }

    static double weight(LocalDate d) {
        double season = 1 + 0.25 * Math.sin(2 * Math.PI * (d.getDayOfYear() - 100) / 365.0);
        double weekday = d.getDayOfWeek().getValue() >= 6 ? 0.6 : 1.1;
        return season * weekday;
    }

    /** Drops the secondary indexes of cases and case_event; returns their definitions. */
    static String[] dropIndexes(Connection db) throws Exception {
        java.util.List<String> definitions = new java.util.ArrayList<>();
        java.util.List<String> names = new java.util.ArrayList<>();
        try (Statement s = db.createStatement();
             ResultSet rs = s.executeQuery("""
                     SELECT indexname, indexdef FROM pg_indexes WHERE tablename IN ('cases', 'case_event')
                     AND indexname NOT IN ('cases_pkey', 'case_event_pkey', 'cases_code_key')""")) {
            while (rs.next()) {
                names.add(rs.getString(1));
                definitions.add(rs.getString(2));
            }
        }
        try (Statement s = db.createStatement()) {
            for (String name : names) {
                s.execute("DROP INDEX " + name);
            }
        }
        return definitions.toArray(String[]::new);
    }

    static long generate(Connection db, LocalDate from, LocalDate to, double perWeight) throws Exception {
        db.setAutoCommit(false);
        try (Statement s = db.createStatement()) {
            s.execute("SET LOCAL synchronous_commit = off");
            s.execute("CREATE TEMP TABLE IF NOT EXISTS gen_day (day date, n int)");
            s.execute("TRUNCATE gen_day");
            try (PreparedStatement p = db.prepareStatement("INSERT INTO gen_day VALUES (?, ?)")) {
                for (LocalDate d = from; d.isBefore(to); d = d.plusDays(1)) {
                    p.setObject(1, d);
                    p.setInt(2, (int) Math.round(weight(d) * perWeight));
                    p.addBatch();
                }
                p.executeBatch();
            }
            s.execute("DROP TABLE IF EXISTS gen");
            s.execute("""
                    CREATE TEMP TABLE gen AS
                    WITH pools AS (
                        SELECT (SELECT array_agg(code ORDER BY code) FROM category c
                                 WHERE NOT EXISTS (SELECT 1 FROM category k WHERE k.parent_code = c.code)) AS cats,
                               (SELECT array_agg(code ORDER BY code) FROM grid_node WHERE level = 'GRID') AS grids,
                               (SELECT array_agg(id ORDER BY id) FROM unit WHERE kind <> 'COMMAND_CENTRE') AS units),
                    raw AS (
                        SELECT nextval('case_id_seq') AS id, d.day,
                               ((d.day + make_interval(hours => 8 + floor(random() * 11)::int,
                                                       mins => floor(random() * 60)::int))::timestamp
                                   AT TIME ZONE 'Asia/Shanghai') AS t0,
                               random() AS r_state, random() AS r_late, random() AS r_res, random() AS r_stars,
                               random() AS r_auto, random() AS r_ch,
                               p.cats[1 + floor(random() * cardinality(p.cats))::int] AS category,
                               p.grids[1 + floor(random() * cardinality(p.grids))::int] AS grid,
                               p.units[1 + floor(random() * cardinality(p.units))::int] AS unit
                        FROM gen_day d CROSS JOIN pools p CROSS JOIN LATERAL generate_series(1, d.n) k),
                    timed AS (
                        SELECT r.*, t0 + interval '2 hours' AS dispatch_due,
                               t0 + interval '30 minutes' AS t_disp,
                               t0 + interval '150 minutes' AS sign_due,
                               t0 + CASE WHEN r_late < 0.1 THEN interval '5 hours' ELSE interval '70 minutes' END AS t_acc
                        FROM raw r),
                    timed2 AS (
                        SELECT t.*, t_acc + interval '3 days' AS handling_due,
                               t_acc + (r_res * interval '3 days' / 0.85) AS t_res
                        FROM timed t),
                    timed3 AS (
                        SELECT t.*, t_res + interval '1 day' AS verify_due, t_res + interval '4 hours' AS t_ver,
                               t_res + interval '28 hours' AS t_rate, t_res + interval '30 hours' AS t_close,
                               t_res + interval '2 days' AS rate_due, t_res + interval '52 hours' AS close_due,
                               CASE WHEN r_stars < 0.65 THEN 5 WHEN r_stars < 0.88 THEN 4 ELSE 3 END AS stars
                        FROM timed2 t),
                    staged AS (
                        SELECT t.*,
                               CASE WHEN now() - t0 > interval '14 days'
                                    THEN CASE WHEN r_state < 0.03 THEN 7 ELSE 6 END
                                    ELSE CASE WHEN r_state < 0.03 THEN 7 WHEN r_state < 0.05 THEN 8
                                              WHEN r_state < 0.10 THEN 0 WHEN r_state < 0.20 THEN 1
                                              WHEN r_state < 0.45 THEN 2 WHEN r_state < 0.55 THEN 3
                                              WHEN r_state < 0.65 THEN 4 WHEN r_state < 0.75 THEN 5 ELSE 6 END
                               END AS target
                        FROM timed3 t)
                    SELECT s.*,
                           CASE WHEN target >= 7 THEN target
                                ELSE LEAST(target, CASE WHEN t_close <= now() THEN 6 WHEN t_rate <= now() THEN 5
                                                         WHEN t_ver <= now() THEN 4 WHEN t_res <= now() THEN 3
                                                         WHEN t_acc <= now() THEN 2 WHEN t_disp <= now() THEN 1 ELSE 0 END)
                           END AS stage
                    FROM staged s""");
            s.execute("""
                    INSERT INTO cases (id, code, channel, title, description, grid_code, category_code, reporter_name,
                                       reporter_phone, received_at, created_by, state, owner_unit_id, step_started_at,
                                       due_at, handling_due_at, return_count, stars, resolved_at, closed_at, updated_at,
                                       involved_unit_ids, classifier_version, classifier_confidence, resolution,
                                       classifier_category)
                    SELECT g.id, to_char(g.t0 AT TIME ZONE 'Asia/Shanghai', 'YYYYMMDD') || '-' || lpad(g.id::text, 8, '0'),
                           (ARRAY['HOTLINE_12345','HOTLINE_12345','HOTLINE_12345','GRID_WORKER','GRID_WORKER','WALK_IN',
                                  'VILLAGE_MEETING','INSPECTION','DIGITAL_URBAN_MANAGEMENT','RESIDENT_ONLINE'])[1 + floor(g.r_ch * 10)::int],
                           c.name || '问题反映', '群众反映' || c.name || '，位置在' || n.name || '，请尽快处理。编号' || g.id,
                           g.grid, g.category, (ARRAY['王','李','张','刘','陈','杨'])[1 + floor(g.r_ch * 6)::int] || '先生',
                           '13' || lpad((g.id % 1000000000)::text, 9, '0'), g.t0, 'agent',
                           (ARRAY['RECEIVED','DISPATCHED','ACCEPTED','RESOLVED','VERIFIED','RATED','CLOSED','VOID','RETURNED'])[g.stage + 1],
                           CASE WHEN g.stage BETWEEN 1 AND 6 THEN g.unit END,
                           CASE g.stage WHEN 0 THEN g.t0 WHEN 1 THEN g.t_disp WHEN 2 THEN g.t_acc WHEN 3 THEN g.t_res
                                        WHEN 4 THEN g.t_ver WHEN 5 THEN g.t_rate WHEN 6 THEN g.t_close
                                        WHEN 7 THEN g.t0 + interval '1 hour' ELSE g.t_disp + interval '1 hour' END,
                           CASE g.stage WHEN 0 THEN g.dispatch_due WHEN 1 THEN g.sign_due WHEN 2 THEN g.handling_due
                                        WHEN 3 THEN g.verify_due WHEN 4 THEN g.rate_due WHEN 5 THEN g.close_due
                                        WHEN 8 THEN g.t_disp + interval '3 hours' END,
                           CASE WHEN g.stage BETWEEN 2 AND 6 THEN g.handling_due END,
                           CASE WHEN g.stage = 8 THEN 1 ELSE 0 END,
                           CASE WHEN g.stage BETWEEN 5 AND 6 THEN g.stars END,
                           CASE WHEN g.stage BETWEEN 3 AND 6 THEN g.t_res END,
                           CASE g.stage WHEN 6 THEN g.t_close WHEN 7 THEN g.t0 + interval '1 hour' END,
                           g.t0, CASE WHEN g.stage BETWEEN 1 AND 6 OR g.stage = 8 THEN ARRAY[g.unit] ELSE '{}' END,
                           CASE WHEN g.r_auto < 0.45 THEN 1 END, CASE WHEN g.r_auto < 0.45 THEN 0.9 END,
                           CASE WHEN g.stage BETWEEN 3 AND 6 THEN '已处理完毕' END,
                           CASE WHEN g.r_auto < 0.45 THEN g.category END
                    FROM gen g JOIN category c ON c.code = g.category JOIN grid_node n ON n.code = g.grid""");
            s.execute("""
                    INSERT INTO case_event (case_id, at, actor, actor_role, action, from_state, to_state, unit_id,
                                            prior_unit_id, due_at, prior_due_at, prior_step_started_at, category_code,
                                            prior_category_code, stars)
                    SELECT g.id, e.at, e.actor, e.role, e.action, e.from_state, e.to_state, e.unit, e.prior_unit, e.due,
                           e.prior_due, e.prior_started, g.category, CASE WHEN e.k > 0 THEN g.category END,
                           CASE WHEN e.action = 'RATE' THEN g.stars END
                    FROM gen g CROSS JOIN LATERAL (VALUES
                        (0, g.t0, 'agent', 'INTAKE_AGENT', 'RECEIVE', NULL, 'RECEIVED', NULL::bigint, NULL::bigint, g.dispatch_due, NULL::timestamptz, NULL::timestamptz),
                        (1, g.t_disp, 'dispatcher', 'DISPATCHER', 'DISPATCH', 'RECEIVED', 'DISPATCHED', g.unit, NULL, g.sign_due, g.dispatch_due, g.t0),
                        (2, g.t_acc, 'handler', 'UNIT_HANDLER', 'ACCEPT', 'DISPATCHED', 'ACCEPTED', g.unit, g.unit, g.handling_due, g.sign_due, g.t_disp),
                        (3, g.t_res, 'handler', 'UNIT_HANDLER', 'RESOLVE', 'ACCEPTED', 'RESOLVED', g.unit, g.unit, g.verify_due, g.handling_due, g.t_acc),
                        (4, g.t_ver, 'gridworker', 'GRID_WORKER', 'VERIFY', 'RESOLVED', 'VERIFIED', g.unit, g.unit, g.rate_due, g.verify_due, g.t_res),
                        (5, g.t_rate, 'agent', 'INTAKE_AGENT', 'RATE', 'VERIFIED', 'RATED', g.unit, g.unit, g.close_due, g.rate_due, g.t_ver),
                        (6, g.t_close, 'dispatcher', 'DISPATCHER', 'CLOSE', 'RATED', 'CLOSED', g.unit, g.unit, NULL, g.close_due, g.t_rate),
                        (7, g.t0 + interval '1 hour', 'dispatcher', 'DISPATCHER', 'VOID', 'RECEIVED', 'VOID', NULL, NULL, NULL, g.dispatch_due, g.t0),
                        (8, g.t_disp + interval '1 hour', 'handler', 'UNIT_HANDLER', 'RETURN', 'DISPATCHED', 'RETURNED', NULL, g.unit, g.t_disp + interval '3 hours', g.sign_due, g.t_disp)
                    ) AS e(k, at, actor, role, action, from_state, to_state, unit, prior_unit, due, prior_due, prior_started)
                    WHERE (g.stage <= 6 AND e.k <= g.stage) OR (g.stage = 7 AND e.k IN (0, 7))
                       OR (g.stage = 8 AND e.k IN (0, 1, 8))
                    ORDER BY g.id, e.k""");
            long count;
            try (ResultSet rs = s.executeQuery("SELECT count(*) FROM gen")) {
                rs.next();
                count = rs.getLong(1);
            }
            db.commit();
            return count;
        } finally {
            db.setAutoCommit(true);
        }
    }
}
