package org.onegrid.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.onegrid.support.ApiTest;
import org.onegrid.support.Http.Response;

/** The deadline endpoint and adding a year without a release. */
class CalendarApiTest extends ApiTest {

    @Test
    void deadlineInWorkingDaysAndHours() {
        Response days = http().get("/api/calendar/deadline?from=2024-09-30T10:00:00%2B08:00&workingDays=2", "agent");
        assertThat(days.status()).isEqualTo(200);
        assertThat(days.body().get("due").asText()).isEqualTo("2024-10-09T18:00:00+08:00");
        Response hours = http().get("/api/calendar/deadline?from=2024-09-30T17:00:00%2B08:00&workingHours=2", "agent");
        assertThat(hours.body().get("due").asText()).isEqualTo("2024-10-08T10:00:00+08:00");
        // A '+' that was not URL-encoded arrives as a space and is still understood.
        Response unencoded = http().get("/api/calendar/deadline?from=2024-09-30T10:00:00+08:00&workingDays=2", "agent");
        assertThat(unencoded.body().get("due").asText()).isEqualTo("2024-10-09T18:00:00+08:00");
        assertThat(http().get("/api/calendar/deadline?from=yesterday&workingDays=2", "agent").status()).isEqualTo(400);
        assertThat(http().get("/api/calendar/deadline?from=2024-09-30T10:00:00Z", "agent").status()).isEqualTo(400);
        assertThat(http().get("/api/calendar/deadline?from=2024-09-30T10:00:00Z&workingDays=0", "agent").status())
                .isEqualTo(400);
    }

    @Test
    void anAdministratorAddsANewYear() {
        // 2030 is not shipped: 1 October 2030 is a Tuesday and counts as a working day until a notice says otherwise.
        String before = http().get("/api/calendar/deadline?from=2030-09-30T10:00:00%2B08:00&workingDays=1", "agent")
                .body().get("due").asText();
        assertThat(before).isEqualTo("2030-10-01T18:00:00+08:00");
        Response put = http().put("/api/calendar/years/2030", "admin", """
                {"year":2030,"holidays":["2030-10-01","2030-10-02","2030-10-03","2030-10-04","2030-10-05","2030-10-06","2030-10-07"],
                 "makeUpWorkdays":["2030-09-29","2030-10-12"]}
                """);
        assertThat(put.status()).isEqualTo(200);
        String after = http().get("/api/calendar/deadline?from=2030-09-30T10:00:00%2B08:00&workingDays=1", "agent")
                .body().get("due").asText();
        assertThat(after).isEqualTo("2030-10-08T18:00:00+08:00");
        assertThat(http().get("/api/calendar/years/2030", "agent").body().get("makeUpWorkdays").size()).isEqualTo(2);
        Response bad = http().put("/api/calendar/years/2031", "admin", "{\"year\":2031,\"holidays\":[\"2040-01-01\"]}");
        assertThat(bad.status()).isEqualTo(400);
    }
}
