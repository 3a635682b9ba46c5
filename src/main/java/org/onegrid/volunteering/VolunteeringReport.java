package org.onegrid.volunteering;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * A community's volunteering in a period (志愿服务统计): registered volunteers, volunteers who
 * served, hours confirmed, points issued (earned and corrections) and redeemed, and the top
 * volunteers by points earned.
 */
@Service
public class VolunteeringReport {

    public record TopVolunteer(long volunteerId, String name, String number, int points, double hours) {
    }

    public record Report(String communityCode, long volunteers, long served, double hours, long pointsIssued,
                         long pointsRedeemed, List<TopVolunteer> top) {
    }

    private final JdbcClient jdbc;

    VolunteeringReport(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Report of(String communityCode, Instant from, Instant to) {
        Timestamp f = Timestamp.from(from);
        Timestamp t = Timestamp.from(to);
        long volunteers = jdbc.sql("SELECT count(*) FROM volunteer WHERE community_code = ? AND registered_at < ?")
                .params(communityCode, t).query(Long.class).single();
        Object[] served = jdbc.sql("""
                SELECT count(DISTINCT u.volunteer_id), coalesce(sum(u.minutes), 0) FROM activity_signup u
                JOIN activity a ON a.id = u.activity_id
                WHERE a.community_code = ? AND u.confirmed_at >= ? AND u.confirmed_at < ? AND u.minutes > 0""")
                .params(communityCode, f, t).query((rs, i) -> new Object[] {rs.getLong(1), rs.getLong(2)}).single();
        long issued = jdbc.sql("""
                SELECT coalesce(-sum(amount), 0) FROM points_entry
                WHERE account = ? AND kind IN ('EARNED', 'CORRECTION') AND at >= ? AND at < ?""")
                .params(PointsLedger.communityAccount(communityCode), f, t).query(Long.class).single();
        long redeemed = jdbc.sql("""
                SELECT coalesce(-sum(e.amount), 0) FROM points_entry e JOIN volunteer v ON e.account = 'V:' || v.id
                WHERE v.community_code = ? AND e.kind = 'REDEEMED' AND e.at >= ? AND e.at < ?""")
                .params(communityCode, f, t).query(Long.class).single();
        List<TopVolunteer> top = jdbc.sql("""
                SELECT v.id, v.name, v.number, sum(u.points) AS points, sum(u.minutes) AS minutes
                FROM activity_signup u JOIN activity a ON a.id = u.activity_id JOIN volunteer v ON v.id = u.volunteer_id
                WHERE a.community_code = ? AND u.confirmed_at >= ? AND u.confirmed_at < ?
                GROUP BY v.id, v.name, v.number ORDER BY points DESC, minutes DESC, v.id LIMIT 10""")
                .params(communityCode, f, t)
                .query((rs, i) -> new TopVolunteer(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getInt(4),
                        Math.round(rs.getLong(5) / 6.0) / 10.0))
                .list();
        return new Report(communityCode, volunteers, (Long) served[0], Math.round((Long) served[1] / 6.0) / 10.0, issued,
                redeemed, top);
    }
}
