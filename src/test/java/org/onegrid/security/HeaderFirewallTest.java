package org.onegrid.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.onegrid.support.ApiTest;
import org.onegrid.support.Http.Response;

/** The firewall's loops accept exactly what Spring Security's regular expressions accept. */
class HeaderFirewallTest extends ApiTest {

    private static final Pattern NAMES = Pattern.compile("[\\p{IsAssigned}&&[^\\p{IsControl}]]*");
    private static final Pattern HEADER_VALUES = Pattern.compile("[\\p{IsAssigned}&&[[^\\p{IsControl}]||\\t]]*");

    @Test
    void theLoopsAgreeWithTheRegularExpressionsOnEveryCodePoint() {
        for (int codePoint = 0; codePoint <= Character.MAX_CODE_POINT; codePoint++) {
            String one = "a" + Character.toString(codePoint) + "b";
            assertThat(HeaderFirewall.ASSIGNED_NOT_CONTROL.test(one)).as("U+%04X", codePoint)
                    .isEqualTo(NAMES.matcher(one).matches());
            assertThat(HeaderFirewall.ASSIGNED_NOT_CONTROL_OR_TAB.test(one)).as("U+%04X", codePoint)
                    .isEqualTo(HEADER_VALUES.matcher(one).matches());
        }
        for (String odd : new String[] {"", "\uD800", "x\uDC00y", "\uD83D\uDE00", "\t", "a\tb", "\u0085"}) {
            assertThat(HeaderFirewall.ASSIGNED_NOT_CONTROL.test(odd)).as(odd).isEqualTo(NAMES.matcher(odd).matches());
            assertThat(HeaderFirewall.ASSIGNED_NOT_CONTROL_OR_TAB.test(odd)).as(odd)
                    .isEqualTo(HEADER_VALUES.matcher(odd).matches());
        }
    }

    @Test
    void aControlCharacterInAHeaderIsRefusedWith400() throws Exception {
        // U+0085 (NEL) is valid obs-text to Tomcat but a control character to the firewall.
        assertThat(statusOf("Authorization: Basic YWdlbnQ6ZGVtbw==\u0085")).isEqualTo(400);
        assertThat(statusOf("Authorization: Basic YWdlbnQ6ZGVtbw==")).isEqualTo(200);
    }

    private int statusOf(String header) throws Exception {
        try (Socket socket = new Socket("localhost", port)) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(("GET /api/me HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n" + header + "\r\n\r\n")
                    .getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            InputStream in = socket.getInputStream();
            String statusLine = new String(in.readNBytes(12), StandardCharsets.ISO_8859_1);
            return Integer.parseInt(statusLine.substring(9, 12));
        }
    }

    @Test
    void aFormsLineBreaksPassAndOtherControlCharactersDoNot() {
        assertThat(HeaderFirewall.ASSIGNED_NOT_CONTROL_OR_LINES.test("核实补偿款 | 2026-12-20\r\n召开协调会\t| 2026-12-24")).isTrue();
        assertThat(HeaderFirewall.ASSIGNED_NOT_CONTROL_OR_LINES.test("a\u0000b")).isFalse();
        assertThat(HeaderFirewall.ASSIGNED_NOT_CONTROL_OR_LINES.test("\u001b[31mred")).isFalse();
        assertThat(HeaderFirewall.ASSIGNED_NOT_CONTROL.test("a\nb")).as("names take no line break").isFalse();
        Response multiLine = http().postForm("/login", null, java.util.Map.of("username", "nobody", "password", "a\r\nb"), null,
                null, null, null);
        assertThat(multiLine.status()).as("a line break in a form value is read, not refused").isNotEqualTo(400);
    }
}
