import java.io.BufferedWriter;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The two halves of bench/crash.sh.
 * drive BASE CLIENTS SECONDS FILE: CLIENTS threads POST /api/cases until SECONDS pass, writing
 *   "id code" to FILE for every 201 the moment it arrives (the acknowledged cases).
 * check BASE FILE: every acknowledged case must be there, with its code and a timeline that
 *   starts with its intake. Prints acked=N found=N lost=N.
 */
public class CrashBench {

    private static final String AUTH = "Basic " + Base64.getEncoder().encodeToString("agent:demo".getBytes(StandardCharsets.UTF_8));
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(2)).build();
    private static final Pattern ID = Pattern.compile("\"id\":(\\d+),\"code\":\"([^\"]+)\"");

    public static void main(String[] args) throws Exception {
        if (args[0].equals("drive")) {
            drive(args[1], Integer.parseInt(args[2]), Integer.parseInt(args[3]), Path.of(args[4]));
        } else {
            check(args[1], Path.of(args[2]));
        }
    }

    static void drive(String base, int clients, int seconds, Path file) throws Exception {
        long end = System.nanoTime() + seconds * 1_000_000_000L;
        AtomicLong acked = new AtomicLong();
        AtomicLong failed = new AtomicLong();
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            List<Thread> threads = new ArrayList<>();
            for (int t = 0; t < clients; t++) {
                Thread thread = new Thread(() -> {
                    while (System.nanoTime() < end) {
                        try {
                            HttpResponse<String> response = HTTP.send(request(base), HttpResponse.BodyHandlers.ofString());
                            Matcher m = ID.matcher(response.body());
                            if (response.statusCode() == 201 && m.find()) {
                                synchronized (out) {
                                    out.write(m.group(1) + " " + m.group(2) + "\n");
                                    out.flush();
                                }
                                acked.incrementAndGet();
                            } else {
                                failed.incrementAndGet();
                            }
                        } catch (IOException e) {
                            failed.incrementAndGet();
                            sleep(50);
                        } catch (InterruptedException e) {
                            return;
                        }
                    }
                });
                thread.start();
                threads.add(thread);
            }
            for (Thread thread : threads) {
                thread.join();
            }
        }
        System.out.printf("drive: acknowledged %d, failed or refused %d%n", acked.get(), failed.get());
    }

    static HttpRequest request(String base) {
        ThreadLocalRandom r = ThreadLocalRandom.current();
        double lng = 119.1301 + r.nextDouble() * 0.1398;
        double lat = 34.5501 + r.nextDouble() * 0.0958;
        String body = "{\"channel\":\"HOTLINE_12345\",\"title\":\"崩溃测试来电\",\"description\":\"进程被强行终止前受理的事项\","
                + "\"lat\":" + lat + ",\"lng\":" + lng + ",\"categoryCode\":\"0101\"}";
        return HttpRequest.newBuilder(URI.create(base + "/api/cases"))
                .timeout(Duration.ofSeconds(10))
                .header("Authorization", AUTH)
                .header("Content-Type", "application/json")
                .header("Idempotency-Key", "crash-" + System.nanoTime() + "-" + r.nextLong())
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
    }

    static void check(String base, Path file) throws Exception {
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        int found = 0;
        List<String> lost = new ArrayList<>();
        for (String line : lines) {
            String[] parts = line.split(" ");
            HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(base + "/api/cases/" + parts[0]))
                    .header("Authorization", AUTH).GET().build(), HttpResponse.BodyHandlers.ofString());
            String body = response.body();
            if (response.statusCode() == 200 && body.contains("\"code\":\"" + parts[1] + "\"")
                    && body.contains("\"timeline\":[{") && body.contains("\"action\":\"receive\"")) {
                found++;
            } else {
                lost.add(line + " -> " + response.statusCode());
            }
        }
        lost.stream().limit(10).forEach(l -> System.out.println("lost: " + l));
        System.out.printf("acked=%d found=%d lost=%d%n", lines.size(), found, lost.size());
        if (!lost.isEmpty() || lines.isEmpty()) {
            System.exit(1);
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
