package org.onegrid.petitions;

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
import java.util.function.Function;
import org.onegrid.audit.AuditLog;
import org.onegrid.calendar.CalendarService;
import org.onegrid.cases.CaseDetails;
import org.onegrid.cases.CaseIntake;
import org.onegrid.cases.CasePhotos;
import org.onegrid.cases.CaseState;
import org.onegrid.cases.CaseViews;
import org.onegrid.cases.Channel;
import org.onegrid.cases.NewCase;
import org.onegrid.cases.PhotoCheck;
import org.onegrid.directory.DirectoryService;
import org.onegrid.directory.Role;
import org.onegrid.directory.StaffMember;
import org.onegrid.directory.Unit;
import org.onegrid.directory.UnitKind;
import org.onegrid.errors.ApiProblemException;
import org.onegrid.errors.Refusal;
import org.onegrid.errors.Validation;
import org.onegrid.notify.Outbox;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Petitions: registered as a case on the PETITION channel and graded at once; linked to earlier
 * petitions of the same person (phone) or the same matter (category and grid); regraded by a
 * leader; taken by a leader with a task force and a plan; visited; mediated; counted. A petition
 * is read by whoever may read its case.
 */
@Service
public class Petitions {

    public record NewPetition(String title, String description, Double lat, Double lng, String address, String categoryCode,
                              String petitionerName, String petitionerPhone, Integer groupSize, Boolean riskToLife,
                              Boolean escalated) {
    }

    public record Link(long petitionId, String caseCode, String reason, Instant createdAt) {
    }

    public record Step(long id, int position, String description, LocalDate dueOn, Instant doneAt, String report,
                       boolean overdue) {
    }

    public record Visit(long id, String byName, Instant at, String note, Long photoId) {
    }

    public record Mediation(long id, long committeeUnitId, String committeeName, LocalDate heldOn, String parties, String outcome,
                            String terms, boolean agreement, LocalDate followUpOn, Instant followedUpAt, String followUpNote,
                            Boolean kept) {
    }

    public record Regrade(String from, String to, String reason, String by, Instant at) {
    }

    public record PetitionView(long id, long caseId, String caseCode, String title, CaseState caseState, boolean resolved,
                               String petitionerName, String petitionerPhone, int groupSize, boolean riskToLife, boolean escalated,
                               String grade, String gradedByRule, boolean firstPetition, int earlierCount, Instant contactDueAt,
                               Instant resolveDueAt, Instant contactedAt, boolean contactOverdue, boolean resolveOverdue,
                               String leaderName, String taskForce, Instant createdAt, List<Link> earlier, List<Step> steps,
                               List<Visit> visits, List<Mediation> mediations, List<Regrade> regrades) {
    }

    /** The figures of one row: a grade, a unit or a street. */
    public record Figures(String key, String name, long found, long resolved, double resolutionRate, long first,
                          long firstResolved, double firstResolutionRate, long repeats, double repeatRate) {
    }

    private static final Set<String> AGREEMENT_TYPES = Set.of("application/pdf", "image/jpeg", "image/png");
    static final int MAX_AGREEMENT_BYTES = 10 * 1024 * 1024;
    /** Who reads cases for the clocks and figures. */
    private static final StaffMember READER = new StaffMember(0, "system:petitions", "信访", Role.DISTRICT_LEADER, null);

    private final JdbcClient jdbc;
    private final TransactionTemplate tx;
    private final CaseIntake intake;
    private final CaseViews cases;
    private final CasePhotos photos;
    private final DirectoryService directory;
    private final CalendarService calendars;
    private final Outbox outbox;
    private final AuditLog audit;
    private final Clock clock;

    Petitions(JdbcClient jdbc, TransactionTemplate tx, CaseIntake intake, CaseViews cases, CasePhotos photos,
              DirectoryService directory, CalendarService calendars, Outbox outbox, AuditLog audit, Clock clock) {
        this.jdbc = jdbc;
        this.tx = tx;
        this.intake = intake;
        this.cases = cases;
        this.photos = photos;
        this.directory = directory;
        this.calendars = calendars;
        this.outbox = outbox;
        this.audit = audit;
        this.clock = clock;
    }

    private ZoneId zone() {
        return calendars.calendar().zone();
    }

    private LocalDate today() {
        return clock.instant().atZone(zone()).toLocalDate();
    }

    // ---- the rules ------------------------------------------------------------------------------

    List<GradingPolicy.Rule> rules() {
        return jdbc.sql("SELECT * FROM petition_rule ORDER BY position, id").query((rs, i) -> new GradingPolicy.Rule(rs.getLong("id"),
                rs.getInt("position"), rs.getString("name"), GradingPolicy.Kind.valueOf(rs.getString("kind")), rs.getInt("threshold"),
                GradingPolicy.Grade.valueOf(rs.getString("grade")), rs.getBoolean("active"))).list();
    }

    /** The rules as the administrator reads them. */
    public List<Map<String, Object>> ruleTable() {
        return rules().stream().map(r -> {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("id", r.id());
            row.put("position", r.position());
            row.put("name", r.name());
            row.put("kind", r.kind().name());
            row.put("threshold", r.threshold());
            row.put("grade", r.grade().name());
            row.put("active", r.active());
            return row;
        }).toList();
    }

    public record RuleForm(Integer position, String name, String kind, Integer threshold, String grade, Boolean active) {
    }

    /** Adds or (with an id) changes a grading rule; administrators only. */
    public List<Map<String, Object>> saveRule(Long id, RuleForm form, StaffMember admin) {
        if (!admin.is(Role.ADMIN)) {
            throw Refusal.notPermitted("the grading rules are kept by an administrator");
        }
        Validation v = new Validation();
        String name = v.requiredText("name", form.name(), 100);
        GradingPolicy.Kind kind = parse(v, "kind", form.kind(), GradingPolicy.Kind::valueOf, GradingPolicy.Kind.values());
        GradingPolicy.Grade grade = parse(v, "grade", form.grade(), GradingPolicy.Grade::valueOf, GradingPolicy.Grade.values());
        v.required("position", form.position());
        v.range("position", form.position(), 1, 1000);
        v.range("threshold", form.threshold(), 1, 100000);
        v.throwIfInvalid();
        int threshold = form.threshold() == null ? 1 : form.threshold();
        boolean active = form.active() == null || form.active();
        if (id == null) {
            jdbc.sql("INSERT INTO petition_rule (position, name, kind, threshold, grade, active) VALUES (?, ?, ?, ?, ?, ?)")
                    .params(form.position(), name, kind.name(), threshold, grade.name(), active).update();
        } else if (jdbc.sql("UPDATE petition_rule SET position = ?, name = ?, kind = ?, threshold = ?, grade = ?, active = ? WHERE id = ?")
                .params(form.position(), name, kind.name(), threshold, grade.name(), active, id).update() == 0) {
            throw ApiProblemException.notFound("rule", id);
        }
        audit.record(admin.username(), "petition.rule", "petition_rule " + (id == null ? "new" : id), name + " -> " + grade);
        return ruleTable();
    }

    private static <E extends Enum<E>> E parse(Validation v, String field, String value, Function<String, E> of, E[] all) {
        if (value == null) {
            v.reject(field, "is required: one of " + Arrays.toString(all));
            return null;
        }
        try {
            return of.apply(value);
        } catch (IllegalArgumentException unknown) {
            v.reject(field, "must be one of " + Arrays.toString(all));
            return null;
        }
    }

    private record GradeClock(int contactDays, int resolveDays, List<String> tellRoles) {
    }

    private GradeClock clockOf(GradingPolicy.Grade grade) {
        return jdbc.sql("SELECT contact_within_days, resolve_within_days, tell_roles FROM petition_grade WHERE grade = ?")
                .param(grade.name()).query((rs, i) -> new GradeClock(rs.getInt(1), rs.getInt(2),
                        List.of((String[]) rs.getArray(3).getArray()))).single();
    }

    // ---- registering ----------------------------------------------------------------------------

    /**
     * Registers a petition: its case on the PETITION channel (located, classified and routed as any
     * case), its earlier petitions found and linked, its grade from the rules, its clocks started
     * and those its grade tells told. The same key again returns it.
     */
    public PetitionView register(NewPetition form, StaffMember by, String idempotencyKey) {
        Validation v = new Validation();
        String name = v.requiredText("petitionerName", form.petitionerName(), 100);
        String phone = v.requiredText("petitionerPhone", form.petitionerPhone(), 20);
        v.phone("petitionerPhone", phone);
        int group = form.groupSize() == null ? 1 : form.groupSize();
        v.range("groupSize", form.groupSize(), 1, 100000);
        v.requiredText("title", form.title(), 200);
        v.requiredText("description", form.description(), Validation.MAX_TEXT);
        String key = v.optionalText("Idempotency-Key", idempotencyKey, 200);
        v.throwIfInvalid();
        if (by.is(Role.GRID_WORKER) || by.role().resident()) {
            throw Refusal.notPermitted("petitions are registered by the petition desk, the command centre and the units");
        }
        if (key != null) {
            Optional<Long> replay = jdbc.sql("SELECT id FROM petition WHERE created_by = ? AND idempotency_key = ?")
                    .params(by.username(), key).query(Long.class).optional();
            if (replay.isPresent()) {
                return view(replay.get(), by);
            }
        }
        CaseDetails c = intake.receive(new NewCase(Channel.PETITION, form.title(), form.description(), form.lat(), form.lng(),
                form.address(), form.categoryCode(), name, phone), by, key == null ? null : "petition:" + key).details();
        Instant now = clock.instant();
        String matter = (c.categoryCode() == null ? "-" : c.categoryCode()) + ":" + (c.gridCode() == null ? "-" : c.gridCode());
        long id = tx.execute(status -> {
            Map<Long, String> earlier = new LinkedHashMap<>();
            jdbc.sql("SELECT id FROM petition WHERE petitioner_phone = ? ORDER BY id").param(phone).query(Long.class).list()
                    .forEach(e -> earlier.put(e, "PERSON"));
            if (c.categoryCode() != null && c.gridCode() != null) {
                jdbc.sql("SELECT id FROM petition WHERE matter_key = ? ORDER BY id").param(matter).query(Long.class).list()
                        .forEach(e -> earlier.merge(e, "MATTER", (a, b) -> "BOTH"));
            }
            boolean risk = Boolean.TRUE.equals(form.riskToLife());
            boolean escalated = Boolean.TRUE.equals(form.escalated());
            GradingPolicy.Graded graded = GradingPolicy.grade(rules(), new GradingPolicy.Facts(risk, group, earlier.size(), escalated));
            GradeClock clocks = clockOf(graded.grade());
            long created = jdbc.sql("""
                    INSERT INTO petition (case_id, petitioner_name, petitioner_phone, group_size, risk_to_life, escalated, matter_key,
                                          grade, graded_by_rule, first_petition, earlier_count, unit_id, grid_code, contact_due_at,
                                          resolve_due_at, created_by, created_at, idempotency_key)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id""")
                    .params(c.id(), name, phone, group, risk, escalated, matter, graded.grade().name(),
                            graded.by().map(GradingPolicy.Rule::name).orElse(null), earlier.isEmpty(), earlier.size(),
                            c.ownerUnit() == null ? null : c.ownerUnit().id(), c.gridCode(),
                            Timestamp.from(calendars.calendar().addWorkingDays(now, clocks.contactDays()).toInstant()),
                            Timestamp.from(calendars.calendar().addWorkingDays(now, clocks.resolveDays()).toInstant()),
                            by.username(), Timestamp.from(now), key)
                    .query(Long.class).single();
            earlier.forEach((e, reason) -> jdbc.sql("INSERT INTO petition_link (petition_id, earlier_id, reason) VALUES (?, ?, ?)")
                    .params(created, e, reason).update());
            tell("GRADED", created + ":" + graded.grade(), clocks.tellRoles(), c, graded.grade(),
                    calendars.calendar().addWorkingDays(now, clocks.resolveDays()).toInstant());
            return created;
        });
        audit.record(by.username(), "petition.register", "petition " + id, c.code());
        return view(id, by);
    }

    /** Tells the staff of {@code roles}: district leaders all; unit leaders those of the case's unit. */
    private void tell(String what, String once, List<String> roles, CaseDetails c, GradingPolicy.Grade grade, Instant due) {
        List<StaffMember> to = new ArrayList<>();
        for (StaffMember s : directory.staffList()) {
            boolean district = roles.contains("DISTRICT_LEADER") && s.is(Role.DISTRICT_LEADER);
            boolean unitLeader = roles.contains("UNIT_LEADER") && s.is(Role.UNIT_LEADER) && c.ownerUnit() != null
                    && s.worksFor(c.ownerUnit().id());
            if (district || unitLeader) {
                to.add(s);
            }
        }
        if (!to.isEmpty()) {
            outbox.noticePetition(what, once, to, new Object[] {c.code(), grade.name(), c.title(),
                    java.time.format.DateTimeFormatter.ofPattern("M月d日 HH:mm").format(due.atZone(zone()))});
        }
    }

    // ---- the petition's life --------------------------------------------------------------------

    private Petition lock(long id) {
        return jdbc.sql("SELECT id, grade, leader_staff_id FROM petition WHERE id = ? FOR UPDATE").param(id)
                .query((rs, i) -> new Petition(rs.getLong(1), GradingPolicy.Grade.valueOf(rs.getString(2)), rs.getObject(3) != null))
                .optional().orElseThrow(() -> ApiProblemException.notFound("petition", id));
    }

    private static void requireLeader(StaffMember staff, String what) {
        if (!staff.is(Role.UNIT_LEADER) && !staff.is(Role.DISTRICT_LEADER)) {
            throw Refusal.notPermitted(what + " is for a leader (a unit's or the district's)");
        }
    }

    /** A leader regrades the petition with a reason; its clocks restart from registration with the new grade's limits. */
    public PetitionView regrade(long id, String grade, String reason, StaffMember leader) {
        PetitionView before = view(id, leader);
        requireLeader(leader, "regrading");
        Validation v = new Validation();
        GradingPolicy.Grade to = parse(v, "grade", grade, GradingPolicy.Grade::valueOf, GradingPolicy.Grade.values());
        String why = v.optionalText("reason", reason, 500);
        v.throwIfInvalid();
        tx.executeWithoutResult(status -> {
            Petition p = lock(id);
            p.requireRegrade(to, why);
            GradeClock clocks = clockOf(to);
            Instant from = before.createdAt();
            Instant resolveDue = calendars.calendar().addWorkingDays(from, clocks.resolveDays()).toInstant();
            jdbc.sql("UPDATE petition SET grade = ?, graded_by_rule = NULL, contact_due_at = ?, resolve_due_at = ?, overdue_told_at = NULL "
                            + "WHERE id = ?")
                    .params(to.name(), Timestamp.from(calendars.calendar().addWorkingDays(from, clocks.contactDays()).toInstant()),
                            Timestamp.from(resolveDue), id).update();
            jdbc.sql("INSERT INTO petition_regrade (petition_id, from_grade, to_grade, reason, by_actor, at) VALUES (?, ?, ?, ?, ?, ?)")
                    .params(id, p.grade().name(), to.name(), why, leader.username(), Timestamp.from(clock.instant())).update();
            tell("GRADED", id + ":" + to, clocks.tellRoles(), cases.summary(before.caseId(), READER), to, resolveDue);
        });
        audit.record(leader.username(), "petition.regrade", "petition " + id, before.grade() + " -> " + to + ": " + why);
        return view(id, leader);
    }

    /** A leader takes the petition (包案) with a task force and a plan of dated steps. */
    public PetitionView take(long id, String taskForce, List<PlanStep> steps, StaffMember leader) {
        view(id, leader);
        requireLeader(leader, "taking a petition");
        tx.executeWithoutResult(status -> {
            Petition p = lock(id);
            Validation v = new Validation();
            p.requireTake(taskForce, steps, today(), v);
            v.throwIfInvalid();
            jdbc.sql("UPDATE petition SET leader_staff_id = ?, leader_name = ?, task_force = ?, taken_at = ? WHERE id = ?")
                    .params(leader.id(), leader.displayName(), taskForce.strip(), Timestamp.from(clock.instant()), id).update();
            for (int i = 0; i < steps.size(); i++) {
                jdbc.sql("INSERT INTO petition_step (petition_id, position, description, due_on) VALUES (?, ?, ?, ?)")
                        .params(id, i + 1, steps.get(i).description().strip(), steps.get(i).dueOn()).update();
            }
        });
        audit.record(leader.username(), "petition.take", "petition " + id, taskForce);
        return view(id, leader);
    }

    /** A step of the plan reported done, once, by whoever reads the petition (the task force). */
    public PetitionView reportStep(long stepId, String report, StaffMember by) {
        long id = jdbc.sql("SELECT petition_id FROM petition_step WHERE id = ?").param(stepId).query(Long.class).optional()
                .orElseThrow(() -> ApiProblemException.notFound("step", stepId));
        view(id, by);
        Validation v = new Validation();
        String text = v.requiredText("report", report, Validation.MAX_TEXT);
        v.throwIfInvalid();
        if (jdbc.sql("UPDATE petition_step SET done_at = ?, report = ?, reported_by = ? WHERE id = ? AND done_at IS NULL")
                .params(Timestamp.from(clock.instant()), text, by.username(), stepId).update() == 0) {
            throw Refusal.illegalInState("step-done", "the step was reported done already");
        }
        return view(id, by);
    }

    /** A visit to the petitioner's home (带案下访) with notes and an optional photo; the first is the contact its clock asks for. */
    public PetitionView visit(long id, String note, Optional<PhotoCheck.Checked> photo, StaffMember by) {
        PetitionView p = view(id, by);
        Validation v = new Validation();
        String text = v.requiredText("note", note, Validation.MAX_TEXT);
        v.throwIfInvalid();
        Long photoId = photo.map(ph -> photos.add(p.caseId(), CasePhotos.Purpose.PROGRESS, ph, by).id()).orElse(null);
        Instant now = clock.instant();
        jdbc.sql("INSERT INTO petition_visit (petition_id, by_staff_id, by_name, at, note, photo_id) VALUES (?, ?, ?, ?, ?, ?)")
                .params(id, by.id(), by.displayName(), Timestamp.from(now), text, photoId).update();
        jdbc.sql("UPDATE petition SET contacted_at = coalesce(contacted_at, ?) WHERE id = ?").params(Timestamp.from(now), id).update();
        return view(id, by);
    }

    public PhotoCheck photoCheck() {
        return photos.check();
    }

    public record NewMediation(Long committeeUnitId, LocalDate heldOn, String parties, String outcome, String terms,
                               LocalDate followUpOn) {
    }

    /**
     * A mediation session (人民调解) recorded by the staff of the committee that held it (a
     * community or village committee, or a street or town office): parties, outcome, terms, the
     * signed agreement's scan, the day to follow it up.
     */
    public PetitionView mediate(long id, NewMediation form, byte[] agreement, String agreementType, StaffMember by) {
        view(id, by);
        Validation v = new Validation();
        Petition.Outcome outcome = parse(v, "outcome", form.outcome(), Petition.Outcome::valueOf, Petition.Outcome.values());
        String parties = v.requiredText("parties", form.parties(), 1000);
        String terms = v.optionalText("terms", form.terms(), Validation.MAX_TEXT);
        boolean scan = agreement != null && agreement.length > 0;
        if (scan && (agreement.length > MAX_AGREEMENT_BYTES || !AGREEMENT_TYPES.contains(agreementType))) {
            v.reject("agreement", "must be a PDF, JPEG or PNG of at most 10 MB");
        }
        Petition.checkMediation(v, outcome, scan, form.heldOn(), form.followUpOn(), today());
        Unit committee = form.committeeUnitId() == null ? null : directory.unit(form.committeeUnitId()).orElse(null);
        if (committee == null || (committee.kind() != UnitKind.COMMUNITY_COMMITTEE && committee.kind() != UnitKind.STREET_OFFICE)) {
            v.reject("committeeUnitId", "must be a community or village committee, or a street or town office");
        }
        v.throwIfInvalid();
        if (!by.worksFor(committee.id())) {
            throw Refusal.notPermitted("a mediation is recorded by the staff of the committee that held it");
        }
        jdbc.sql("""
                INSERT INTO mediation (petition_id, committee_unit_id, held_on, parties, outcome, terms, agreement, agreement_type,
                                       follow_up_on, by_actor, at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(id, committee.id(), form.heldOn(), parties, outcome.name(), terms, scan ? agreement : null,
                        scan ? agreementType : null, outcome == Petition.Outcome.FAILED ? null : form.followUpOn(), by.username(),
                        Timestamp.from(clock.instant())).update();
        audit.record(by.username(), "petition.mediation", "petition " + id, outcome + " by " + committee.name());
        return view(id, by);
    }

    /** An agreement followed up: kept or not, with a note, once. */
    public PetitionView followUp(long mediationId, Boolean kept, String note, StaffMember by) {
        long id = jdbc.sql("SELECT petition_id FROM mediation WHERE id = ?").param(mediationId).query(Long.class).optional()
                .orElseThrow(() -> ApiProblemException.notFound("mediation", mediationId));
        view(id, by);
        Validation v = new Validation();
        v.required("kept", kept);
        String text = v.requiredText("note", note, Validation.MAX_TEXT);
        v.throwIfInvalid();
        if (jdbc.sql("UPDATE mediation SET followed_up_at = ?, follow_up_note = ?, kept = ? WHERE id = ? AND followed_up_at IS NULL "
                        + "AND follow_up_on IS NOT NULL")
                .params(Timestamp.from(clock.instant()), text, kept, mediationId).update() == 0) {
            throw Refusal.illegalInState("followed-up", "the agreement was followed up already, or there is none to follow up");
        }
        return view(id, by);
    }

    /** The agreement's scan, for whoever reads the petition. */
    public Optional<Map.Entry<String, byte[]>> agreement(long mediationId, StaffMember by) {
        long id = jdbc.sql("SELECT petition_id FROM mediation WHERE id = ?").param(mediationId).query(Long.class).optional()
                .orElseThrow(() -> ApiProblemException.notFound("mediation", mediationId));
        view(id, by);
        return jdbc.sql("SELECT agreement_type, agreement FROM mediation WHERE id = ? AND agreement IS NOT NULL").param(mediationId)
                .query((rs, i) -> Map.entry(rs.getString(1), rs.getBytes(2))).optional();
    }

    // ---- the clocks -----------------------------------------------------------------------------

    /**
     * Every minute: a petition whose contact or resolution clock ran out is told once to the red
     * grade's people (the district's leaders and the unit's), whatever its own grade: an overdue
     * petition goes up.
     */
    @Scheduled(fixedDelayString = "${onegrid.petitions.clock-every:PT1M}", initialDelayString = "${onegrid.petitions.clock-every:PT1M}")
    @net.javacrumbs.shedlock.spring.annotation.SchedulerLock(name = "petition-clocks", lockAtMostFor = "PT2M")
    void clocks() {
        sweep();
    }

    /** Tells of the petitions whose clocks ran out; how many. */
    public int sweep() {
        Instant now = clock.instant();
        List<Object[]> due = jdbc.sql("""
                SELECT id, case_id, grade, resolve_due_at, contacted_at IS NULL AND contact_due_at < ? FROM petition
                WHERE overdue_told_at IS NULL AND (resolve_due_at < ? OR (contacted_at IS NULL AND contact_due_at < ?)) LIMIT 500""")
                .params(Timestamp.from(now), Timestamp.from(now), Timestamp.from(now))
                .query((rs, i) -> new Object[] {rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getTimestamp(4).toInstant(),
                        rs.getBoolean(5)}).list();
        if (due.isEmpty()) {
            return 0;
        }
        Map<Long, CaseDetails> byCase = new HashMap<>();
        cases.summaries(due.stream().map(d -> (Long) d[1]).toList(), READER).forEach(c -> byCase.put(c.id(), c));
        List<String> red = clockOf(GradingPolicy.Grade.RED).tellRoles();
        int told = 0;
        for (Object[] d : due) {
            CaseDetails c = byCase.get((Long) d[1]);
            boolean contactLate = (Boolean) d[4];
            if (c == null || (!contactLate && resolved(c.state()))) {
                jdbc.sql("UPDATE petition SET overdue_told_at = ? WHERE id = ?").params(Timestamp.from(now), d[0]).update();
                continue;
            }
            long pid = (Long) d[0];
            tx.executeWithoutResult(status -> {
                if (jdbc.sql("UPDATE petition SET overdue_told_at = ? WHERE id = ? AND overdue_told_at IS NULL")
                        .params(Timestamp.from(now), pid).update() == 1) {
                    tell("OVERDUE", String.valueOf(pid), red, c, GradingPolicy.Grade.valueOf((String) d[2]), (Instant) d[3]);
                }
            });
            told++;
        }
        return told;
    }

    static boolean resolved(CaseState s) {
        return s.resolved();
    }

    // ---- reading --------------------------------------------------------------------------------

    private record Row(long id, long caseId, String name, String phone, int groupSize, boolean risk, boolean escalated, String grade,
                       String rule, boolean first, int earlier, Instant contactDue, Instant resolveDue, Instant contacted,
                       String leader, String taskForce, Instant createdAt, Long unitId, String gridCode) {
    }

    private static final RowMapper<Row> ROW = (rs, i) -> new Row(rs.getLong("id"), rs.getLong("case_id"),
            rs.getString("petitioner_name"), rs.getString("petitioner_phone"), rs.getInt("group_size"), rs.getBoolean("risk_to_life"),
            rs.getBoolean("escalated"), rs.getString("grade"), rs.getString("graded_by_rule"), rs.getBoolean("first_petition"),
            rs.getInt("earlier_count"), rs.getTimestamp("contact_due_at").toInstant(), rs.getTimestamp("resolve_due_at").toInstant(),
            rs.getTimestamp("contacted_at") == null ? null : rs.getTimestamp("contacted_at").toInstant(), rs.getString("leader_name"),
            rs.getString("task_force"), rs.getTimestamp("created_at").toInstant(), (Long) rs.getObject("unit_id"),
            rs.getString("grid_code"));

    /** A petition, whole, if the reader may read its case; any other is not found. */
    public PetitionView view(long id, StaffMember reader) {
        Row r = jdbc.sql("SELECT * FROM petition WHERE id = ?").param(id).query(ROW).optional()
                .orElseThrow(() -> ApiProblemException.notFound("petition", id));
        CaseDetails c;
        try {
            c = cases.summary(r.caseId(), reader);
        } catch (ApiProblemException notInScope) {
            throw ApiProblemException.notFound("petition", id);
        }
        return assemble(r, c, true);
    }

    private PetitionView assemble(Row r, CaseDetails c, boolean whole) {
        Instant now = clock.instant();
        LocalDate today = today();
        List<Link> earlier = !whole ? List.of() : jdbc.sql("""
                SELECT l.earlier_id, l.reason, p.case_id, p.created_at FROM petition_link l JOIN petition p ON p.id = l.earlier_id
                WHERE l.petition_id = ? ORDER BY l.earlier_id""").param(r.id())
                .query((rs, i) -> new Link(rs.getLong(1), String.valueOf(rs.getLong(3)), rs.getString(2), rs.getTimestamp(4).toInstant()))
                .list();
        if (!earlier.isEmpty()) {
            Map<Long, String> codes = new HashMap<>();
            cases.summaries(earlier.stream().map(l -> Long.valueOf(l.caseCode())).toList(), READER).forEach(x -> codes.put(x.id(), x.code()));
            earlier = earlier.stream().map(l -> new Link(l.petitionId(), codes.getOrDefault(Long.valueOf(l.caseCode()), l.caseCode()),
                    l.reason(), l.createdAt())).toList();
        }
        List<Step> steps = !whole ? List.of() : jdbc.sql("SELECT * FROM petition_step WHERE petition_id = ? ORDER BY position")
                .param(r.id()).query((rs, i) -> new Step(rs.getLong("id"), rs.getInt("position"), rs.getString("description"),
                        rs.getDate("due_on").toLocalDate(), rs.getTimestamp("done_at") == null ? null : rs.getTimestamp("done_at").toInstant(),
                        rs.getString("report"), rs.getTimestamp("done_at") == null && today.isAfter(rs.getDate("due_on").toLocalDate())))
                .list();
        List<Visit> visits = !whole ? List.of() : jdbc.sql("SELECT * FROM petition_visit WHERE petition_id = ? ORDER BY at DESC")
                .param(r.id()).query((rs, i) -> new Visit(rs.getLong("id"), rs.getString("by_name"), rs.getTimestamp("at").toInstant(),
                        rs.getString("note"), (Long) rs.getObject("photo_id"))).list();
        List<Mediation> mediations = !whole ? List.of() : jdbc.sql("""
                SELECT id, committee_unit_id, held_on, parties, outcome, terms, agreement IS NOT NULL AS has_agreement, follow_up_on,
                       followed_up_at, follow_up_note, kept FROM mediation WHERE petition_id = ? ORDER BY id""").param(r.id())
                .query((rs, i) -> new Mediation(rs.getLong("id"), rs.getLong("committee_unit_id"),
                        directory.unit(rs.getLong("committee_unit_id")).map(Unit::name).orElse(""), rs.getDate("held_on").toLocalDate(),
                        rs.getString("parties"), rs.getString("outcome"), rs.getString("terms"), rs.getBoolean("has_agreement"),
                        rs.getDate("follow_up_on") == null ? null : rs.getDate("follow_up_on").toLocalDate(),
                        rs.getTimestamp("followed_up_at") == null ? null : rs.getTimestamp("followed_up_at").toInstant(),
                        rs.getString("follow_up_note"), (Boolean) rs.getObject("kept"))).list();
        List<Regrade> regrades = !whole ? List.of() : jdbc.sql("SELECT * FROM petition_regrade WHERE petition_id = ? ORDER BY id")
                .param(r.id()).query((rs, i) -> new Regrade(rs.getString("from_grade"), rs.getString("to_grade"), rs.getString("reason"),
                        rs.getString("by_actor"), rs.getTimestamp("at").toInstant())).list();
        boolean done = resolved(c.state());
        return new PetitionView(r.id(), r.caseId(), c.code(), c.title(), c.state(), done, c.reporterName() == null ? r.name()
                : c.reporterName(), c.reporterPhone(), r.groupSize(), r.risk(), r.escalated(), r.grade(), r.rule(), r.first(),
                r.earlier(), r.contactDue(), r.resolveDue(), r.contacted(), r.contacted() == null && now.isAfter(r.contactDue()),
                !done && now.isAfter(r.resolveDue()), r.leader(), r.taskForce(), r.createdAt(), earlier, steps, visits, mediations,
                regrades);
    }

    /** The petitions the reader may read (the newest first), of a grade or all, open ones only or all. */
    public List<PetitionView> list(String grade, boolean openOnly, StaffMember reader) {
        List<Row> rows = jdbc.sql("SELECT * FROM petition WHERE (CAST(? AS text) IS NULL OR grade = ?) ORDER BY "
                        + "CASE grade WHEN 'RED' THEN 0 WHEN 'YELLOW' THEN 1 ELSE 2 END, created_at DESC LIMIT 1000")
                .params(grade, grade).query(ROW).list();
        Map<Long, CaseDetails> visible = new HashMap<>();
        List<Long> ids = rows.stream().map(Row::caseId).toList();
        for (int from = 0; from < ids.size(); from += 500) {
            cases.summaries(ids.subList(from, Math.min(ids.size(), from + 500)), reader).forEach(c -> visible.put(c.id(), c));
        }
        return rows.stream().filter(r -> visible.containsKey(r.caseId())).map(r -> assemble(r, visible.get(r.caseId()), false))
                .filter(p -> !openOnly || !p.resolved()).limit(200).toList();
    }

    // ---- figures --------------------------------------------------------------------------------

    /**
     * The figures of petitions registered in [from, to) by {@code dimension}: GRADE, UNIT (the
     * case's unit at registration) or STREET (the 9-digit territory of its grid): found,
     * resolved, the resolution rate; first petitions, resolved, their rate; repeats and the
     * repeat rate (repeats of found).
     */
    public List<Figures> figures(String dimension, Instant from, Instant to) {
        List<Row> rows = jdbc.sql("SELECT * FROM petition WHERE created_at >= ? AND created_at < ?")
                .params(Timestamp.from(from), Timestamp.from(to)).query(ROW).list();
        Map<Long, CaseState> states = new HashMap<>();
        List<Long> ids = rows.stream().map(Row::caseId).toList();
        for (int i = 0; i < ids.size(); i += 500) {
            cases.summaries(ids.subList(i, Math.min(ids.size(), i + 500)), READER).forEach(c -> states.put(c.id(), c.state()));
        }
        Function<Row, String> keyOf = switch (dimension == null ? "GRADE" : dimension) {
            case "UNIT" -> r -> r.unitId() == null ? "-" : String.valueOf(r.unitId());
            case "STREET" -> r -> r.gridCode() == null || r.gridCode().length() < 9 ? "-" : r.gridCode().substring(0, 9);
            case "GRADE" -> Row::grade;
            default -> throw ApiProblemException.invalid("dimension", "must be GRADE, UNIT or STREET");
        };
        Map<String, List<Row>> groups = new LinkedHashMap<>();
        rows.stream().sorted(java.util.Comparator.comparing(keyOf)).forEach(r -> groups.computeIfAbsent(keyOf.apply(r),
                k -> new ArrayList<>()).add(r));
        List<Figures> out = new ArrayList<>();
        out.add(figuresOf("ALL", "全部 all", rows, states));
        groups.forEach((k, g) -> out.add(figuresOf(k, nameOf(dimension, k), g, states)));
        return out;
    }

    private String nameOf(String dimension, String key) {
        if ("UNIT".equals(dimension) && !key.equals("-")) {
            return directory.unit(Long.parseLong(key)).map(Unit::name).orElse(key);
        }
        return key;
    }

    private static Figures figuresOf(String key, String name, List<Row> rows, Map<Long, CaseState> states) {
        long found = rows.size();
        long resolved = rows.stream().filter(r -> states.containsKey(r.caseId()) && resolved(states.get(r.caseId()))).count();
        long first = rows.stream().filter(Row::first).count();
        long firstResolved = rows.stream().filter(r -> r.first() && states.containsKey(r.caseId()) && resolved(states.get(r.caseId())))
                .count();
        long repeats = found - first;
        return new Figures(key, name, found, resolved, rate(resolved, found), first, firstResolved, rate(firstResolved, first),
                repeats, rate(repeats, found));
    }

    private static double rate(long part, long whole) {
        return whole == 0 ? 0 : Math.round(1000.0 * part / whole) / 10.0;
    }

    /** Units a mediation may be recorded for by this staff member: their own committee or office. */
    public List<Unit> committeesOf(StaffMember staff) {
        return Optional.ofNullable(staff.unitId()).flatMap(directory::unit)
                .filter(u -> u.kind() == UnitKind.COMMUNITY_COMMITTEE || u.kind() == UnitKind.STREET_OFFICE).stream().toList();
    }
}
