package org.onegrid.gridwork;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.onegrid.cases.CaseDetails;
import org.onegrid.cases.CaseIntake;
import org.onegrid.cases.Channel;
import org.onegrid.cases.GridDesk;
import org.onegrid.cases.NewCase;
import org.onegrid.directory.DirectoryService;
import org.onegrid.directory.Role;
import org.onegrid.directory.StaffMember;
import org.onegrid.errors.ApiProblemException;
import org.onegrid.errors.Refusal;
import org.onegrid.errors.Validation;
import org.onegrid.grid.GridLocation;
import org.onegrid.grid.GridService;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Patrols (巡查): a grid worker starts one on the phone, the page sends the positions of the walk,
 * whatever they find on the way becomes a case at the position where it was found (settled on
 * the spot when they did so), and the patrol ends with a summary. One open patrol per person.
 */
@Service
public class Patrols {

    /** Positions per call, at most; the phone page sends a few at a time. */
    public static final int MAX_POINTS_PER_CALL = 500;
    /** How far ahead of the server's clock a position's time may be (a phone's clock drifts). */
    static final Duration CLOCK_SLACK = Duration.ofMinutes(5);
    /** The longest client key: the case key adds the patrol's id in front. */
    static final int MAX_KEY = 150;

    public record Position(Instant at, Double lat, Double lng) {
    }

    /** A matter found on the way; with {@code result}, it was settled on the spot (随手办). */
    public record NewFinding(String title, String description, Double lat, Double lng, String categoryCode, String result) {
    }

    public record Finding(long caseId, String caseCode, String title, Instant at, double lat, double lng, boolean settled) {
    }

    /** A patrol as its walker and their leaders read it. */
    public record PatrolView(long id, String username, String gridCode, Instant startedAt, Instant endedAt, long minutes,
                             int points, long distanceMeters, List<Finding> findings, long settled, String summary,
                             List<Position> track) {
    }

    private final JdbcClient jdbc;
    private final TransactionTemplate tx;
    private final CaseIntake intake;
    private final GridDesk gridDesk;
    private final GridService grids;
    private final DirectoryService directory;
    private final Clock clock;

    Patrols(JdbcClient jdbc, TransactionTemplate tx, CaseIntake intake, GridDesk gridDesk, GridService grids,
            DirectoryService directory, Clock clock) {
        this.directory = directory;
        this.jdbc = jdbc;
        this.tx = tx;
        this.intake = intake;
        this.gridDesk = gridDesk;
        this.grids = grids;
        this.clock = clock;
    }

    /** When each of {@code staffIds} last started a patrol; those who never did are left out. */
    public java.util.Map<Long, Instant> lastStartedBy(java.util.Collection<Long> staffIds) {
        java.util.Map<Long, Instant> last = new java.util.HashMap<>();
        if (staffIds.isEmpty()) {
            return last;
        }
        jdbc.sql("SELECT staff_id, max(started_at) FROM patrol WHERE staff_id = ANY (?) GROUP BY staff_id")
                .param(staffIds.toArray(Long[]::new))
                .query((rs, i) -> last.put(rs.getLong(1), rs.getTimestamp(2).toInstant())).list();
        return last;
    }

    /** Starts a patrol; the same key again returns the same patrol. One open patrol at a time. */
    public PatrolView start(Position from, StaffMember walker, String idempotencyKey) {
        return startAt(from, walker, idempotencyKey, clock.instant());
    }

    /** Starts a patrol at {@code now} (the demo district's past patrols). */
    public PatrolView startAt(Position from, StaffMember walker, String idempotencyKey, Instant now) {
        if (walker.role() != Role.GRID_WORKER) {
            throw Refusal.notPermitted("patrols are walked by grid workers");
        }
        Validation v = new Validation();
        String key = v.optionalText("Idempotency-Key", idempotencyKey, MAX_KEY);
        boolean placed = from != null && (from.lat() != null || from.lng() != null);
        Position at = placed ? checked(v, "", from, now) : null;
        v.throwIfInvalid();
        long id = tx.execute(status -> {
            jdbc.sql("SELECT pg_advisory_xact_lock(?, ?)").params(PATROL_LOCK, (int) walker.id()).query(Object.class).list();
            Optional<Long> replay = key == null ? Optional.empty()
                    : jdbc.sql("SELECT id FROM patrol WHERE staff_id = ? AND idempotency_key = ?").params(walker.id(), key)
                            .query(Long.class).optional();
            if (replay.isPresent()) {
                return replay.get();
            }
            jdbc.sql("SELECT id, started_at FROM patrol WHERE staff_id = ? AND ended_at IS NULL").param(walker.id())
                    .query((rs, i) -> rs.getLong(1)).optional().ifPresent(open -> {
                        throw Refusal.illegalInState("patrol-open", "end your open patrol " + open + " before starting another")
                                .with("patrolId", open);
                    });
            String grid = at == null ? null : grids.locate(at.lat(), at.lng()).map(GridLocation::gridCode).orElse(null);
            long created = jdbc.sql("""
                    INSERT INTO patrol (staff_id, grid_code, started_at, idempotency_key) VALUES (?, ?, ?, ?) RETURNING id
                    """).params(walker.id(), grid, Timestamp.from(now), key).query(Long.class).single();
            if (at != null) {
                save(load(created).orElseThrow(), walker, List.of(at));
            }
            return created;
        });
        return view(id);
    }

    private static final int PATROL_LOCK = 0x70617472;

    /** Adds positions to the track; positions not later than the last kept are ignored (a resend). */
    public PatrolView track(long patrolId, List<Position> positions, StaffMember walker) {
        return trackAt(patrolId, positions, walker, clock.instant());
    }

    /** Adds positions as {@link #track}, with {@code now} as the server's time. */
    public PatrolView trackAt(long patrolId, List<Position> positions, StaffMember walker, Instant now) {
        Validation v = new Validation();
        if (positions == null || positions.isEmpty()) {
            v.reject("positions", "send at least one position");
        } else if (positions.size() > MAX_POINTS_PER_CALL) {
            v.reject("positions", "at most " + MAX_POINTS_PER_CALL + " positions per call");
        }
        List<Position> checked = new ArrayList<>();
        for (int i = 0; positions != null && i < positions.size() && i < MAX_POINTS_PER_CALL; i++) {
            checked.add(checked(v, "positions[" + i + "].", positions.get(i), now));
        }
        v.throwIfInvalid();
        tx.executeWithoutResult(status -> save(lockedOrThrow(patrolId), walker, checked));
        return view(patrolId);
    }

    private static Position checked(Validation v, String prefix, Position p, Instant now) {
        if (p == null) {
            v.reject(prefix + "lat", "a position needs lat and lng");
            return null;
        }
        v.required(prefix + "lat", p.lat());
        v.required(prefix + "lng", p.lng());
        v.range(prefix + "lat", p.lat(), -90, 90);
        v.range(prefix + "lng", p.lng(), -180, 180);
        Instant at = p.at() == null ? now : p.at();
        v.moment(prefix + "at", at);
        if (at.isAfter(now.plus(CLOCK_SLACK))) {
            v.reject(prefix + "at", "lies in the future");
        }
        return new Position(at, p.lat(), p.lng());
    }

    private void save(Patrol patrol, StaffMember walker, List<Position> positions) {
        List<Patrol.TrackPoint> kept = patrol.track(walker, positions.stream()
                .map(p -> new Patrol.TrackPoint(p.at(), p.lat(), p.lng())).toList());
        for (Patrol.TrackPoint p : kept) {
            jdbc.sql("INSERT INTO patrol_point (patrol_id, at, lat, lng) VALUES (?, ?, ?, ?) ON CONFLICT DO NOTHING")
                    .params(patrol.id(), Timestamp.from(p.at()), p.lat(), p.lng()).update();
        }
        jdbc.sql("UPDATE patrol SET distance_m = ?, version = version + 1 WHERE id = ?")
                .params(patrol.distanceMeters(), patrol.id()).update();
    }

    /**
     * Records a matter found on the way as a case at the position where it was found: settled on
     * the spot when a result is given (the grid team's case, resolved), otherwise reported. The
     * same key again returns the same case and records nothing new.
     */
    public CaseIntake.IntakeResult find(long patrolId, NewFinding finding, StaffMember walker, String idempotencyKey) {
        return findAt(patrolId, finding, walker, idempotencyKey, null);
    }

    /** Records a finding as {@link #find}; a past moment ({@code at}, the demo's) only for a matter reported, not settled. */
    public CaseIntake.IntakeResult findAt(long patrolId, NewFinding finding, StaffMember walker, String idempotencyKey,
                                          Instant at) {
        Validation v = new Validation();
        String key = v.optionalText("Idempotency-Key", idempotencyKey, MAX_KEY);
        if (finding == null) {
            v.reject("title", "is required");
        }
        v.throwIfInvalid();
        load(patrolId).orElseThrow(() -> ApiProblemException.notFound("patrol", patrolId)).requireOpenFor(walker);
        String caseKey = key == null ? null : "patrol-" + patrolId + ":" + key;
        boolean settle = finding.result() != null && !finding.result().isBlank();
        CaseIntake.IntakeResult recorded = settle
                ? gridDesk.settleOnTheSpot(new GridDesk.OnTheSpot(finding.title(), finding.description(), finding.lat(),
                        finding.lng(), null, finding.categoryCode(), finding.result()), walker, caseKey)
                : intake.receiveAt(new NewCase(Channel.GRID_WORKER, finding.title(), finding.description(), finding.lat(),
                        finding.lng(), null, finding.categoryCode(), null, null), walker, caseKey,
                        at == null ? clock.instant() : at);
        CaseDetails c = recorded.details();
        tx.executeWithoutResult(status -> {
            Patrol patrol = lockedOrThrow(patrolId);
            jdbc.sql("""
                    INSERT INTO patrol_finding (patrol_id, case_id, case_code, title, at, lat, lng, settled)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING""")
                    .params(patrolId, c.id(), c.code(), c.title(), Timestamp.from(c.receivedAt().toInstant()), c.lat(),
                            c.lng(), settle)
                    .update();
            if (patrol.endedAt() == null) {
                save(patrol, walker, List.of(new Position(c.receivedAt().toInstant(), c.lat(), c.lng())));
            }
        });
        return recorded;
    }

    /** Ends the patrol with a summary; ending it again returns it unchanged. */
    public PatrolView end(long patrolId, String summary, StaffMember walker) {
        return endAt(patrolId, summary, walker, clock.instant());
    }

    /** Ends the patrol at {@code at}, as {@link #end}. */
    public PatrolView endAt(long patrolId, String summary, StaffMember walker, Instant at) {
        Validation v = new Validation();
        String text = v.optionalText("summary", summary, Validation.MAX_TEXT);
        v.throwIfInvalid();
        tx.executeWithoutResult(status -> {
            Patrol patrol = lockedOrThrow(patrolId);
            if (patrol.end(walker, text, at)) {
                jdbc.sql("UPDATE patrol SET ended_at = ?, summary = ?, version = version + 1 WHERE id = ?")
                        .params(Timestamp.from(patrol.endedAt()), patrol.summary(), patrolId).update();
            }
        });
        return view(patrolId);
    }

    /** The open patrol of a grid worker, if any. */
    public Optional<PatrolView> open(StaffMember walker) {
        return jdbc.sql("SELECT id FROM patrol WHERE staff_id = ? AND ended_at IS NULL").param(walker.id())
                .query(Long.class).optional().map(this::view);
    }

    /** A patrol, for its walker or anyone who may read grid work. */
    public PatrolView get(long patrolId, StaffMember viewer) {
        PatrolView patrol = view(patrolId);
        if (viewer.role() == Role.GRID_WORKER && !patrol.username().equals(viewer.username())) {
            throw Refusal.notPermitted("a grid worker reads their own patrols only");
        }
        return patrol;
    }

    /** A grid worker's patrols started in [from, to), the latest first. */
    public List<PatrolView> of(long staffId, Instant from, Instant to) {
        return jdbc.sql("SELECT id FROM patrol WHERE staff_id = ? AND started_at >= ? AND started_at < ? ORDER BY started_at DESC")
                .params(staffId, Timestamp.from(from), Timestamp.from(to)).query(Long.class).list()
                .stream().map(this::view).toList();
    }

    private Patrol lockedOrThrow(long patrolId) {
        return jdbc.sql("SELECT id FROM patrol WHERE id = ? FOR UPDATE").param(patrolId).query(Long.class).optional()
                .flatMap(this::load)
                .orElseThrow(() -> ApiProblemException.notFound("patrol", patrolId));
    }

    private Optional<Patrol> load(long patrolId) {
        return jdbc.sql("""
                SELECT p.id, p.staff_id, p.started_at, p.ended_at, p.summary, p.distance_m, l.at, l.lat, l.lng
                FROM patrol p LEFT JOIN LATERAL (SELECT at, lat, lng FROM patrol_point WHERE patrol_id = p.id
                                                 ORDER BY at DESC LIMIT 1) l ON true
                WHERE p.id = ?""").param(patrolId)
                .query((rs, i) -> new Patrol(rs.getLong(1), rs.getLong(2), rs.getTimestamp(3).toInstant(),
                        rs.getTimestamp(4) == null ? null : rs.getTimestamp(4).toInstant(), rs.getString(5), rs.getDouble(6),
                        rs.getTimestamp(7) == null ? null
                                : new Patrol.TrackPoint(rs.getTimestamp(7).toInstant(), rs.getDouble(8), rs.getDouble(9))))
                .optional();
    }

    private PatrolView view(long patrolId) {
        List<Position> track = jdbc.sql("SELECT at, lat, lng FROM patrol_point WHERE patrol_id = ? ORDER BY at")
                .param(patrolId)
                .query((rs, i) -> new Position(rs.getTimestamp(1).toInstant(), rs.getDouble(2), rs.getDouble(3))).list();
        List<Finding> findings = jdbc.sql("""
                SELECT case_id, case_code, title, at, lat, lng, settled FROM patrol_finding WHERE patrol_id = ? ORDER BY at""")
                .param(patrolId)
                .query((rs, i) -> new Finding(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getTimestamp(4).toInstant(),
                        rs.getDouble(5), rs.getDouble(6), rs.getBoolean(7))).list();
        return jdbc.sql("""
                SELECT p.id, p.staff_id, p.grid_code, p.started_at, p.ended_at, p.distance_m, p.summary
                FROM patrol p WHERE p.id = ?""").param(patrolId)
                .query((rs, i) -> {
                    Instant started = rs.getTimestamp(4).toInstant();
                    Instant ended = rs.getTimestamp(5) == null ? null : rs.getTimestamp(5).toInstant();
                    long minutes = Duration.between(started, ended == null ? clock.instant() : ended).toMinutes();
                    String walker = directory.staff(rs.getLong(2)).map(StaffMember::username).orElse("?");
                    return new PatrolView(rs.getLong(1), walker, rs.getString(3), started, ended,
                            minutes, track.size(), Math.round(rs.getDouble(6)), findings,
                            findings.stream().filter(Finding::settled).count(), rs.getString(7), track);
                })
                .optional().orElseThrow(() -> ApiProblemException.notFound("patrol", patrolId));
    }
}
