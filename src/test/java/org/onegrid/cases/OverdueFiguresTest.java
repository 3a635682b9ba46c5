package org.onegrid.cases;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.onegrid.directory.DirectoryService;
import org.onegrid.directory.StaffMember;
import org.onegrid.support.ApiTest;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Overdue means one thing everywhere: open and past the deadline of the current step. The
 * dashboard's count and overdue list agree with the case list's {@code overdue=true} filter, and
 * the list holds only cases the viewer may see.
 */
class OverdueFiguresTest extends ApiTest {

    @Autowired
    CaseStatistics statistics;
    @Autowired
    DirectoryService directory;

    @Test
    void theDashboardCountsTheCasesTheOverdueFilterLists() {
        long listed = http().get("/api/cases?overdue=true&size=1", "dispatcher").body().get("total").asLong();
        assertThat(listed).isPositive();
        assertThat(statistics.openOverdue()).isEqualTo(listed);
        assertThat(statistics.overdue(1000, staff("dispatcher"))).hasSize((int) listed);
    }

    @Test
    void aUnitLeaderSeesOnTheDashboardOnlyTheOverdueCasesOfTheirOwnUnit() {
        long listed = http().get("/api/cases?overdue=true&size=1", "leader").body().get("total").asLong();
        long districtWide = http().get("/api/cases?overdue=true&size=1", "dispatcher").body().get("total").asLong();
        assertThat(listed).isLessThan(districtWide);
        assertThat(statistics.overdue(1000, staff("leader"))).hasSize((int) listed);

        List<Long> onTheDashboard = new ArrayList<>();
        for (JsonNode overdue : http().get("/api/assessment/dashboard", "leader").body().get("overdue")) {
            onTheDashboard.add(overdue.get("id").asLong());
        }
        for (long id : onTheDashboard) {
            assertThat(http().get("/api/cases/" + id, "leader").status()).as("case %d on the leader's dashboard", id)
                    .isEqualTo(200);
        }
        assertThat(onTheDashboard).hasSize((int) Math.min(15, listed));
    }

    private StaffMember staff(String username) {
        return directory.staffByUsername(username).orElseThrow();
    }
}
