package org.onegrid.directory;

import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.onegrid.audit.AuditLog;
import org.onegrid.errors.ApiProblemException;
import org.onegrid.errors.Validation;
import org.onegrid.grid.GridLevel;
import org.onegrid.grid.GridNode;
import org.onegrid.grid.GridService;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Units, staff and grid posts. Units are few and read on every dispatch, so they are held in
 * memory and reloaded after each change.
 */
@Service
public class DirectoryService {

    /** What sign-in needs to check a password; never leaves the security boundary. */
    public record Credentials(StaffMember staff, String passwordHash, boolean enabled) {
    }

    /** A new unit as an administrator describes it. */
    public record NewUnit(String code, String name, UnitKind kind, Long parentId, String regionCode, String line) {
    }

    /** A new account as an administrator describes it. */
    public record NewStaff(String username, String displayName, Role role, Long unitId, String password) {
    }

    private static final RowMapper<StaffMember> STAFF = (rs, i) -> new StaffMember(rs.getLong("id"),
            rs.getString("username"), rs.getString("display_name"), Role.valueOf(rs.getString("role")),
            (Long) rs.getObject("unit_id"));

    private final JdbcClient jdbc;
    private final GridService grids;
    private final PasswordEncoder passwords;
    private final AuditLog audit;
    private volatile Map<Long, Unit> units = Map.of();

    private final org.onegrid.platform.SharedChanges shared;

    DirectoryService(JdbcClient jdbc, GridService grids, PasswordEncoder passwords, AuditLog audit,
                     org.onegrid.platform.SharedChanges shared) {
        this.shared = shared;
        shared.onChange("units", this::reloadUnits);
        this.audit = audit;
        this.jdbc = jdbc;
        this.grids = grids;
        this.passwords = passwords;
    }

    public synchronized void reloadUnits() {
        this.units = jdbc.sql("SELECT id, code, name, kind, parent_id, region_code, line FROM unit ORDER BY id")
                .query((rs, i) -> new Unit(rs.getLong("id"), rs.getString("code"), rs.getString("name"),
                        UnitKind.valueOf(rs.getString("kind")), (Long) rs.getObject("parent_id"),
                        rs.getString("region_code"), rs.getString("line")))
                .list().stream()
                .collect(Collectors.toUnmodifiableMap(Unit::id, Function.identity()));
    }

    public List<Unit> units() {
        return units.values().stream().sorted(Comparator.comparingLong(Unit::id)).toList();
    }

    public Optional<Unit> unit(long id) {
        return Optional.ofNullable(units.get(id));
    }

    public Unit requireUnit(long id) {
        return unit(id).orElseThrow(() -> ApiProblemException.notFound("unit", id));
    }

    public Optional<Unit> unitByCode(String code) {
        return units.values().stream().filter(u -> u.code().equals(code)).findFirst();
    }

    @Transactional
    public Unit createUnit(NewUnit unit, String actor) {
        Validation v = new Validation();
        String code = v.requiredText("code", unit.code(), 40);
        String name = v.requiredText("name", unit.name(), Validation.MAX_NAME);
        v.required("kind", unit.kind());
        String line = v.optionalText("line", unit.line(), 40);
        if (unit.parentId() != null && !units.containsKey(unit.parentId())) {
            v.reject("parentId", "unit " + unit.parentId() + " does not exist");
        }
        Optional<GridNode> region = unit.regionCode() == null ? Optional.empty() : grids.node(unit.regionCode());
        if (region.isEmpty()) {
            v.reject("regionCode", "must be the code of an existing district, street or community");
        } else if (unit.kind() != null && region.get().level() != unit.kind().level()) {
            v.reject("regionCode", "a " + unit.kind() + " serves a " + unit.kind().level() + ", not a " + region.get().levelKey());
        }
        if (code != null && unitByCode(code).isPresent()) {
            v.reject("code", "is already used");
        }
        v.throwIfInvalid();
        long id = jdbc.sql("""
                INSERT INTO unit (code, name, kind, parent_id, region_code, line) VALUES (?, ?, ?, ?, ?, ?) RETURNING id
                """).params(code, name, unit.kind().name(), unit.parentId(), unit.regionCode(), line)
                .query(Long.class).single();
        audit.record(actor, "unit.create", "unit " + id, code + " " + name + " (" + unit.kind() + ")");
        reloadUnits();
        shared.changed("units");
        return requireUnit(id);
    }

    /** The unit of a kind (and line, for departments) that serves a territory node. */
    public Optional<Unit> unitServing(String regionCode, UnitKind kind, String line) {
        return units.values().stream()
                .filter(u -> u.kind() == kind && u.regionCode().equals(regionCode))
                .filter(u -> line == null || line.equals(u.line()))
                .min(Comparator.comparingLong(Unit::id));
    }

    /** The ids of the grid teams (units of kind GRID_TEAM) of these base grids. */
    public java.util.Set<Long> gridTeamsOf(java.util.Collection<String> gridCodes) {
        if (gridCodes.isEmpty()) {
            return java.util.Set.of();
        }
        java.util.Set<String> codes = java.util.Set.copyOf(gridCodes);
        return units.values().stream().filter(u -> u.kind() == UnitKind.GRID_TEAM && codes.contains(u.regionCode()))
                .map(Unit::id).collect(Collectors.toUnmodifiableSet());
    }

    /** The grid team of one base grid, if it has one. */
    public Optional<Unit> gridTeam(String gridCode) {
        return unitServing(gridCode, UnitKind.GRID_TEAM, null);
    }

    public Optional<StaffMember> staff(long id) {
        return jdbc.sql("SELECT id, username, display_name, role, unit_id FROM staff WHERE id = ?")
                .param(id).query(STAFF).optional();
    }

    public Optional<StaffMember> staffByUsername(String username) {
        return jdbc.sql("SELECT id, username, display_name, role, unit_id FROM staff WHERE username = ?")
                .param(username).query(STAFF).optional();
    }

    public List<StaffMember> staffList() {
        return jdbc.sql("SELECT id, username, display_name, role, unit_id FROM staff ORDER BY id").query(STAFF).list();
    }

    /** The enabled staff of a unit who handle or lead its cases. */
    public List<StaffMember> handlersOf(long unitId) {
        return jdbc.sql("""
                SELECT id, username, display_name, role, unit_id FROM staff
                WHERE unit_id = ? AND enabled AND role IN ('UNIT_HANDLER', 'UNIT_LEADER', 'GRID_WORKER') ORDER BY id""")
                .param(unitId).query(STAFF).list();
    }

    public long staffCount() {
        return jdbc.sql("SELECT count(*) FROM staff").query(Long.class).single();
    }

    public Optional<Credentials> credentials(String username) {
        return jdbc.sql("""
                SELECT id, username, display_name, role, unit_id, password_hash, enabled FROM staff WHERE username = ?
                """).param(username)
                .query((rs, i) -> new Credentials(STAFF.mapRow(rs, i), rs.getString("password_hash"), rs.getBoolean("enabled")))
                .optional();
    }

    /**
     * Counts a wrong password for {@code username} from {@code source} (the client's address) and
     * locks that source out of the account as {@link SignInBackoff} says. Counts untouched for a
     * day are forgotten.
     */
    public void recordFailedSignIn(String username, String source) {
        jdbc.sql("DELETE FROM sign_in_lock WHERE last_failure_at < now() - interval '1 day'").update();
        int failures = jdbc.sql("""
                INSERT INTO sign_in_lock (username, source, failures) VALUES (?, ?, 1)
                ON CONFLICT (username, source) DO UPDATE
                SET failures = sign_in_lock.failures + 1, last_failure_at = now()
                RETURNING failures
                """).params(username, source).query(Integer.class).single();
        Duration lock = SignInBackoff.lockAfter(failures);
        if (!lock.isZero()) {
            jdbc.sql("UPDATE sign_in_lock SET locked_until = now() + make_interval(secs => ?) WHERE username = ? AND source = ?")
                    .params((double) lock.toSeconds(), username, source).update();
        }
    }

    /** A correct password from {@code source} clears that source's count for the account. */
    public void recordSuccessfulSignIn(String username, String source) {
        jdbc.sql("DELETE FROM sign_in_lock WHERE username = ? AND source = ?").params(username, source).update();
    }

    /** Whether {@code source} is locked out of {@code username}'s account now. */
    public boolean signInLocked(String username, String source) {
        return jdbc.sql("SELECT EXISTS (SELECT 1 FROM sign_in_lock WHERE username = ? AND source = ? AND locked_until > now())")
                .params(username, source).query(Boolean.class).single();
    }

    @Transactional
    public StaffMember createStaff(NewStaff staff, String actor) {
        return createStaffWithHash(staff, null, actor);
    }

    /**
     * Creates an account; {@code passwordHash}, when given, is used as it is (several demo
     * accounts share one hash so that start-up does not hash the same password many times).
     */
    @Transactional
    public StaffMember createStaffWithHash(NewStaff staff, String passwordHash, String actor) {
        Validation v = new Validation();
        String username = v.requiredText("username", staff.username(), 64);
        if (username != null && !username.matches("[A-Za-z0-9._-]+")) {
            v.reject("username", "may contain only letters, digits, '.', '_' and '-'");
        }
        String displayName = v.requiredText("displayName", staff.displayName(), Validation.MAX_NAME);
        v.required("role", staff.role());
        if (passwordHash == null) {
            String password = v.requiredText("password", staff.password(), 200);
            if (password != null && password.length() < 8) {
                v.reject("password", "must be at least 8 characters");
            }
        }
        if (staff.unitId() != null && !units.containsKey(staff.unitId())) {
            v.reject("unitId", "unit " + staff.unitId() + " does not exist");
        }
        if (staff.role() == Role.UNIT_HANDLER || staff.role() == Role.UNIT_LEADER) {
            if (staff.unitId() == null) {
                v.reject("unitId", "a " + staff.role() + " must belong to a unit");
            }
        }
        if (username != null && staffByUsername(username).isPresent()) {
            v.reject("username", "is already taken");
        }
        v.throwIfInvalid();
        String hash = passwordHash != null ? passwordHash : passwords.encode(staff.password());
        long id = jdbc.sql("""
                INSERT INTO staff (username, display_name, role, unit_id, password_hash) VALUES (?, ?, ?, ?, ?) RETURNING id
                """).params(username, displayName, staff.role().name(), staff.unitId(), hash).query(Long.class).single();
        audit.record(actor, "staff.create", "staff " + id, username + " as " + staff.role() + " of unit " + staff.unitId());
        return staff(id).orElseThrow();
    }

    public String hash(String rawPassword) {
        return passwords.encode(rawPassword);
    }

    /** A post to fill in a base grid's team: a staff account, or a person without one by name. */
    public record NewAssignment(Long staffId, String personName, GridPost post, String duty, String placeCode,
                                String contactPhone) {
    }

    /** Puts a staff member on a base grid's team. */
    @Transactional
    public GridAssignment assign(String gridCode, long staffId, GridPost post, String duty, String actor) {
        return assign(gridCode, new NewAssignment(staffId, null, post, duty, null, null), actor);
    }

    /**
     * Fills a post in a base grid's team, with a staff account or a person without one; the same
     * holder in the same post again updates the duty, place and contact.
     */
    @Transactional
    public GridAssignment assign(String gridCode, NewAssignment post, String actor) {
        Validation v = new Validation();
        Optional<GridNode> grid = grids.node(gridCode);
        if (grid.isEmpty() || grid.get().level() != GridLevel.GRID) {
            v.reject("gridCode", "must be the code of an existing base grid");
        }
        Optional<StaffMember> staff = post.staffId() == null ? Optional.empty() : staff(post.staffId());
        if (post.staffId() != null && staff.isEmpty()) {
            v.reject("staffId", "staff " + post.staffId() + " does not exist");
        }
        String person = v.optionalText("personName", post.personName(), Validation.MAX_NAME);
        if (post.staffId() == null && person == null) {
            v.reject("staffId", "name a staff account or, for a holder without one, personName");
        }
        v.required("post", post.post());
        String dutyText = v.optionalText("duty", post.duty(), Validation.MAX_NAME);
        String place = v.optionalText("placeCode", post.placeCode(), 40);
        String phone = v.optionalText("contactPhone", post.contactPhone(), 32);
        if (phone != null && !phone.matches("[0-9+\\- ]{5,32}")) {
            v.reject("contactPhone", "must be a phone number (digits, spaces, + and -)");
        }
        v.throwIfInvalid();
        String conflict = staff.isPresent() ? "(grid_code, staff_id, post) WHERE staff_id IS NOT NULL"
                : "(grid_code, person_name, post) WHERE staff_id IS NULL";
        long id = jdbc.sql("""
                INSERT INTO grid_assignment (grid_code, staff_id, person_name, post, duty, place_code, contact_phone)
                VALUES (?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT %s DO UPDATE SET duty = EXCLUDED.duty, place_code = EXCLUDED.place_code,
                    contact_phone = EXCLUDED.contact_phone
                RETURNING id
                """.formatted(conflict))
                .params(gridCode, post.staffId(), staff.isPresent() ? null : person, post.post().name(), dutyText, place, phone)
                .query(Long.class).single();
        String holder = staff.map(s -> "staff " + s.id()).orElse(person);
        audit.record(actor, "grid.assign", "grid " + gridCode, holder + " as " + post.post() + (dutyText == null ? "" : ", " + dutyText));
        return new GridAssignment(id, gridCode, post.staffId(), staff.map(StaffMember::username).orElse(null),
                staff.map(StaffMember::displayName).orElse(person), post.post(), dutyText, place, phone);
    }

    /** Takes a post out of a grid's team; false when there was none with that id in that grid. */
    @Transactional
    public boolean unassign(String gridCode, long assignmentId, String actor) {
        boolean removed = jdbc.sql("DELETE FROM grid_assignment WHERE id = ? AND grid_code = ?")
                .params(assignmentId, gridCode).update() == 1;
        if (removed) {
            audit.record(actor, "grid.unassign", "grid " + gridCode, "post " + assignmentId);
        }
        return removed;
    }

    public List<GridAssignment> assignments(String gridCode) {
        return jdbc.sql("""
                SELECT a.id, a.grid_code, s.id, s.username, coalesce(s.display_name, a.person_name), a.post, a.duty,
                       a.place_code, a.contact_phone
                FROM grid_assignment a LEFT JOIN staff s ON s.id = a.staff_id WHERE a.grid_code = ?
                ORDER BY a.post, a.place_code NULLS FIRST, a.id
                """).param(gridCode)
                .query((rs, i) -> new GridAssignment(rs.getLong(1), rs.getString(2), (Long) rs.getObject(3), rs.getString(4),
                        rs.getString(5), GridPost.valueOf(rs.getString(6)), rs.getString(7), rs.getString(8), rs.getString(9)))
                .list();
    }

    /** The staff accounts holding any post in the grids under {@code regionPrefix} (a street's code, say). */
    public List<StaffMember> gridStaffUnder(String regionPrefix, GridPost post) {
        return jdbc.sql("""
                SELECT DISTINCT s.id, s.username, s.display_name, s.role, s.unit_id FROM grid_assignment a
                JOIN staff s ON s.id = a.staff_id WHERE a.grid_code LIKE ? AND a.post = ? ORDER BY s.id
                """).params(regionPrefix + "%", post.name())
                .query(STAFF).list();
    }

    /** The base grids a staff member serves. */
    public List<String> gridsOf(long staffId) {
        return jdbc.sql("SELECT DISTINCT grid_code FROM grid_assignment WHERE staff_id = ? ORDER BY grid_code")
                .param(staffId).query(String.class).list();
    }
}
