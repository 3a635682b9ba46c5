package org.onegrid.households;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.onegrid.audit.AuditLog;
import org.onegrid.directory.DirectoryService;
import org.onegrid.directory.Role;
import org.onegrid.directory.StaffMember;
import org.onegrid.errors.ApiProblemException;
import org.onegrid.errors.Refusal;
import org.onegrid.errors.Validation;
import org.onegrid.grid.Compounds;
import org.onegrid.grid.GridLevel;
import org.onegrid.grid.GridService;
import org.onegrid.security.PersonalDataPolicy;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The register of residents: households and members, moves, care flags, visits, reveals and
 * erasure, always within the reader's grids ({@link RegisterAccessPolicy}). Lists show ID numbers
 * and phones masked; a reveal with a purpose shows them and is logged. A member outside the
 * reader's grids is not found, by id or any list.
 */
@Service
public class HouseholdRegister {

    public enum Relation { HEAD, SPOUSE, CHILD, PARENT, GRANDCHILD, SIBLING, OTHER }

    public enum Residence { REGISTERED, RESIDENT, BOTH }

    public record NewHousehold(String gridCode, String buildingCode, String unitNo, String room, String address) {
    }

    public record NewMember(String name, String idNumber, String phone, String relation, String residence, List<String> flags,
                            LocalDate movedInOn) {
    }

    /** A change to a living member: each field left null stays as it is. */
    public record MemberChange(String phone, String relation, String residence, List<String> flags) {
    }

    public record MemberView(long id, long householdId, String name, String idMasked, String phone, Relation relation,
                             Residence residence, List<String> flags, LocalDate movedInOn, LocalDate movedOutOn, boolean erased) {
    }

    public record HouseholdView(long id, String gridCode, String buildingCode, String unitNo, String room, String address,
                                String place, List<MemberView> members, Instant lastVisitAt, LocalDate careDueOn,
                                boolean careOverdue) {
    }

    /** A member's ID number and phone unmasked, after a logged reveal. */
    public record Revealed(long memberId, String name, String idNumber, String phone) {
    }

    public record Visit(long id, long householdId, Long campaignId, String byName, Instant at, String note,
                        List<Boolean> answers) {
    }

    public record CareFlag(String code, String nameZh, String nameEn, Integer visitEveryDays, boolean active) {
    }

    public record Move(long memberId, String kind, LocalDate onDate, String reason, String by, Instant at) {
    }

    private final JdbcClient jdbc;
    private final TransactionTemplate tx;
    private final RegisterCipher cipher;
    private final DirectoryService directory;
    private final GridService grids;
    private final Compounds compounds;
    private final AuditLog audit;
    private final Clock clock;
    private final ZoneId zone;

    HouseholdRegister(JdbcClient jdbc, TransactionTemplate tx, RegisterCipher cipher, DirectoryService directory,
                      GridService grids, Compounds compounds, AuditLog audit, Clock clock,
                      @Value("${onegrid.calendar.zone:Asia/Shanghai}") String zone) {
        this.jdbc = jdbc;
        this.tx = tx;
        this.cipher = cipher;
        this.directory = directory;
        this.grids = grids;
        this.compounds = compounds;
        this.audit = audit;
        this.clock = clock;
        this.zone = ZoneId.of(zone);
    }

    public LocalDate today() {
        return clock.instant().atZone(zone).toLocalDate();
    }

    // ---- who reads what -------------------------------------------------------------------------

    RegisterAccessPolicy.Access access(StaffMember staff) {
        return RegisterAccessPolicy.of(staff, Optional.ofNullable(staff.unitId()).flatMap(directory::unit),
                directory.gridsOf(staff.id()));
    }

    /** The base grids of the register a staff member reads, for choosing on a page. */
    public List<String> gridsOf(StaffMember staff) {
        RegisterAccessPolicy.Access a = access(staff);
        return grids.list(GridLevel.GRID, null).stream().map(n -> n.code().value()).filter(a::reads).toList();
    }

    public boolean reads(StaffMember staff, String gridCode) {
        return access(staff).reads(gridCode);
    }

    void requireReads(StaffMember staff, String gridCode) {
        if (!access(staff).reads(gridCode)) {
            throw Refusal.notPermitted("the register of " + gridCode + " is kept by the grid's own team and its community");
        }
    }

    /** The SQL condition on {@code column} (a grid code) for an access, with its two parameters. */
    static final String IN_ACCESS = "(%1$s = ANY(?) OR left(%1$s, 12) = ANY(?))";

    // ---- care flags (the administrator's list) --------------------------------------------------

    public List<CareFlag> flags() {
        return jdbc.sql("SELECT * FROM care_flag ORDER BY code").query((rs, i) -> new CareFlag(rs.getString("code"),
                rs.getString("name_zh"), rs.getString("name_en"), (Integer) rs.getObject("visit_every_days"),
                rs.getBoolean("active"))).list();
    }

    public CareFlag saveFlag(CareFlag flag, StaffMember admin) {
        if (!admin.is(Role.ADMIN)) {
            throw Refusal.notPermitted("the list of flags is kept by an administrator");
        }
        Validation v = new Validation();
        if (flag.code() == null || !flag.code().matches("[A-Z][A-Z_]{1,31}")) {
            v.reject("code", "must be 2 to 32 capital letters and underscores");
        }
        String zh = v.requiredText("nameZh", flag.nameZh(), 50);
        String en = v.requiredText("nameEn", flag.nameEn(), 80);
        v.range("visitEveryDays", flag.visitEveryDays(), 1, 366);
        v.throwIfInvalid();
        jdbc.sql("""
                INSERT INTO care_flag (code, name_zh, name_en, visit_every_days, active) VALUES (?, ?, ?, ?, ?)
                ON CONFLICT (code) DO UPDATE SET name_zh = EXCLUDED.name_zh, name_en = EXCLUDED.name_en,
                  visit_every_days = EXCLUDED.visit_every_days, active = EXCLUDED.active""")
                .params(flag.code(), zh, en, flag.visitEveryDays(), flag.active()).update();
        audit.record(admin.username(), "register.flag", "care_flag " + flag.code(), zh + " every " + flag.visitEveryDays());
        return flags().stream().filter(f -> f.code().equals(flag.code())).findFirst().orElseThrow();
    }

    Map<String, CareFlag> activeFlags() {
        return flags().stream().filter(CareFlag::active).collect(Collectors.toMap(CareFlag::code, f -> f, (a, b) -> a,
                LinkedHashMap::new));
    }

    // ---- households and members -----------------------------------------------------------------

    public HouseholdView create(NewHousehold form, StaffMember by) {
        return createAt(form, by, clock.instant());
    }

    /** {@link #create} as of {@code at} (loading history: the demo's register, registered weeks ago). */
    public HouseholdView createAt(NewHousehold form, StaffMember by, Instant at) {
        Validation v = new Validation();
        String grid = form.gridCode();
        String building = v.optionalText("buildingCode", form.buildingCode(), 40);
        if (building != null) {
            Optional<String> gridOfBuilding = compounds.gridOfBuilding(building);
            if (gridOfBuilding.isEmpty()) {
                v.reject("buildingCode", "no building has the code " + building);
            } else if (grid == null) {
                grid = gridOfBuilding.get();
            } else if (!grid.equals(gridOfBuilding.get())) {
                v.reject("buildingCode", "the building is in grid " + gridOfBuilding.get() + ", not " + grid);
            }
        }
        if (grid == null || grids.node(grid).filter(n -> n.level() == GridLevel.GRID).isEmpty()) {
            v.reject("gridCode", "must be the code of a base grid");
        }
        String unitNo = v.optionalText("unitNo", form.unitNo(), 10);
        String room = v.optionalText("room", form.room(), 20);
        String address = v.optionalText("address", form.address(), 400);
        if (building == null && address == null) {
            v.reject("address", "is required without a building");
        }
        v.throwIfInvalid();
        requireReads(by, grid);
        String gridCode = grid;
        try {
            long id = jdbc.sql("""
                    INSERT INTO household (grid_code, building_code, unit_no, room, address, created_by, created_at)
                    VALUES (?, ?, ?, ?, ?, ?, ?) RETURNING id""")
                    .params(gridCode, building, unitNo, room, address, by.username(), Timestamp.from(at))
                    .query(Long.class).single();
            audit.record(by.username(), "register.household", "household " + id, gridCode);
            return household(id, by);
        } catch (DuplicateKeyException taken) {
            throw ApiProblemException.conflict("household-exists", "Household exists",
                    "a household is registered at that room already");
        }
    }

    /** Checks a new member; the normalised ID number, or the problems in {@code v}. */
    String check(Validation v, NewMember form, Map<String, CareFlag> flags) {
        v.requiredText("name", form.name(), 100);
        String why = IdNumber.why(form.idNumber());
        if (why != null) {
            v.reject("idNumber", why);
        }
        v.phone("phone", form.phone());
        enumValue(v, "relation", form.relation(), Relation.class, true);
        enumValue(v, "residence", form.residence(), Residence.class, true);
        flagsOf(v, form.flags(), flags);
        if (form.movedInOn() != null && form.movedInOn().isAfter(today())) {
            v.reject("movedInOn", "must not be in the future");
        }
        return why == null ? form.idNumber().strip().toUpperCase() : null;
    }

    private static <E extends Enum<E>> void enumValue(Validation v, String field, String value, Class<E> type, boolean required) {
        if (value == null) {
            if (required) {
                v.reject(field, "is required: one of " + Arrays.toString(type.getEnumConstants()));
            }
            return;
        }
        try {
            Enum.valueOf(type, value);
        } catch (IllegalArgumentException unknown) {
            v.reject(field, "must be one of " + Arrays.toString(type.getEnumConstants()));
        }
    }

    private static void flagsOf(Validation v, List<String> typed, Map<String, CareFlag> flags) {
        if (typed == null) {
            return;
        }
        for (String f : typed) {
            if (!flags.containsKey(f)) {
                v.reject("flags", f + " is not a flag on the list: " + flags.keySet());
                return;
            }
        }
    }

    public MemberView addMember(long householdId, NewMember form, StaffMember by) {
        Validation v = new Validation();
        String idNumber = check(v, form, activeFlags());
        v.throwIfInvalid();
        return tx.execute(status -> {
            Household h = lock(householdId, by);
            h.requireMoveIn(form.relation());
            long id = insertMember(householdId, form, idNumber, by.username());
            audit.record(by.username(), "register.move-in", "member " + id, "household " + householdId);
            return member(id, by);
        });
    }

    long insertMember(long householdId, NewMember form, String idNumber, String actor) {
        LocalDate movedIn = form.movedInOn() != null ? form.movedInOn() : today();
        Instant now = clock.instant();
        long id;
        try {
            id = jdbc.sql("""
                    INSERT INTO household_member (household_id, name, id_cipher, id_hash, id_masked, phone, relation, residence,
                                                  flags, moved_in_on, updated_at)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id""")
                    .params(householdId, form.name().strip(), cipher.encrypt(idNumber), cipher.hash(idNumber), IdNumber.masked(idNumber),
                            blankToNull(form.phone()), form.relation(), form.residence(),
                            form.flags() == null ? new String[0] : form.flags().stream().distinct().toArray(String[]::new),
                            movedIn, Timestamp.from(now))
                    .query(Long.class).single();
        } catch (DuplicateKeyException living) {
            throw ApiProblemException.conflict("person-registered", "Registered already",
                    "a person with this ID number lives in a household on the register; move them out there first");
        }
        jdbc.sql("INSERT INTO member_move (member_id, kind, on_date, reason, by_actor, at) VALUES (?, 'IN', ?, NULL, ?, ?)")
                .params(id, movedIn, actor, Timestamp.from(now)).update();
        return id;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    public MemberView change(long memberId, MemberChange change, StaffMember by) {
        Validation v = new Validation();
        v.phone("phone", change.phone());
        enumValue(v, "relation", change.relation(), Relation.class, false);
        enumValue(v, "residence", change.residence(), Residence.class, false);
        flagsOf(v, change.flags(), activeFlags());
        v.throwIfInvalid();
        return tx.execute(status -> {
            Household h = lock(householdOf(memberId, by), by);
            h.requireLiving(memberId);
            if (change.relation() != null) {
                h.requireRelation(memberId, change.relation());
            }
            jdbc.sql("""
                    UPDATE household_member SET phone = coalesce(?, phone), relation = coalesce(?, relation),
                           residence = coalesce(?, residence), flags = coalesce(?, flags), updated_at = ? WHERE id = ?""")
                    .params(blankToNull(change.phone()), change.relation(), change.residence(),
                            change.flags() == null ? null : change.flags().stream().distinct().toArray(String[]::new),
                            Timestamp.from(clock.instant()), memberId).update();
            audit.record(by.username(), "register.change", "member " + memberId, change.flags() == null ? "" : "flags " + change.flags());
            return member(memberId, by);
        });
    }

    public MemberView moveOut(long memberId, LocalDate on, String reason, StaffMember by) {
        Validation v = new Validation();
        v.required("on", on);
        String why = v.optionalText("reason", reason, 400);
        if (on != null && on.isAfter(today())) {
            v.reject("on", "must not be in the future");
        }
        v.throwIfInvalid();
        return tx.execute(status -> {
            Household h = lock(householdOf(memberId, by), by);
            h.requireMoveOut(memberId, on);
            jdbc.sql("UPDATE household_member SET moved_out_on = ?, updated_at = ? WHERE id = ?")
                    .params(on, Timestamp.from(clock.instant()), memberId).update();
            jdbc.sql("INSERT INTO member_move (member_id, kind, on_date, reason, by_actor, at) VALUES (?, 'OUT', ?, ?, ?, ?)")
                    .params(memberId, on, why, by.username(), Timestamp.from(clock.instant())).update();
            audit.record(by.username(), "register.move-out", "member " + memberId, String.valueOf(on));
            return member(memberId, by);
        });
    }

    /**
     * Erases a member's personal data on their request (删除权): name, ID number and phone are
     * gone; the row stays, erased, so that counts and the history of moves still add up.
     */
    public MemberView erase(long memberId, String reason, StaffMember by) {
        Validation v = new Validation();
        String why = v.requiredText("reason", reason, 400);
        v.throwIfInvalid();
        tx.executeWithoutResult(status -> {
            Household h = lock(householdOf(memberId, by), by);
            if (h.member(memberId).erased()) {
                return;
            }
            eraseRow(memberId);
            audit.record(by.username(), "register.erase", "member " + memberId, why);
        });
        return member(memberId, by);
    }

    private void eraseRow(long memberId) {
        jdbc.sql("""
                UPDATE household_member SET name = NULL, id_cipher = NULL, id_hash = NULL, id_masked = NULL, phone = NULL,
                       flags = '{}', erased_at = ?, moved_out_on = coalesce(moved_out_on, ?), updated_at = ? WHERE id = ?""")
                .params(Timestamp.from(clock.instant()), today(), Timestamp.from(clock.instant()), memberId).update();
    }

    // ---- reading --------------------------------------------------------------------------------

    private static final RowMapper<MemberView> MEMBER = (rs, i) -> new MemberView(rs.getLong("id"), rs.getLong("household_id"),
            rs.getString("name"), rs.getString("id_masked"), PersonalDataPolicy.maskPhone(rs.getString("phone")),
            Relation.valueOf(rs.getString("relation")), Residence.valueOf(rs.getString("residence")), texts(rs.getArray("flags")),
            rs.getDate("moved_in_on").toLocalDate(), rs.getDate("moved_out_on") == null ? null : rs.getDate("moved_out_on").toLocalDate(),
            rs.getTimestamp("erased_at") != null);

    static List<String> texts(Array array) throws SQLException {
        return array == null ? List.of() : List.of((String[]) array.getArray());
    }

    /** A member the reader may read; any other is not found. */
    public MemberView member(long id, StaffMember reader) {
        RegisterAccessPolicy.Access a = access(reader);
        return jdbc.sql("SELECT m.* FROM household_member m JOIN household h ON h.id = m.household_id WHERE m.id = ? AND "
                        + IN_ACCESS.formatted("h.grid_code"))
                .params(id, a.gridArray(), a.communityArray()).query(MEMBER).optional()
                .orElseThrow(() -> ApiProblemException.notFound("member", id));
    }

    private long householdOf(long memberId, StaffMember reader) {
        return member(memberId, reader).householdId();
    }

    public HouseholdView household(long id, StaffMember reader) {
        RegisterAccessPolicy.Access a = access(reader);
        List<HouseholdView> found = views(jdbc.sql(selectHouseholds() + " WHERE h.id = ? AND " + IN_ACCESS.formatted("h.grid_code"))
                .params(id, a.gridArray(), a.communityArray()).query(HOUSEHOLD).list());
        if (found.isEmpty()) {
            throw ApiProblemException.notFound("household", id);
        }
        return found.get(0);
    }

    /** A household's row as read: with its members added by {@link #views}. */
    private record Row(long id, String gridCode, String buildingCode, String unitNo, String room, String address, Instant createdAt,
                       LocalDate careDueOn) {
    }

    private static final RowMapper<Row> HOUSEHOLD = (rs, i) -> new Row(rs.getLong("id"), rs.getString("grid_code"),
            rs.getString("building_code"), rs.getString("unit_no"), rs.getString("room"), rs.getString("address"),
            rs.getTimestamp("created_at").toInstant(), rs.getDate("care_due_on") == null ? null : rs.getDate("care_due_on").toLocalDate());

    /** Households {@code h} with the day each is due its next care visit ({@link CareVisitPolicy}). */
    private String selectHouseholds() {
        return "SELECT h.*, " + CareVisitPolicy.dueOnSql(zone) + " AS care_due_on FROM household h";
    }

    private List<HouseholdView> views(List<Row> rows) {
        if (rows.isEmpty()) {
            return List.of();
        }
        Long[] ids = rows.stream().map(Row::id).toArray(Long[]::new);
        Map<Long, List<MemberView>> members = jdbc.sql("SELECT * FROM household_member WHERE household_id = ANY(?) ORDER BY id")
                .param(ids).query(MEMBER).list().stream().collect(Collectors.groupingBy(MemberView::householdId));
        Map<Long, Instant> lastVisits = new HashMap<>();
        jdbc.sql("SELECT household_id, max(at) FROM household_visit WHERE household_id = ANY(?) GROUP BY household_id").param(ids)
                .query((ResultSet rs) -> {
                    lastVisits.put(rs.getLong(1), rs.getTimestamp(2).toInstant());
                });
        Map<String, String> buildingNames = new HashMap<>();
        LocalDate today = today();
        List<HouseholdView> views = new ArrayList<>();
        for (Row r : rows) {
            List<MemberView> ms = members.getOrDefault(r.id(), List.of());
            views.add(new HouseholdView(r.id(), r.gridCode(), r.buildingCode(), r.unitNo(), r.room(), r.address(),
                    place(r, buildingNames), ms, lastVisits.get(r.id()), r.careDueOn(), CareVisitPolicy.overdue(r.careDueOn(), today)));
        }
        return views;
    }

    private String place(Row r, Map<String, String> buildingNames) {
        if (r.buildingCode() == null) {
            return r.address();
        }
        String building = buildingNames.computeIfAbsent(r.buildingCode(), code -> compounds.compound(code.substring(0, code.lastIndexOf('-')))
                .map(c -> c.name() + c.buildings().stream().filter(b -> b.code().equals(code)).map(Compounds.Building::name)
                        .findFirst().orElse(code)).orElse(code));
        return building + (r.unitNo() == null ? "" : r.unitNo() + "单元") + (r.room() == null ? "" : r.room() + "室");
    }

    /**
     * The households of the reader's grids ({@code gridCode} narrows to one of them; a grid the
     * reader does not keep is refused), with a flag or only those overdue a care visit, a page at a time.
     */
    public List<HouseholdView> list(String gridCode, String flag, boolean careOverdueOnly, int page, int size, StaffMember reader) {
        RegisterAccessPolicy.Access a = access(reader);
        if (gridCode != null && !gridCode.isBlank() && !a.reads(gridCode) && !(gridCode.length() == 12 && a.communities().contains(gridCode))) {
            throw Refusal.notPermitted("the register of " + gridCode + " is kept by the grid's own team and its community");
        }
        int shown = Math.max(1, Math.min(size, 200));
        String prefix = gridCode == null || gridCode.isBlank() ? "" : gridCode.strip();
        String overdue = careOverdueOnly ? " AND " + CareVisitPolicy.dueOnSql(zone) + " < ?" : "";
        List<Object> params = new ArrayList<>(List.of(a.gridArray(), a.communityArray(), prefix + "%"));
        params.add(flag);
        params.add(flag);
        if (careOverdueOnly) {
            params.add(today());
        }
        params.add(shown);
        params.add(Math.max(0, page) * shown);
        List<Row> rows = jdbc.sql(selectHouseholds() + " WHERE " + IN_ACCESS.formatted("h.grid_code") + """
                 AND h.grid_code LIKE ? AND (CAST(? AS text) IS NULL OR EXISTS (SELECT 1 FROM household_member m
                   WHERE m.household_id = h.id AND m.moved_out_on IS NULL AND m.erased_at IS NULL AND ? = ANY(m.flags)))""" + overdue
                        + " ORDER BY h.grid_code, h.id LIMIT ? OFFSET ?")
                .params(params.toArray()).query(HOUSEHOLD).list();
        return views(rows);
    }

    /** Members of the reader's grids by name (its start) or by ID number (the whole number, matched by its hash). */
    public List<MemberView> search(String query, StaffMember reader) {
        Validation v = new Validation();
        String q = v.requiredText("q", query, 100);
        v.throwIfInvalid();
        RegisterAccessPolicy.Access a = access(reader);
        Optional<String> idNumber = IdNumber.normalised(q);
        String where = idNumber.isPresent() ? "m.id_hash = ?" : "m.name LIKE ?";
        Object key = idNumber.<Object>map(cipher::hash).orElse(q.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%");
        return jdbc.sql("SELECT m.* FROM household_member m JOIN household h ON h.id = m.household_id WHERE " + where + " AND "
                        + IN_ACCESS.formatted("h.grid_code") + " AND m.erased_at IS NULL ORDER BY m.name, m.id LIMIT 50")
                .params(key, a.gridArray(), a.communityArray()).query(MEMBER).list();
    }

    /**
     * The distinct phones of the living members registered under {@code regionCode} (a grid, a
     * community, a street): for an announcement to residents by SMS only; they go to the outbox
     * and are shown to nobody.
     */
    public List<String> phonesUnder(String regionCode) {
        return jdbc.sql("""
                SELECT DISTINCT m.phone FROM household_member m JOIN household h ON h.id = m.household_id
                WHERE h.grid_code LIKE ? AND m.phone IS NOT NULL AND m.moved_out_on IS NULL AND m.erased_at IS NULL""")
                .param(regionCode + "%").query(String.class).list();
    }

    /** A member's ID number and phone for a stated purpose; every reveal is logged. */
    public Revealed reveal(long memberId, String purpose, StaffMember reader) {
        Validation v = new Validation();
        String why = v.requiredText("purpose", purpose, 500);
        v.throwIfInvalid();
        MemberView m = member(memberId, reader);
        if (m.erased()) {
            throw Refusal.illegalInState("member-erased", "the member's data was erased");
        }
        audit.recordPersonalDataAccess(reader.username(), reader.role().name(), "member:" + memberId, why);
        return jdbc.sql("SELECT name, id_cipher, phone FROM household_member WHERE id = ?").param(memberId)
                .query((rs, i) -> new Revealed(memberId, rs.getString(1), cipher.decrypt(rs.getBytes(2)), rs.getString(3))).single();
    }

    public List<Move> moves(long memberId, StaffMember reader) {
        member(memberId, reader);
        return jdbc.sql("SELECT * FROM member_move WHERE member_id = ? ORDER BY at, id").param(memberId)
                .query((rs, i) -> new Move(memberId, rs.getString("kind"), rs.getDate("on_date").toLocalDate(), rs.getString("reason"),
                        rs.getString("by_actor"), rs.getTimestamp("at").toInstant())).list();
    }

    // ---- visits ---------------------------------------------------------------------------------

    /** A visit to a household (a care visit, or updating it on the doorstep), once per key. */
    public Visit visit(long householdId, String note, StaffMember by, String idempotencyKey) {
        return visitAt(householdId, note, by, idempotencyKey, clock.instant());
    }

    /** {@link #visit} as of {@code at} (loading history). */
    public Visit visitAt(long householdId, String note, StaffMember by, String idempotencyKey, Instant at) {
        Validation v = new Validation();
        String text = v.optionalText("note", note, Validation.MAX_TEXT);
        String key = v.optionalText("Idempotency-Key", idempotencyKey, 200);
        v.throwIfInvalid();
        household(householdId, by);
        long id = tx.execute(status -> {
            Optional<Long> replay = key == null ? Optional.empty()
                    : jdbc.sql("SELECT id FROM household_visit WHERE by_staff_id = ? AND idempotency_key = ?").params(by.id(), key)
                            .query(Long.class).optional();
            return replay.orElseGet(() -> jdbc.sql("""
                    INSERT INTO household_visit (household_id, by_staff_id, by_name, at, note, idempotency_key)
                    VALUES (?, ?, ?, ?, ?, ?) RETURNING id""")
                    .params(householdId, by.id(), by.displayName(), Timestamp.from(at), text, key).query(Long.class).single());
        });
        return visitById(id);
    }

    Visit visitById(long id) {
        return jdbc.sql("SELECT * FROM household_visit WHERE id = ?").param(id).query(VISIT).single();
    }

    static final RowMapper<Visit> VISIT = (rs, i) -> new Visit(rs.getLong("id"), rs.getLong("household_id"),
            (Long) rs.getObject("campaign_id"), rs.getString("by_name"), rs.getTimestamp("at").toInstant(), rs.getString("note"),
            rs.getArray("answers") == null ? null : Arrays.asList((Boolean[]) rs.getArray("answers").getArray()));

    public List<Visit> visits(long householdId, StaffMember reader) {
        household(householdId, reader);
        return jdbc.sql("SELECT * FROM household_visit WHERE household_id = ? ORDER BY at DESC LIMIT 50").param(householdId)
                .query(VISIT).list();
    }

    /** The household locked against a concurrent change, if the reader keeps its grid. */
    private Household lock(long householdId, StaffMember by) {
        String grid = jdbc.sql("SELECT grid_code FROM household WHERE id = ? FOR UPDATE").param(householdId).query(String.class)
                .optional().orElseThrow(() -> ApiProblemException.notFound("household", householdId));
        if (!access(by).reads(grid)) {
            throw ApiProblemException.notFound("household", householdId);
        }
        List<Household.Member> members = jdbc.sql("SELECT id, relation, moved_in_on, moved_out_on, erased_at FROM household_member "
                        + "WHERE household_id = ?").param(householdId)
                .query((rs, i) -> new Household.Member(rs.getLong(1), rs.getString(2), rs.getDate(3).toLocalDate(),
                        rs.getDate(4) == null ? null : rs.getDate(4).toLocalDate(), rs.getTimestamp(5) != null)).list();
        return new Household(householdId, grid, members);
    }
}
