package org.onegrid.gridwork;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.onegrid.calendar.CalendarService;
import org.onegrid.cases.CaseStatistics;
import org.onegrid.directory.DirectoryService;
import org.onegrid.directory.GridPost;
import org.onegrid.directory.Role;
import org.onegrid.directory.StaffMember;
import org.onegrid.errors.ApiProblemException;
import org.onegrid.errors.Refusal;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Personal monthly scorecards (个人考核) of grid workers and cadres, and the ranking of a street's
 * grid workers; the points per {@link ScorecardFormula}. Cases settled in the grid are the
 * resolutions a person recorded on a case their grid's team owned.
 */
@Service
public class Scorecards {

    public record Scorecard(String username, String displayName, YearMonth month, long settledInGrid, long settledOnTime,
                            long rated, Double averageStars, long satisfied, long dissatisfied, long patrols,
                            long patrolMeters, long findings, long inspections, long shiftsCheckedIn, long points) {
    }

    public record Ranked(int rank, Scorecard scorecard) {
    }

    private final JdbcClient jdbc;
    private final CaseStatistics caseStatistics;
    private final DirectoryService directory;
    private final DutyRota duty;
    private final CalendarService calendars;

    Scorecards(JdbcClient jdbc, CaseStatistics caseStatistics, DirectoryService directory, DutyRota duty,
               CalendarService calendars) {
        this.jdbc = jdbc;
        this.caseStatistics = caseStatistics;
        this.directory = directory;
        this.duty = duty;
        this.calendars = calendars;
    }

    /** A person's scorecard for a month; a grid worker or unit handler reads only their own. */
    public Scorecard of(String username, YearMonth month, StaffMember viewer) {
        StaffMember person = directory.staffByUsername(username)
                .orElseThrow(() -> ApiProblemException.notFound("staff", username));
        if ((viewer.is(Role.GRID_WORKER) || viewer.is(Role.UNIT_HANDLER) || viewer.is(Role.INTAKE_AGENT))
                && viewer.id() != person.id()) {
            throw Refusal.notPermitted("you may read your own scorecard only");
        }
        return scorecards(List.of(person), month).get(0);
    }

    /** The grid workers serving the grids of a street (or any region code), ranked for a month. */
    public List<Ranked> ranking(String regionCode, YearMonth month) {
        if (regionCode == null || !regionCode.matches("\\d{6,16}")) {
            throw ApiProblemException.invalid("street", "must be a region code such as 320706001");
        }
        List<Scorecard> cards = new ArrayList<>(scorecards(directory.gridStaffUnder(regionCode, GridPost.GRID_WORKER), month));
        cards.sort(Comparator.comparingLong(Scorecard::points).reversed()
                .thenComparing(Comparator.comparingLong(Scorecard::settledOnTime).reversed())
                .thenComparing(Scorecard::username));
        List<Ranked> ranked = new ArrayList<>();
        for (int i = 0; i < cards.size(); i++) {
            boolean tie = i > 0 && cards.get(i).points() == cards.get(i - 1).points()
                    && cards.get(i).settledOnTime() == cards.get(i - 1).settledOnTime();
            ranked.add(new Ranked(tie ? ranked.get(i - 1).rank() : i + 1, cards.get(i)));
        }
        return ranked;
    }

    private List<Scorecard> scorecards(List<StaffMember> people, YearMonth month) {
        MonthSpan span = MonthSpan.of(month, calendars.calendar().zone());
        Instant from = span.from();
        Instant to = span.to();
        Set<Long> teams = new HashSet<>();
        people.forEach(p -> teams.addAll(directory.gridTeamsOf(directory.gridsOf(p.id()))));
        Map<String, CaseStatistics.GridSettlements> settled = caseStatistics.settledForGridTeams(from, to, teams);
        List<Scorecard> cards = new ArrayList<>();
        for (StaffMember p : people) {
            CaseStatistics.GridSettlements s = settled.getOrDefault(p.username(),
                    new CaseStatistics.GridSettlements(p.username(), 0, 0, 0, 0, 0, 0));
            long[] patrols = jdbc.sql("""
                    SELECT count(*), coalesce(sum(distance_m), 0),
                           (SELECT count(*) FROM patrol_finding f JOIN patrol q ON q.id = f.patrol_id
                            WHERE q.staff_id = :s AND q.started_at >= :f AND q.started_at < :t)
                    FROM patrol WHERE staff_id = :s AND started_at >= :f AND started_at < :t AND ended_at IS NOT NULL""")
                    .param("s", p.id()).param("f", Timestamp.from(from)).param("t", Timestamp.from(to))
                    .query((rs, i) -> new long[] {rs.getLong(1), Math.round(rs.getDouble(2)), rs.getLong(3)}).single();
            long inspections = jdbc.sql("SELECT count(*) FROM inspection WHERE staff_id = ? AND at >= ? AND at < ?")
                    .params(p.id(), Timestamp.from(from), Timestamp.from(to)).query(Long.class).single();
            long shifts = duty.checkedInShifts(p.id(), from, to);
            Double stars = s.rated() == 0 ? null : Math.round(10.0 * s.starsTotal() / s.rated()) / 10.0;
            cards.add(new Scorecard(p.username(), p.displayName(), month, s.settled(), s.onTime(), s.rated(), stars,
                    s.satisfied(), s.dissatisfied(), patrols[0], patrols[1], patrols[2], inspections, shifts,
                    ScorecardFormula.points(s.settled(), s.onTime(), patrols[0], inspections, shifts, s.satisfied(),
                            s.dissatisfied())));
        }
        return cards;
    }
}
