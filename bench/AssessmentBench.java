import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.YearMonth;
import java.util.Arrays;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Times the assessment's read paths over HTTP, one client, as a leader's screen would call them:
 * the dashboard's figures, a one-month unit ranking and a one-month grid ranking, the cases
 * behind one count (drill-down) (100 requests each after 10 warm-up requests), then an export of the 100,000 most recent cases of a filter
 * to Excel (from the request to the file downloaded).
 * Usage: java -cp postgresql.jar bench/AssessmentBench.java BASE_URL JDBC_URL
 */
public class AssessmentBench {

    static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    static final String AUTH = "Basic " + Base64.getEncoder().encodeToString("admin:demo".getBytes(StandardCharsets.UTF_8));

    public static void main(String[] args) throws Exception {
        String base = args[0];
        try (Connection db = DriverManager.getConnection(args[1], "postgres", "");
             ResultSet rs = db.createStatement().executeQuery(
                     "SELECT (SELECT count(*) FROM cases), (SELECT count(*) FROM case_event), (SELECT count(*) FROM figure_day),"
                     + " (SELECT count(*) FROM figure_fact), pg_size_pretty(pg_total_relation_size('figure_fact')),"
                     + " pg_size_pretty(pg_total_relation_size('case_event')), pg_size_pretty(pg_database_size(current_database()))")) {
            rs.next();
            System.out.printf("cases=%d case_events=%d figure_day_rows=%d figure_fact_rows=%d figure_fact_size=%s"
                    + " case_event_size=%s database_size=%s%n", rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4),
                    rs.getString(5), rs.getString(6), rs.getString(7));
        }
        String month = YearMonth.now().minusMonths(1).toString();
        double dashboard = time("dashboard", base + "/api/assessment/dashboard");
        double units = time("ranking unit " + month, base + "/api/assessment/rankings?dimension=unit&month=" + month);
        double grids = time("ranking grid " + month, base + "/api/assessment/rankings?dimension=grid&month=" + month);
        time("figures street " + month, base + "/api/assessment/figures?dimension=street&month=" + month);
        // Drill-down: the cases behind one count, for the unit that resolved the most that month
        // (the largest list a leader can open from the ranking), first page of 50.
        String busiest;
        try (Connection db = DriverManager.getConnection(args[1], "postgres", "");
             ResultSet rs = db.createStatement().executeQuery("SELECT key FROM figure_day WHERE dimension = 'U' AND day >= '"
                     + month + "-01'::date AND day < ('" + month + "-01'::date + interval '1 month') GROUP BY key"
                     + " ORDER BY sum(resolved) DESC LIMIT 1")) {
            rs.next();
            busiest = rs.getString(1);
        }
        double drillDown = time("drill-down unit " + busiest + " resolved " + month, base
                + "/api/assessment/cases?dimension=unit&key=" + busiest + "&measure=resolved&month=" + month);
        double districtDrillDown = time("drill-down district handling_on_time " + month, base
                + "/api/assessment/cases?dimension=district&measure=handling_on_time&month=" + month);
        String street = "320706001";
        time("drill-down street " + street + " resolved " + month, base
                + "/api/assessment/cases?dimension=street&key=" + street + "&measure=resolved&month=" + month);

        // Export: the most recent 100,000 cases (a received-from date chosen so that about that many match).
        long started = System.nanoTime();
        String job = send(HttpRequest.newBuilder(URI.create(base + "/api/exports")).header("Authorization", AUTH)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"format\":\"xlsx\",\"limit\":100000}")).build());
        String id = field(job, "id");
        String status;
        do {
            Thread.sleep(250);
            status = send(HttpRequest.newBuilder(URI.create(base + "/api/exports/" + id)).header("Authorization", AUTH).build());
        } while (!field(status, "state").equals("DONE") && !field(status, "state").equals("FAILED"));
        HttpResponse<byte[]> file = HTTP.send(HttpRequest.newBuilder(URI.create(base + "/api/exports/" + id + "/file"))
                .header("Authorization", AUTH).build(), HttpResponse.BodyHandlers.ofByteArray());
        double exportSeconds = (System.nanoTime() - started) / 1e9;
        System.out.printf("export: %s, %d bytes, %.1f s; %s%n", field(status, "state"), file.body().length, exportSeconds, status);
        System.out.printf("dashboard_p95_ms=%.1f ranking_unit_p95_ms=%.1f ranking_grid_p95_ms=%.1f drill_down_p95_ms=%.1f"
                + " drill_down_district_p95_ms=%.1f export_100k_s=%.1f heap_mb=512%n", dashboard, units, grids, drillDown,
                districtDrillDown, exportSeconds);
    }

    static double time(String what, String url) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(url)).header("Authorization", AUTH).build();
        for (int i = 0; i < 10; i++) {
            send(request);
        }
        long[] nanos = new long[100];
        for (int i = 0; i < nanos.length; i++) {
            long t0 = System.nanoTime();
            send(request);
            nanos[i] = System.nanoTime() - t0;
        }
        Arrays.sort(nanos);
        double p50 = nanos[49] / 1e6;
        double p95 = nanos[94] / 1e6;
        System.out.printf("%s: p50 %.1f ms, p95 %.1f ms, max %.1f ms%n", what, p50, p95, nanos[99] / 1e6);
        return p95;
    }

    static String send(HttpRequest request) throws Exception {
        HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() >= 300) {
            throw new IllegalStateException(request.uri() + " -> " + response.statusCode() + " " + response.body());
        }
        return response.body();
    }

    static String field(String json, String name) {
        Matcher m = Pattern.compile("\"" + name + "\"\\s*:\\s*\"?([^\",}]*)").matcher(json);
        if (!m.find()) {
            throw new IllegalStateException("no " + name + " in " + json);
        }
        return m.group(1);
    }
}
