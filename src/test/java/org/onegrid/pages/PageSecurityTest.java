package org.onegrid.pages;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.onegrid.support.ApiTest;

/**
 * Pages sign in with a session and a CSRF token on every form; each page opens to its roles
 * only; the API stays stateless.
 */
class PageSecurityTest extends ApiTest {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

    private HttpClient browserLike() {
        return HttpClient.newBuilder().cookieHandler(new CookieManager()).followRedirects(HttpClient.Redirect.NEVER).build();
    }

    private HttpResponse<String> get(HttpClient client, String path) throws IOException, InterruptedException {
        return client.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> postForm(HttpClient client, String path, String form) throws IOException, InterruptedException {
        return client.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private String token(HttpClient client, String path) throws IOException, InterruptedException {
        Matcher m = CSRF.matcher(get(client, path).body());
        assertThat(m.find()).as("a CSRF token on %s", path).isTrue();
        return m.group(1);
    }

    private HttpClient signedIn(String user) throws IOException, InterruptedException {
        HttpClient client = browserLike();
        HttpResponse<String> login = postForm(client, "/login", "username=" + user + "&password=demo&_csrf="
                + token(client, "/login"));
        assertThat(login.statusCode()).isEqualTo(302);
        assertThat(login.headers().firstValue("Location").orElseThrow()).endsWith("/");
        return client;
    }

    @Test
    void aSignInWithoutItsCsrfTokenIsRefused() throws Exception {
        HttpClient client = browserLike();
        get(client, "/login");
        assertThat(postForm(client, "/login", "username=agent&password=demo").statusCode()).isEqualTo(403);
    }

    @Test
    void eachRoleLandsOnItsOwnPageAndIsKeptOutOfOthers() throws Exception {
        HttpClient handler = signedIn("handler");
        assertThat(get(handler, "/").headers().firstValue("Location").orElseThrow()).endsWith("/inbox");
        assertThat(get(handler, "/inbox").statusCode()).isEqualTo(200);
        assertThat(get(handler, "/dispatch").statusCode()).isEqualTo(403);
        assertThat(get(handler, "/m").statusCode()).isEqualTo(403);

        HttpClient worker = signedIn("gridworker");
        assertThat(get(worker, "/").headers().firstValue("Location").orElseThrow()).endsWith("/m");
        assertThat(get(worker, "/intake").statusCode()).isEqualTo(403);
        assertThat(get(worker, "/ledger").statusCode()).isEqualTo(403);
        assertThat(get(worker, "/ledger/sheets").statusCode()).isEqualTo(403);
    }

    @Test
    void aCaseThatIsNotThereOrAnAddressThatIsWrongIsAPageNotJson() throws Exception {
        HttpClient handler = signedIn("handler");
        HttpResponse<String> wrong = get(handler, "/cases/abc");
        assertThat(wrong.statusCode()).isEqualTo(400);
        assertThat(wrong.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/html");
        HttpResponse<String> missing = get(handler, "/cases/987654321");
        assertThat(missing.statusCode()).isEqualTo(404);
        assertThat(missing.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/html");
        // Said in Chinese from the bundles, the server's English only as a small line below.
        assertThat(missing.body()).contains("找不到这个案件或页面");
        assertThat(wrong.body()).contains("提交的内容有误");
    }

    @Test
    void aFormSentAfterTheSessionExpiredIsKeptAndOfferedAgainAfterSigningIn() throws Exception {
        HttpClient agent = signedIn("agent");
        String token = token(agent, "/intake");
        jdbc.sql("DELETE FROM spring_session WHERE principal_name = 'agent'").update(); // the session expires
        String title = java.net.URLEncoder.encode("过期之后才提交的来电", java.nio.charset.StandardCharsets.UTF_8);
        HttpResponse<String> sent = postForm(agent, "/intake", "channel=HOTLINE_12345&title=" + title
                + "&description=%E5%86%85%E5%AE%B9&_csrf=" + token);
        assertThat(sent.statusCode()).isEqualTo(302);
        assertThat(sent.headers().firstValue("Location").orElseThrow()).isEqualTo("/login?expired");
        assertThat(get(agent, "/login?expired").body()).contains("login-expired");

        HttpResponse<String> again = postForm(agent, "/login", "username=agent&password=demo&_csrf=" + token(agent, "/login"));
        assertThat(again.headers().firstValue("Location").orElseThrow()).isEqualTo("/resubmit");
        HttpResponse<String> offered = get(agent, "/resubmit");
        assertThat(offered.statusCode()).isEqualTo(200);
        assertThat(offered.body()).contains("过期之后才提交的来电").contains("action=\"/intake\"").contains("name=\"_csrf\"");
        // Shown once; nothing was recorded without the click.
        assertThat(get(agent, "/resubmit").statusCode()).isEqualTo(302);
        assertThat(jdbc.sql("SELECT count(*) FROM cases WHERE title = '过期之后才提交的来电'").query(Long.class).single()).isZero();
    }

    @Test
    void anAddressWithoutAPointIsRecordedOnlyWhenTheAgentSaysTheCallerCannotGiveOne() throws Exception {
        HttpClient agent = signedIn("agent");
        String typed = "channel=HOTLINE_12345&title=" + java.net.URLEncoder.encode("只有地址的来电", java.nio.charset.StandardCharsets.UTF_8)
                + "&description=%E5%86%85%E5%AE%B9&address=" + java.net.URLEncoder.encode("幸福路3号", java.nio.charset.StandardCharsets.UTF_8)
                + "&submissionKey=" + java.util.UUID.randomUUID();
        HttpResponse<String> asked = postForm(agent, "/intake", typed + "&_csrf=" + token(agent, "/intake"));
        assertThat(asked.statusCode()).isEqualTo(200);
        assertThat(asked.body()).contains("请在地图上点选位置").contains("幸福路3号"); // asked, and nothing typed is lost
        HttpResponse<String> recorded = postForm(agent, "/intake", typed + "&addressOnly=true&_csrf=" + token(agent, "/intake"));
        assertThat(recorded.statusCode()).isEqualTo(302);
        assertThat(recorded.headers().firstValue("Location").orElseThrow()).contains("/intake/done/");
    }

    @Test
    void aFormPostWithoutTheTokenChangesNothing() throws Exception {
        HttpClient dispatcher = signedIn("dispatcher");
        assertThat(postForm(dispatcher, "/dispatch/bulk", "ids=1").statusCode()).isEqualTo(403);
    }

    @Test
    void pagesNeedASignInButTheResidentsPagesDoNot() throws Exception {
        HttpClient anonymous = browserLike();
        assertThat(get(anonymous, "/intake").headers().firstValue("Location").orElseThrow()).endsWith("/login");
        assertThat(get(anonymous, "/public").statusCode()).isEqualTo(200);
        assertThat(get(anonymous, "/public/track").statusCode()).isEqualTo(200);
    }

    /** A raw HTTP/1.1 exchange, for the headers java.net.http will not send (Host). Returns the response head. */
    private String rawHead(String request) throws IOException {
        try (java.net.Socket socket = new java.net.Socket("localhost", port)) {
            socket.setSoTimeout(10_000);
            socket.getOutputStream().write(request.getBytes(java.nio.charset.StandardCharsets.UTF_8));
            java.io.BufferedReader in = new java.io.BufferedReader(new java.io.InputStreamReader(socket.getInputStream(),
                    java.nio.charset.StandardCharsets.UTF_8));
            StringBuilder head = new StringBuilder();
            for (String line = in.readLine(); line != null && !line.isEmpty(); line = in.readLine()) {
                head.append(line).append('\n');
            }
            return head.toString();
        }
    }

    @Test
    void redirectsNeverNameTheHostAClientSent() throws IOException {
        String toSignIn = rawHead("GET /inbox HTTP/1.1\r\nHost: evil.example\r\nConnection: close\r\n\r\n");
        assertThat(toSignIn).startsWith("HTTP/1.1 302").contains("Location: /login").doesNotContain("evil.example");
        String root = rawHead("GET / HTTP/1.1\r\nHost: evil.example:8443\r\nConnection: close\r\n\r\n");
        assertThat(root).doesNotContain("evil.example");
    }

    @Test
    void theSessionCookieIsSecureWhenAProxyOnThisMachineSaysTheClientUsedHttps() throws IOException {
        String overHttps = rawHead("GET /login HTTP/1.1\r\nHost: onegrid.example\r\nX-Forwarded-Proto: https\r\n"
                + "Connection: close\r\n\r\n");
        assertThat(overHttps).containsPattern("(?i)Set-Cookie: SESSION=[^\n]*; Secure");
        String plain = rawHead("GET /login HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n");
        assertThat(plain).containsPattern("(?i)Set-Cookie: SESSION=").doesNotContainPattern("(?i)Set-Cookie: SESSION=[^\n]*; Secure");
    }

    @org.springframework.beans.factory.annotation.Autowired
    org.springframework.jdbc.core.simple.JdbcClient jdbc;

    @Test
    void aPageSessionIsKeptInPostgresql() throws Exception {
        HttpClient leader = signedIn("district");
        assertThat(get(leader, "/dashboard").statusCode()).isEqualTo(200);
        assertThat(jdbc.sql("SELECT count(*) FROM spring_session WHERE principal_name = 'district'").query(Long.class)
                .single()).isPositive();
    }

    @Test
    void theApiSetsNoSessionCookie() throws Exception {
        HttpResponse<String> api = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create("http://localhost:" + port + "/api/me"))
                .header("Authorization", "Basic " + java.util.Base64.getEncoder().encodeToString("agent:demo".getBytes()))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(api.statusCode()).isEqualTo(200);
        assertThat(api.headers().firstValue("Set-Cookie")).isEmpty();
    }

    @Test
    void theIssueFormPressedTwiceMakesOneSheetAndOnlyIssuersMayUseIt() throws Exception {
        String title = "form-sheet-" + System.nanoTime();
        HttpClient dispatcher = signedIn("dispatcher");
        String page = get(dispatcher, "/ledger/sheets").body();
        assertThat(page).contains("id=\"issue-form\"");
        Matcher key = Pattern.compile("name=\"key\" value=\"([^\"]+)\"").matcher(page);
        assertThat(key.find()).isTrue();
        String form = "title=" + title + "&programme=&key=" + key.group(1)
                + "&content=&ownerUnitId=&dueDate=&content=one%2C+two&ownerUnitId=2&dueDate=2099-01-01&_csrf="
                + token(dispatcher, "/ledger/sheets");
        HttpResponse<String> first = postForm(dispatcher, "/ledger/sheets", form);
        HttpResponse<String> again = postForm(dispatcher, "/ledger/sheets", form);
        assertThat(first.statusCode()).isEqualTo(302);
        assertThat(again.headers().firstValue("Location")).isEqualTo(first.headers().firstValue("Location"));
        assertThat(count("SELECT count(*) FROM assignment_sheet WHERE title = ?", title))
                .isEqualTo(1);
        assertThat(count("""
                SELECT count(*) FROM assignment_item i JOIN assignment_sheet s ON s.id = i.sheet_id WHERE s.title = ?
                """, title)).as("the empty row is skipped").isEqualTo(1);
        assertThat(jdbc.sql("SELECT i.content FROM assignment_item i JOIN assignment_sheet s ON s.id = i.sheet_id WHERE s.title = ?")
                .param(title).query(String.class).single()).as("a comma stays in its item").isEqualTo("one, two");

        // A reason is shown beside its own row, also when an empty row comes before it.
        HttpResponse<String> badDate = postForm(dispatcher, "/ledger/sheets", "title=" + title + "-d&key=k2"
                + "&content=&ownerUnitId=&dueDate=&content=item&ownerUnitId=2&dueDate=2099-13-01&_csrf="
                + token(dispatcher, "/ledger/sheets"));
        String[] rows = badDate.body().split("data-item-row");
        assertThat(rows).hasSize(3);
        assertThat(rows[1]).doesNotContain("field-error");
        assertThat(rows[2]).contains("field-error").contains("value=\"2099-13-01\"");

        HttpClient handler = signedIn("handler");
        assertThat(get(handler, "/ledger/sheets").body()).doesNotContain("id=\"issue-form\"");
        HttpResponse<String> refused = postForm(handler, "/ledger/sheets", "title=" + title + "-h&key=k1"
                + "&content=item&ownerUnitId=2&dueDate=2099-01-01&_csrf=" + token(handler, "/ledger/sheets"));
        assertThat(refused.statusCode()).isEqualTo(200);
        assertThat(refused.body()).contains("class=\"problem\"");
        assertThat(count("SELECT count(*) FROM assignment_sheet WHERE title = ?", title + "-h"))
                .isZero();
    }

    private long count(String sql, Object param) {
        return jdbc.sql(sql).param(param).query(Long.class).single();
    }
}
