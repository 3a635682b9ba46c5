package org.onegrid.gridwork;

import org.onegrid.grid.Compounds;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.onegrid.audit.AuditLog;
import org.onegrid.directory.DirectoryService;
import org.onegrid.directory.Role;
import org.onegrid.directory.StaffMember;
import org.onegrid.directory.Unit;
import org.onegrid.errors.ApiProblemException;
import org.onegrid.errors.Refusal;
import org.onegrid.errors.Validation;
import org.onegrid.grid.Distance;
import org.onegrid.grid.GridLevel;
import org.onegrid.grid.GridLocation;
import org.onegrid.grid.GridService;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Cadres in compounds (双报到/下沉, seed 003): a unit posts its cadres to a residential compound or
 * a base grid for a period; each posting has a rota of duty shifts (值班); the cadre checks in on
 * site ({@link CheckInPolicy}) and logs what they did. Counts per cadre, per unit and per place.
 */
@Service
public class DutyRota {

    public record NewPosting(Long staffId, String placeCode, LocalDate from, LocalDate to) {
    }

    public record Posting(long id, long staffId, String username, String displayName, long unitId, String unitName,
                          String placeCode, String placeName, LocalDate from, LocalDate to) {
    }

    public record NewShift(Instant startsAt, Instant endsAt) {
    }

    public record Shift(long id, long postingId, String username, String displayName, String unitName, String placeCode,
                        String placeName, Instant startsAt, Instant endsAt, Instant checkedInAt, Long checkInDistanceMeters,
                        String log) {
    }

    public record CheckIn(Double lat, Double lng) {
    }

    /** Shifts of a month per cadre, unit or place: how many were rostered and how many checked in. */
    public record Count(String key, String name, long shifts, long checkedIn) {
    }

    public record Counts(List<Count> byCadre, List<Count> byUnit, List<Count> byPlace) {
    }

    private final JdbcClient jdbc;
    private final TransactionTemplate tx;
    private final DirectoryService directory;
    private final GridService grids;
    private final Compounds compounds;
    private final AuditLog audit;
    private final Clock clock;
    private final org.onegrid.calendar.CalendarService calendars;
    private final double checkInRadiusMeters;

    DutyRota(JdbcClient jdbc, TransactionTemplate tx, DirectoryService directory, GridService grids, Compounds compounds,
             AuditLog audit, Clock clock, org.onegrid.calendar.CalendarService calendars, @Value("${onegrid.gridwork.check-in-radius-meters:300}") double checkInRadiusMeters) {
        this.jdbc = jdbc;
        this.tx = tx;
        this.directory = directory;
        this.grids = grids;
        this.compounds = compounds;
        this.audit = audit;
        this.clock = clock;
        this.calendars = calendars;
        this.checkInRadiusMeters = checkInRadiusMeters;
    }

    public double checkInRadiusMeters() {
        return checkInRadiusMeters;
    }

    /** Posts a cadre of a unit to a compound or base grid; by an administrator or the leader of the cadre's unit. */
    public Posting post(NewPosting posting, StaffMember by) {
        Validation v = new Validation();
        v.required("staffId", posting.staffId());
        Optional<StaffMember> cadre = posting.staffId() == null ? Optional.empty() : directory.staff(posting.staffId());
        if (posting.staffId() != null && (cadre.isEmpty() || cadre.get().unitId() == null)) {
            v.reject("staffId", "must be a staff member of a unit");
        }
        String place = v.requiredText("placeCode", posting.placeCode(), 40);
        if (place != null && placeName(place).isEmpty()) {
            v.reject("placeCode", "no compound or base grid has the code " + place);
        }
        v.required("from", posting.from());
        v.required("to", posting.to());
        if (posting.from() != null && posting.to() != null && posting.to().isBefore(posting.from())) {
            v.reject("to", "must not be before from");
        }
        if (posting.from() != null) {
            v.year("from", posting.from().getYear());
        }
        if (posting.to() != null) {
            v.year("to", posting.to().getYear());
        }
        v.throwIfInvalid();
        long unitId = cadre.get().unitId();
        if (!(by.is(Role.ADMIN) || (by.is(Role.UNIT_LEADER) && by.worksFor(unitId)))) {
            throw Refusal.notPermitted("cadres are posted by an administrator or the leader of their own unit");
        }
        long id = jdbc.sql("""
                INSERT INTO cadre_posting (staff_id, unit_id, place_code, from_date, to_date) VALUES (?, ?, ?, ?, ?)
                ON CONFLICT (staff_id, place_code, from_date) DO UPDATE SET to_date = EXCLUDED.to_date RETURNING id
                """).params(posting.staffId(), unitId, place, Date.valueOf(posting.from()), Date.valueOf(posting.to()))
                .query(Long.class).single();
        audit.record(by.username(), "cadre.post", "staff " + posting.staffId(), "to " + place + " " + posting.from() + ".." + posting.to());
        return posting(id);
    }

    public Posting posting(long id) {
        return jdbc.sql("SELECT id, staff_id, unit_id, place_code, from_date, to_date FROM cadre_posting WHERE id = ?")
                .param(id).query((rs, i) -> toPosting(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getString(4),
                        rs.getDate(5).toLocalDate(), rs.getDate(6).toLocalDate()))
                .optional().orElseThrow(() -> ApiProblemException.notFound("cadre posting", id));
    }

    /** The postings to places whose codes start with {@code placePrefix}, or of one unit. */
    public List<Posting> postings(String placePrefix, Long unitId) {
        return jdbc.sql("""
                SELECT id, staff_id, unit_id, place_code, from_date, to_date FROM cadre_posting
                WHERE place_code LIKE ? AND (?::bigint IS NULL OR unit_id = ?) ORDER BY place_code, id""")
                .params((placePrefix == null ? "" : placePrefix) + "%", unitId, unitId)
                .query((rs, i) -> toPosting(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getString(4),
                        rs.getDate(5).toLocalDate(), rs.getDate(6).toLocalDate()))
                .list();
    }

    private Posting toPosting(long id, long staffId, long unitId, String place, LocalDate from, LocalDate to) {
        Optional<StaffMember> cadre = directory.staff(staffId);
        return new Posting(id, staffId, cadre.map(StaffMember::username).orElse(null),
                cadre.map(StaffMember::displayName).orElse(null), unitId,
                directory.unit(unitId).map(Unit::name).orElse(null), place, placeName(place).orElse(place), from, to);
    }

    private Optional<String> placeName(String code) {
        Optional<Compounds.Compound> compound = compounds.compound(code);
        if (compound.isPresent()) {
            return Optional.of(compound.get().name());
        }
        return grids.node(code).filter(n -> n.level() == GridLevel.GRID).map(n -> n.name());
    }

    /** Adds a shift to a posting's rota, within the posting's period. */
    public Shift addShift(long postingId, NewShift shift, StaffMember by) {
        Posting posting = posting(postingId);
        if (!(by.is(Role.ADMIN) || (by.is(Role.UNIT_LEADER) && by.worksFor(posting.unitId())))) {
            throw Refusal.notPermitted("shifts are set by an administrator or the leader of the cadre's unit");
        }
        Validation v = new Validation();
        v.required("startsAt", shift.startsAt());
        v.required("endsAt", shift.endsAt());
        v.moment("startsAt", shift.startsAt());
        v.moment("endsAt", shift.endsAt());
        if (v.ok() && !shift.endsAt().isAfter(shift.startsAt())) {
            v.reject("endsAt", "must be after startsAt");
        }
        java.time.ZoneId zone = calendars.calendar().zone();
        if (v.ok() && (shift.startsAt().atZone(zone).toLocalDate().isBefore(posting.from())
                || shift.startsAt().atZone(zone).toLocalDate().isAfter(posting.to()))) {
            v.reject("startsAt", "must fall within the posting, " + posting.from() + " to " + posting.to());
        }
        v.throwIfInvalid();
        long id = jdbc.sql("INSERT INTO duty_shift (posting_id, starts_at, ends_at) VALUES (?, ?, ?) RETURNING id")
                .params(postingId, Timestamp.from(shift.startsAt()), Timestamp.from(shift.endsAt())).query(Long.class).single();
        return shift(id);
    }

    public Shift shift(long id) {
        return shifts("s.id = ?", id).stream().findFirst().orElseThrow(() -> ApiProblemException.notFound("duty shift", id));
    }

    /** Every shift starting in [from, to) not checked in yet, the earliest first (for the reminders). */
    public List<Shift> startingBetween(Instant from, Instant to) {
        return shifts("s.starts_at >= ? AND s.starts_at < ? AND s.checked_in_at IS NULL", Timestamp.from(from), Timestamp.from(to));
    }

    /** The staff member a shift belongs to. */
    public long cadreOf(Shift shift) {
        return posting(shift.postingId()).staffId();
    }

    /** A cadre's shifts starting in [from, to), the earliest first. */
    public List<Shift> shiftsOf(long staffId, Instant from, Instant to) {
        Validation v = new Validation();
        v.required("from", from);
        v.required("to", to);
        v.moment("from", from);
        v.moment("to", to);
        v.throwIfInvalid();
        return shifts("p.staff_id = ? AND s.starts_at >= ? AND s.starts_at < ?", staffId, Timestamp.from(from), Timestamp.from(to));
    }

    private List<Shift> shifts(String where, Object... params) {
        return jdbc.sql("""
                SELECT s.id, s.posting_id, p.staff_id, p.unit_id, p.place_code, s.starts_at, s.ends_at, s.checked_in_at,
                       s.check_in_lat, s.check_in_lng, s.log
                FROM duty_shift s JOIN cadre_posting p ON p.id = s.posting_id WHERE %s ORDER BY s.starts_at, s.id"""
                        .formatted(where))
                .params(params)
                .query((rs, i) -> {
                    Optional<StaffMember> cadre = directory.staff(rs.getLong(3));
                    String place = rs.getString(5);
                    Instant checkedIn = rs.getTimestamp(8) == null ? null : rs.getTimestamp(8).toInstant();
                    Long distance = checkedIn == null ? null
                            : distanceTo(place, rs.getDouble(9), rs.getDouble(10)).map(Math::round).orElse(null);
                    return new Shift(rs.getLong(1), rs.getLong(2), cadre.map(StaffMember::username).orElse(null),
                            cadre.map(StaffMember::displayName).orElse(null),
                            directory.unit(rs.getLong(4)).map(Unit::name).orElse(null), place, placeName(place).orElse(place),
                            rs.getTimestamp(6).toInstant(), rs.getTimestamp(7).toInstant(), checkedIn, distance, rs.getString(11));
                })
                .list();
    }

    /** The distance from a compound's point, or zero inside a posted base grid (empty outside it). */
    private Optional<Double> distanceTo(String place, double lat, double lng) {
        Optional<double[]> point = compounds.point(place);
        if (point.isPresent()) {
            return Optional.of(Distance.meters(point.get()[0], point.get()[1], lat, lng));
        }
        return grids.locate(lat, lng).map(GridLocation::gridCode).filter(place::equals).map(g -> 0.0);
    }

    /** Checks in for a shift on site, now; checking in again returns the first check-in. */
    public Shift checkIn(long shiftId, CheckIn at, StaffMember cadre) {
        return checkInAt(shiftId, at, cadre, clock.instant());
    }

    /** Checks in as {@link #checkIn}, at {@code now} (the demo district's past shifts). */
    public Shift checkInAt(long shiftId, CheckIn at, StaffMember cadre, Instant now) {
        Validation v = new Validation();
        v.required("lat", at == null ? null : at.lat());
        v.required("lng", at == null ? null : at.lng());
        if (at != null) {
            v.range("lat", at.lat(), -90, 90);
            v.range("lng", at.lng(), -180, 180);
        }
        v.throwIfInvalid();
        tx.executeWithoutResult(status -> {
            Shift shift = jdbc.sql("SELECT id FROM duty_shift WHERE id = ? FOR UPDATE").param(shiftId).query(Long.class)
                    .optional().map(this::shift).orElseThrow(() -> ApiProblemException.notFound("duty shift", shiftId));
            long owner = posting(shift.postingId()).staffId();
            if (!CheckInPolicy.isTheirs(owner, cadre.id())) {
                throw Refusal.notPermitted("this shift is not yours: a cadre checks in for their own shifts only");
            }
            if (shift.checkedInAt() != null) {
                return;
            }
            CheckInPolicy.outsideWindow(shift.startsAt(), shift.endsAt(), now).ifPresent(reason -> {
                throw Refusal.illegalInState("outside-shift", reason).with("shiftId", shiftId);
            });
            Optional<Double> distance = distanceTo(shift.placeCode(), at.lat(), at.lng());
            if (distance.isEmpty() || !CheckInPolicy.nearEnough(distance.get(), checkInRadiusMeters)) {
                throw ApiProblemException.unprocessable("lat", distance
                        .map(d -> "you are " + Math.round(d) + " m from " + shift.placeName() + "; check in within "
                                + Math.round(checkInRadiusMeters) + " m")
                        .orElse("you are outside " + shift.placeName() + "; check in inside the grid"));
            }
            jdbc.sql("UPDATE duty_shift SET checked_in_at = ?, check_in_lat = ?, check_in_lng = ? WHERE id = ?")
                    .params(Timestamp.from(now), at.lat(), at.lng(), shiftId).update();
        });
        return shift(shiftId);
    }

    /** Logs what the cadre did on a shift they checked in for (replaces the earlier log). */
    public Shift log(long shiftId, String text, StaffMember cadre) {
        Shift shift = shift(shiftId);
        if (!CheckInPolicy.isTheirs(posting(shift.postingId()).staffId(), cadre.id())) {
            throw Refusal.notPermitted("this shift is not yours");
        }
        if (shift.checkedInAt() == null) {
            throw Refusal.illegalInState("not-checked-in", "check in on site before logging the shift");
        }
        Validation v = new Validation();
        String log = v.requiredText("log", text, Validation.MAX_TEXT);
        v.throwIfInvalid();
        jdbc.sql("UPDATE duty_shift SET log = ? WHERE id = ?").params(log, shiftId).update();
        return shift(shiftId);
    }

    /** Shifts of a month per cadre, per unit and per place. */
    public Counts counts(java.time.YearMonth month) {
        MonthSpan span = MonthSpan.of(month, calendars.calendar().zone());
        Instant from = span.from();
        Instant to = span.to();
        return new Counts(count("p.staff_id::text", from, to, key -> directory.staff(Long.parseLong(key))
                        .map(StaffMember::displayName).orElse(key)),
                count("p.unit_id::text", from, to, key -> directory.unit(Long.parseLong(key)).map(Unit::name).orElse(key)),
                count("p.place_code", from, to, key -> placeName(key).orElse(key)));
    }

    private List<Count> count(String key, Instant from, Instant to, java.util.function.Function<String, String> name) {
        return jdbc.sql("""
                SELECT %s AS k, count(*) AS shifts, count(s.checked_in_at) AS checked_in
                FROM duty_shift s JOIN cadre_posting p ON p.id = s.posting_id
                WHERE s.starts_at >= ? AND s.starts_at < ? GROUP BY 1 ORDER BY 3 DESC, 1""".formatted(key))
                .params(Timestamp.from(from), Timestamp.from(to))
                .query((rs, i) -> new Count(rs.getString(1), null, rs.getLong(2), rs.getLong(3))).list()
                .stream().map(c -> new Count(c.key(), name.apply(c.key()), c.shifts(), c.checkedIn())).toList();
    }

    /** How many shifts a person checked in for that started in [from, to). */
    public long checkedInShifts(long staffId, Instant from, Instant to) {
        return jdbc.sql("""
                SELECT count(*) FROM duty_shift s JOIN cadre_posting p ON p.id = s.posting_id
                WHERE p.staff_id = ? AND s.starts_at >= ? AND s.starts_at < ? AND s.checked_in_at IS NOT NULL""")
                .params(staffId, Timestamp.from(from), Timestamp.from(to)).query(Long.class).single();
    }
}
