package org.onegrid.cases;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.OffsetDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Work queues show overdue first, then near the deadline, then the earliest deadline; no deadline last. */
class QueueOrderTest {

    private static CaseDetails due(String code, DeadlineColour colour, String at) {
        return new CaseDetails(0, code, CaseState.RECEIVED, Channel.OTHER, "t", "d", null, null, null, null, null, null, null,
                null, at == null ? null : OffsetDateTime.parse(at), colour, null, null, null, null, null, 0, 0, 0, 0, 0,
                null, null, null, null, null, null, null, false, null, null, null, 0, null);
    }

    @Test
    void overdueThenNearThenEarliest() {
        List<CaseDetails> queue = List.of(
                due("later", DeadlineColour.ON_TIME, "2026-11-25T18:00:00+08:00"),
                due("none", null, null),
                due("near", DeadlineColour.NEAR, "2026-11-26T18:00:00+08:00"),
                due("sooner", DeadlineColour.ON_TIME, "2026-11-24T18:00:00+08:00"),
                due("overdue", DeadlineColour.OVERDUE, "2026-11-20T18:00:00+08:00"));
        assertThat(queue.stream().sorted(CaseDetails.MOST_URGENT_FIRST).map(CaseDetails::code))
                .containsExactly("overdue", "near", "sooner", "later", "none");
    }
}
