import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Intake benchmark: CLIENTS threads POST /api/cases over HTTP for SECONDS, then, against the
 * same PostgreSQL at the same concurrency, plain single-row INSERT transactions for the same
 * time. After the intake, the same clients call GET /api/me for SECONDS: the rate of an
 * authenticated request that does no work, the ceiling for any API call on this machine.
 * Prints: intake_per_s=N p99_ms=N raw_insert_per_s=N ratio=R
 *
 * Run through bench/intake.sh, which starts the platform and passes the arguments:
 * java -cp postgresql.jar bench/IntakeBench.java BASE_URL JDBC_URL CLIENTS WARMUP_S SECONDS
 */
public class IntakeBench {

    public static void main(String[] args) throws Exception {
        String base = args[0];
        String jdbc = args[1];
        int clients = Integer.parseInt(args[2]);
        int warmup = Integer.parseInt(args[3]);
        int seconds = Integer.parseInt(args[4]);

        System.out.printf("intake: %d clients, %d s warm-up, %d s measured%n", clients, warmup, seconds);
        // On two cores the JIT compilers share the CPU with the requests: the first minute of load
        // runs partly interpreted code, so the warm-up's own rate is printed to show the difference.
        StringBuilder windows = new StringBuilder();
        long warmed = 0;
        for (int s = 0; s < warmup; s += 10) {
            Result window = run(clients, Math.min(10, warmup - s), i -> intake(base));
            warmed += window.count;
            windows.append(String.format(" %.0f", window.perSecond()));
        }
        System.out.printf("warm-up: %d requests; per 10 s:%s /s%n", warmed, windows);
        Result intake = run(clients, seconds, i -> intake(base));
        System.out.printf("intake: %d requests, %d errors, %.0f/s, p50 %.1f ms, p99 %.1f ms, max %.1f ms%n",
                intake.count, intake.errors, intake.perSecond(), intake.percentile(50), intake.percentile(99), intake.percentile(100));
        // The ceiling: an authenticated call that does no work (GET /api/me) through the same
        // connector, filters and credential cache; no API call is faster than this.
        Result ceiling = run(clients, seconds, i -> signedInOnly(base));
        System.out.printf("ceiling (GET /api/me): %d requests, %d errors, %.0f/s, p99 %.1f ms%n",
                ceiling.count, ceiling.errors, ceiling.perSecond(), ceiling.percentile(99));

        try (Connection c = DriverManager.getConnection(jdbc, "postgres", "")) {
            c.createStatement().execute("CREATE TABLE IF NOT EXISTS bench_raw_insert (id bigserial PRIMARY KEY, "
                    + "title varchar(200) NOT NULL, created_at timestamptz NOT NULL DEFAULT now())");
        }
        ThreadLocal<PreparedStatement> statements = ThreadLocal.withInitial(() -> {
            try {
                Connection c = DriverManager.getConnection(jdbc, "postgres", "");
                c.setAutoCommit(true);
                return c.prepareStatement("INSERT INTO bench_raw_insert (title) VALUES (?)");
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        Result raw = run(clients, seconds, i -> {
            PreparedStatement insert = statements.get();
            insert.setString(1, "raw insert " + i);
            insert.executeUpdate();
            return true;
        });
        System.out.printf("raw insert: %d rows, %.0f/s, p99 %.1f ms%n", raw.count, raw.perSecond(), raw.percentile(99));
        System.out.printf("ceiling ratio (GET /api/me against raw insert): %.2f%n", ceiling.perSecond() / raw.perSecond());
        System.out.printf("intake_per_s=%.0f p99_ms=%.1f raw_insert_per_s=%.0f ratio=%.3f%n",
                intake.perSecond(), intake.percentile(99), raw.perSecond(), intake.perSecond() / raw.perSecond());
    }

    interface Task {
        boolean call(long i) throws Exception;
    }

    record Result(long count, long errors, double seconds, long[] latenciesNanos) {
        double perSecond() {
            return count / seconds;
        }

        double percentile(double p) {
            if (latenciesNanos.length == 0) {
                return 0;
            }
            int index = (int) Math.ceil(p / 100.0 * latenciesNanos.length) - 1;
            return latenciesNanos[Math.max(0, Math.min(index, latenciesNanos.length - 1))] / 1e6;
        }
    }

    static Result run(int clients, int seconds, Task task) throws Exception {
        long end = System.nanoTime() + seconds * 1_000_000_000L;
        AtomicLong sequence = new AtomicLong();
        AtomicLong errors = new AtomicLong();
        List<long[]> perThread = new ArrayList<>();
        List<Integer> counts = new ArrayList<>();
        CountDownLatch done = new CountDownLatch(clients);
        long started = System.nanoTime();
        for (int t = 0; t < clients; t++) {
            long[] latencies = new long[4_000_000];
            perThread.add(latencies);
            counts.add(0);
            int slot = t;
            Thread thread = new Thread(() -> {
                int n = 0;
                try {
                    while (System.nanoTime() < end) {
                        long t0 = System.nanoTime();
                        boolean ok = task.call(sequence.incrementAndGet());
                        long t1 = System.nanoTime();
                        if (ok) {
                            if (n < latencies.length) {
                                latencies[n++] = t1 - t0;
                            }
                        } else {
                            errors.incrementAndGet();
                        }
                    }
                } catch (Exception e) {
                    errors.incrementAndGet();
                    e.printStackTrace();
                } finally {
                    synchronized (counts) {
                        counts.set(slot, n);
                    }
                    done.countDown();
                }
            });
            thread.start();
        }
        done.await();
        double elapsed = (System.nanoTime() - started) / 1e9;
        int total = counts.stream().mapToInt(Integer::intValue).sum();
        long[] all = new long[total];
        int at = 0;
        for (int t = 0; t < clients; t++) {
            System.arraycopy(perThread.get(t), 0, all, at, counts.get(t));
            at += counts.get(t);
        }
        Arrays.sort(all);
        return new Result(total, errors.get(), elapsed, all);
    }

    private static final String AUTH = "Basic " + Base64.getEncoder().encodeToString("agent:demo".getBytes(StandardCharsets.UTF_8));
    private static final String[] CATEGORIES = {"0101", "0102", "0104", "0107", "0203", "0302", "0601", "0803", "1101", "1501"};
    private static final ThreadLocal<KeepAlive> CONNECTIONS = new ThreadLocal<>();

    /**
     * One keep-alive HTTP/1.1 connection per client thread, written and read by hand: the load
     * generator shares this machine's two cores with the platform, so it must cost little.
     */
    static final class KeepAlive {
        private final Socket socket;
        private final OutputStream out;
        private final InputStream in;
        /** The server said it will close this connection after the response. */
        boolean closing;

        KeepAlive(URI base) throws IOException {
            socket = new Socket(base.getHost(), base.getPort());
            socket.setTcpNoDelay(true);
            out = new BufferedOutputStream(socket.getOutputStream(), 8192);
            in = new BufferedInputStream(socket.getInputStream(), 16384);
        }

        int send(String method, String path, String headers, byte[] body) throws IOException {
            out.write((method + " " + path + " HTTP/1.1\r\nHost: localhost\r\n" + headers + "Content-Length: " + body.length
                    + "\r\n\r\n").getBytes(StandardCharsets.UTF_8));
            out.write(body);
            out.flush();
            String status = line();
            int code = Integer.parseInt(status.substring(9, 12));
            long length = -1;
            boolean chunked = false;
            for (String h = line(); !h.isEmpty(); h = line()) {
                String lower = h.toLowerCase();
                if (lower.startsWith("connection:") && lower.contains("close")) {
                    closing = true;
                }
                if (lower.startsWith("content-length:")) {
                    length = Long.parseLong(h.substring(15).trim());
                } else if (lower.startsWith("transfer-encoding:") && lower.contains("chunked")) {
                    chunked = true;
                }
            }
            if (chunked) {
                for (long size = Long.parseLong(line().trim(), 16); size > 0; size = Long.parseLong(line().trim(), 16)) {
                    skip(size);
                    line();
                }
                line();
            } else if (length > 0) {
                skip(length);
            }
            return code;
        }

        private void skip(long n) throws IOException {
            while (n > 0) {
                long skipped = in.skip(n);
                if (skipped <= 0) {
                    if (in.read() < 0) {
                        throw new IOException("connection closed");
                    }
                    skipped = 1;
                }
                n -= skipped;
            }
        }

        private String line() throws IOException {
            StringBuilder b = new StringBuilder();
            for (int c = in.read(); c != '\n'; c = in.read()) {
                if (c < 0) {
                    throw new IOException("connection closed");
                }
                if (c != '\r') {
                    b.append((char) c);
                }
            }
            return b.toString();
        }
    }

    static KeepAlive connection(String base) throws IOException {
        KeepAlive connection = CONNECTIONS.get();
        if (connection == null) {
            connection = new KeepAlive(URI.create(base));
            CONNECTIONS.set(connection);
        }
        return connection;
    }

    /** Answers the status; a connection the server closes is opened anew on the next call. */
    static int send(String base, String method, String path, String headers, byte[] body) throws IOException {
        KeepAlive connection = connection(base);
        int status = connection.send(method, path, headers, body);
        if (connection.closing) {
            connection.socket.close();
            CONNECTIONS.remove();
        }
        return status;
    }

    static boolean signedInOnly(String base) throws Exception {
        return send(base, "GET", "/api/me", "Authorization: " + AUTH + "\r\n", new byte[0]) == 200;
    }

    static boolean intake(String base) throws Exception {
        ThreadLocalRandom r = ThreadLocalRandom.current();
        // A point inside the demo district's 14 x 12 lattice (119.13-119.27 E, 34.55-34.646 N).
        double lng = 119.1301 + r.nextDouble() * 0.1398;
        double lat = 34.5501 + r.nextDouble() * 0.0958;
        String body = "{\"channel\":\"HOTLINE_12345\",\"title\":\"压测来电 " + r.nextInt(1_000_000) + "\","
                + "\"description\":\"群众来电反映小区周边问题，请尽快处理。\",\"lat\":" + lat + ",\"lng\":" + lng
                + ",\"categoryCode\":\"" + CATEGORIES[r.nextInt(CATEGORIES.length)] + "\","
                + "\"reporterName\":\"测试\",\"reporterPhone\":\"13800000000\"}";
        String headers = "Authorization: " + AUTH + "\r\nContent-Type: application/json\r\nIdempotency-Key: bench-"
                + System.nanoTime() + "-" + r.nextLong() + "\r\n";
        return send(base, "POST", "/api/cases", headers, body.getBytes(StandardCharsets.UTF_8)) == 201;
    }
}
