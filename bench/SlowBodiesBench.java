import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * Slow-body benchmark (issue 16, defect 1): SLOW sockets from 127.0.0.1 send POST /login with a
 * declared body of 100,000 bytes, one byte a second, never finishing. Meanwhile a client of
 * another address (127.0.0.2) signs in and records a case once a second for SECONDS, each call
 * with a 5 s timeout. Prints the share of its calls answered and their slowest time.
 * Last line: slow=N probe_calls=N probe_answered=N probe_failed=N max_ms=N
 *
 * Run through bench/slow-bodies.sh, which starts the platform:
 * java bench/SlowBodiesBench.java PORT SLOW SECONDS
 */
public class SlowBodiesBench {

    static final String AUTH = "Basic " + Base64.getEncoder().encodeToString("agent:demo".getBytes(StandardCharsets.UTF_8));

    public static void main(String[] args) throws Exception {
        int port = Integer.parseInt(args[0]);
        int slowCount = Integer.parseInt(args[1]);
        int seconds = Integer.parseInt(args[2]);
        List<Socket> slow = new ArrayList<>();
        for (int i = 0; i < slowCount; i++) {
            Socket s = new Socket("127.0.0.1", port);
            s.getOutputStream().write(("POST /login HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/x-www-form-urlencoded\r\n"
                    + "Content-Length: 100000\r\n\r\nu").getBytes(StandardCharsets.US_ASCII));
            s.getOutputStream().flush();
            slow.add(s);
        }
        Thread drip = new Thread(() -> {
            try {
                while (true) {
                    Thread.sleep(1000);
                    for (Socket s : slow) {
                        try {
                            s.getOutputStream().write('x');
                            s.getOutputStream().flush();
                        } catch (IOException closedByServer) {
                            // a refused or timed-out slow request: the server closed it
                        }
                    }
                }
            } catch (InterruptedException stop) {
                // done
            }
        });
        drip.setDaemon(true);
        drip.start();
        Thread.sleep(3000);
        System.out.printf("%d slow bodies from 127.0.0.1, dripping one byte a second%n", slowCount);

        int calls = 0;
        int answered = 0;
        long maxMs = 0;
        String body = "{\"channel\":\"HOTLINE_12345\",\"title\":\"慢速攻击期间的来电\",\"description\":\"另一个地址的正常来电\","
                + "\"lat\":34.5555,\"lng\":119.1355,\"categoryCode\":\"0101\",\"reporterPhone\":\"13800000000\"}";
        for (int i = 0; i < seconds; i++) {
            long round = System.nanoTime();
            for (String[] call : new String[][] {{"GET", "/api/me", ""}, {"POST", "/api/cases", body}}) {
                calls++;
                long start = System.nanoTime();
                int status = send(port, call[0], call[1], call[2]);
                long ms = (System.nanoTime() - start) / 1_000_000;
                maxMs = Math.max(maxMs, ms);
                if (status == 200 || status == 201) {
                    answered++;
                }
            }
            Thread.sleep(Math.max(0, 1000 - (System.nanoTime() - round) / 1_000_000));
        }
        drip.interrupt();
        for (Socket s : slow) {
            s.close();
        }
        System.out.printf("probe from 127.0.0.2: %d calls, %d answered, %d failed or timed out (5 s), slowest %d ms%n",
                calls, answered, calls - answered, maxMs);
        System.out.printf("slow=%d probe_calls=%d probe_answered=%d probe_failed=%d max_ms=%d%n", slowCount, calls, answered,
                calls - answered, maxMs);
    }

    /** One request on a fresh connection from 127.0.0.2; the status, or -1 on a timeout or error. */
    static int send(int port, String method, String path, String body) {
        try (Socket s = new Socket()) {
            s.bind(new InetSocketAddress("127.0.0.2", 0));
            s.connect(new InetSocketAddress("127.0.0.1", port), 5000);
            s.setSoTimeout(5000);
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            OutputStream out = s.getOutputStream();
            out.write((method + " " + path + " HTTP/1.1\r\nHost: localhost\r\nAuthorization: " + AUTH
                    + "\r\nContent-Type: application/json\r\nContent-Length: " + bytes.length + "\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.write(bytes);
            out.flush();
            String status = new BufferedReader(new InputStreamReader(s.getInputStream(), StandardCharsets.US_ASCII)).readLine();
            return status == null ? -1 : Integer.parseInt(status.substring(9, 12));
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }
}
