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
 * gateway PORT FILE: an SMS gateway stand-in; every request it takes is a line "messageId phone
 *   template" in FILE.
 * messages ACKED GATEWAY SECONDS: within SECONDS, every acknowledged case's reporter must have
 *   had exactly one receipt message (one message id); prints messages expected=N delivered=N
 *   lost=N twice=N repeats=N (repeats: the same message id offered again, which the gateway's
 *   Idempotency-Key drops).
 */
public class CrashBench {

    private static final String AUTH = "Basic " + Base64.getEncoder().encodeToString("agent:demo".getBytes(StandardCharsets.UTF_8));
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(2)).build();
    private static final Pattern ID = Pattern.compile("\"id\":(\\d+),\"code\":\"([^\"]+)\"");
    private static final AtomicLong PHONES = new AtomicLong();

    public static void main(String[] args) throws Exception {
        switch (args[0]) {
            case "drive" -> drive(args[1], Integer.parseInt(args[2]), Integer.parseInt(args[3]), Path.of(args[4]));
            case "gateway" -> gateway(Integer.parseInt(args[1]), Path.of(args[2]));
            case "messages" -> messages(Path.of(args[1]), Path.of(args[2]), Integer.parseInt(args[3]));
            default -> check(args[1], Path.of(args[2]));
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
                            String phone = "1990" + String.format("%07d", PHONES.incrementAndGet());
                            HttpResponse<String> response = HTTP.send(request(base, phone), HttpResponse.BodyHandlers.ofString());
                            Matcher m = ID.matcher(response.body());
                            if (response.statusCode() == 201 && m.find()) {
                                synchronized (out) {
                                    out.write(m.group(1) + " " + m.group(2) + " " + phone + "\n");
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

    static HttpRequest request(String base, String phone) {
        ThreadLocalRandom r = ThreadLocalRandom.current();
        double lng = 119.1301 + r.nextDouble() * 0.1398;
        double lat = 34.5501 + r.nextDouble() * 0.0958;
        String body = "{\"channel\":\"HOTLINE_12345\",\"title\":\"崩溃测试来电\",\"description\":\"进程被强行终止前受理的事项\","
                + "\"lat\":" + lat + ",\"lng\":" + lng + ",\"categoryCode\":\"0101\",\"reporterPhone\":\"" + phone + "\"}";
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

    static void gateway(int port, Path file) throws Exception {
        BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
        Pattern field = Pattern.compile("\"(messageId|to|template)\":\"?([^\",}]+)");
        com.sun.net.httpserver.HttpServer server = com.sun.net.httpserver.HttpServer.create(
                new java.net.InetSocketAddress("localhost", port), 0);
        server.createContext("/sms", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            java.util.Map<String, String> f = new java.util.HashMap<>();
            Matcher m = field.matcher(body);
            while (m.find()) {
                f.put(m.group(1), m.group(2));
            }
            synchronized (out) {
                out.write(f.get("messageId") + " " + f.get("to") + " " + f.get("template") + "\n");
                out.flush();
            }
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        server.start();
        Thread.currentThread().join();
    }

    static void messages(Path acked, Path gateway, int seconds) throws Exception {
        List<String> phones = Files.readAllLines(acked, StandardCharsets.UTF_8).stream().map(l -> l.split(" ")[2]).toList();
        long until = System.nanoTime() + seconds * 1_000_000_000L;
        java.util.Map<String, java.util.Set<String>> idsByPhone = new java.util.HashMap<>();
        long repeats = 0;
        while (true) {
            idsByPhone.clear();
            java.util.Map<String, Integer> offers = new java.util.HashMap<>();
            for (String line : Files.readAllLines(gateway, StandardCharsets.UTF_8)) {
                String[] p = line.split(" ");
                if (p.length == 3 && p[2].equals("onegrid.RECEIVED")) {
                    idsByPhone.computeIfAbsent(p[1], k -> new java.util.HashSet<>()).add(p[0]);
                    offers.merge(p[0], 1, Integer::sum);
                }
            }
            repeats = offers.values().stream().mapToLong(n -> n - 1).sum();
            if (phones.stream().allMatch(idsByPhone::containsKey) || System.nanoTime() > until) {
                break;
            }
            sleep(500);
        }
        long delivered = phones.stream().filter(idsByPhone::containsKey).count();
        long twice = phones.stream().filter(p -> idsByPhone.getOrDefault(p, java.util.Set.of()).size() > 1).count();
        System.out.printf("messages expected=%d delivered=%d lost=%d twice=%d repeats=%d%n", phones.size(), delivered,
                phones.size() - delivered, twice, repeats);
        if (delivered < phones.size() || twice > 0) {
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
