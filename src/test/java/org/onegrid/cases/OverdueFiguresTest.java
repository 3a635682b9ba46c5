package org.onegrid.cases;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.onegrid.support.ApiTest;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Overdue means one thing everywhere: open and past the deadline of the current step. The
 * dashboard's count and overdue list agree with the case list's {@code overdue=true} filter.
 */
class OverdueFiguresTest extends ApiTest {

    @Autowired
    CaseStatistics statistics;

    @Test
    void theDashboardCountsTheCasesTheOverdueFilterLists() {
        long listed = http().get("/api/cases?overdue=true&size=1", "dispatcher").body().get("total").asLong();
        assertThat(listed).isPositive();
        assertThat(statistics.openOverdue()).isEqualTo(listed);
        assertThat(statistics.overdue(1000)).hasSize((int) listed);
    }
}
