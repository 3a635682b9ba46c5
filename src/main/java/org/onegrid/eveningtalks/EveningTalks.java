package org.onegrid.eveningtalks;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.onegrid.audit.AuditLog;
import org.onegrid.calendar.CalendarService;
import org.onegrid.cases.CaseDetails;
import org.onegrid.cases.CaseFilter;
import org.onegrid.cases.CaseIntake;
import org.onegrid.cases.CaseState;
import org.onegrid.cases.CaseViews;
import org.onegrid.cases.Channel;
import org.onegrid.cases.NewCase;
import org.onegrid.directory.CommunityOffice;
import org.onegrid.directory.DirectoryService;
import org.onegrid.directory.GridPost;
import org.onegrid.directory.Role;
import org.onegrid.directory.StaffMember;
import org.onegrid.directory.Unit;
import org.onegrid.directory.UnitKind;
import org.onegrid.errors.ApiProblemException;
import org.onegrid.errors.Refusal;
import org.onegrid.errors.Validation;
import org.onegrid.grid.GridLevel;
import org.onegrid.grid.GridNode;
import org.onegrid.grid.GridService;
import org.onegrid.notify.Outbox;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A village's evening talks ({@link EveningTalk}): planned by the village secretary (the
 * community committee's staff, or the town's office), topics raised beforehand by residents,
 * grid workers and the secretary or taken from the village's open cases, the notice sent, each
 * topic minuted as settled on the spot or forwarded to the town as a case
 * ({@link TopicOutcomePolicy}), and the next meeting's report of how those items stand
 * ({@link TopicProgress}).
 */
@Service
public class EveningTalks {

    /** Where a topic came from. */
    public enum Source { RESIDENT, GRID_WORKER, SECRETARY, OPEN_MATTER }

    public record NewTalk(String communityCode, Instant startsAt, String place, String host) {
    }

    /** A topic raised: by a resident (name and phone), or by the staff member raising it (name left out). */
    public record NewTopic(String communityCode, String title, String detail, String name, String phone) {
    }

    /** A topic's decision in the minutes; {@code unitId} only for a forwarded one. */
    public record Decision(String outcome, String action, String ownerName, LocalDate dueOn, Long unitId) {
    }

    /** A topic as the meeting's people read it; the raiser's phone never shows. */
    public record TopicView(long id, String communityCode, Long talkId, Source source, String title, String detail,
                            String raisedBy, Long openCaseId, String outcome, String action, String ownerName,
                            LocalDate dueOn, Long forwardedUnitId, Long caseId, String caseCode, Instant doneAt,
                            Instant createdAt) {
    }

    public record TalkView(long id, String communityCode, String communityName, Instant startsAt, String place, String host,
                           String plannedBy, Instant noticedAt, Instant heldAt, Integer attendance, String minutes,
                           List<TopicView> topics) {
    }

    /** One item of the last meeting and where it stands now. */
    public record Item(TopicView topic, TopicProgress progress, CaseState caseState) {
    }

    /** The report a meeting opens with: the items of the village's meeting before it. */
    public record Progress(Long previousTalkId, Instant previousStartsAt, List<Item> items) {
    }

    /** Who reads forwarded cases' states for the progress report and the figures. */
    private static final StaffMember READER = new StaffMember(0, "system:evening-talks", "乡村夜话", Role.DISTRICT_LEADER, null);

    private final JdbcClient jdbc;
    private final TransactionTemplate tx;
    private final GridService grids;
    private final DirectoryService directory;
    private final CaseIntake intake;
    private final CaseViews cases;
    private final CalendarService calendars;
    private final Outbox outbox;
    private final AuditLog audit;
    private final Clock clock;
    private final String baseUrl;

    EveningTalks(JdbcClient jdbc, TransactionTemplate tx, GridService grids, DirectoryService directory, CaseIntake intake,
                 CaseViews cases, CalendarService calendars, Outbox outbox, AuditLog audit, Clock clock,
                 @Value("${onegrid.notify.base-url:http://localhost:8080}") String baseUrl) {
        this.jdbc = jdbc;
        this.tx = tx;
        this.grids = grids;
        this.directory = directory;
        this.intake = intake;
        this.cases = cases;
        this.calendars = calendars;
        this.outbox = outbox;
        this.audit = audit;
        this.clock = clock;
        this.baseUrl = baseUrl;
    }

    private ZoneId zone() {
        return calendars.calendar().zone();
    }

    // ---- who runs a village's talks -------------------------------------------------------------

    public boolean runs(StaffMember staff, String communityCode) {
        return CommunityOffice.runs(staff, Optional.ofNullable(staff.unitId()).flatMap(directory::unit), communityCode);
    }

    private void requireRuns(StaffMember staff, String communityCode) {
        if (!runs(staff, communityCode)) {
            throw Refusal.notPermitted("the evening talks of " + communityCode
                    + " are run by its village or community committee, its town or street office, or an administrator");
        }
    }

    /** The villages and communities whose talks a staff member runs. */
    public List<GridNode> communitiesOf(StaffMember staff) {
        return grids.list(GridLevel.COMMUNITY, null).stream().filter(n -> runs(staff, n.code().value())).toList();
    }

    /** The villages a grid worker raises topics for: those of the grids they are posted in. */
    public List<GridNode> communitiesOfGridWorker(StaffMember worker) {
        List<String> mine = directory.gridsOf(worker.id());
        return grids.list(GridLevel.COMMUNITY, null).stream()
                .filter(n -> mine.stream().anyMatch(g -> g.startsWith(n.code().value()))).toList();
    }

    private void community(Validation v, String code) {
        if (code == null || grids.node(code).filter(n -> n.level() == GridLevel.COMMUNITY).isEmpty()) {
            v.reject("communityCode", "must be the code of a village or community");
        }
    }

    // ---- planning -------------------------------------------------------------------------------

    /** Plans a meeting; the village's topics waiting for a meeting go on its agenda. The same key again returns it. */
    public TalkView plan(NewTalk form, StaffMember secretary, String idempotencyKey) {
        return planAt(form, secretary, idempotencyKey, clock.instant());
    }

    /** {@link #plan} as of {@code now} (loading history: the demo's past season). */
    public TalkView planAt(NewTalk form, StaffMember secretary, String idempotencyKey, Instant now) {
        Validation v = new Validation();
        community(v, form.communityCode());
        String place = v.requiredText("place", form.place(), 200);
        String host = v.requiredText("host", form.host(), 100);
        v.required("startsAt", form.startsAt());
        v.moment("startsAt", form.startsAt());
        String key = v.optionalText("Idempotency-Key", idempotencyKey, 200);
        v.throwIfInvalid();
        requireRuns(secretary, form.communityCode());
        long id = tx.execute(status -> {
            Optional<Long> replay = key == null ? Optional.empty()
                    : jdbc.sql("SELECT id FROM evening_talk WHERE planned_by = ? AND idempotency_key = ?")
                            .params(secretary.username(), key).query(Long.class).optional();
            if (replay.isPresent()) {
                return replay.get();
            }
            long created = jdbc.sql("""
                    INSERT INTO evening_talk (community_code, starts_at, place, host, planned_by, idempotency_key, created_at)
                    VALUES (?, ?, ?, ?, ?, ?, ?) RETURNING id""")
                    .params(form.communityCode(), Timestamp.from(form.startsAt()), place, host, secretary.username(), key,
                            Timestamp.from(now))
                    .query(Long.class).single();
            jdbc.sql("UPDATE talk_topic SET talk_id = ? WHERE community_code = ? AND talk_id IS NULL AND outcome IS NULL")
                    .params(created, form.communityCode()).update();
            audit.record(secretary.username(), "talk.plan", "evening_talk " + created, place + " " + form.startsAt());
            return created;
        });
        return view(id);
    }

    // ---- topics ---------------------------------------------------------------------------------

    /** A resident raises a topic for their village's next meeting (the public page). */
    public TopicView raiseAsResident(NewTopic form, String idempotencyKey) {
        return raiseAsResidentAt(form, idempotencyKey, clock.instant());
    }

    /** {@link #raiseAsResident} as of {@code now} (loading history). */
    public TopicView raiseAsResidentAt(NewTopic form, String idempotencyKey, Instant now) {
        Validation v = new Validation();
        String name = v.requiredText("name", form.name(), 100);
        String phone = v.requiredText("phone", form.phone(), 20);
        v.mobile("phone", phone);
        return raise(v, form, Source.RESIDENT, name, phone, null, idempotencyKey, "resident:" + phone, now);
    }

    /** A grid worker raises a topic for a village of their grids; the secretary for a village they run. */
    public TopicView raise(NewTopic form, StaffMember by, String idempotencyKey) {
        return raiseAt(form, by, idempotencyKey, clock.instant());
    }

    /** {@link #raise} as of {@code now} (loading history). */
    public TopicView raiseAt(NewTopic form, StaffMember by, String idempotencyKey, Instant now) {
        Validation v = new Validation();
        Source source;
        if (by.is(Role.GRID_WORKER)) {
            source = Source.GRID_WORKER;
            if (form.communityCode() != null && communitiesOfGridWorker(by).stream()
                    .noneMatch(n -> n.code().value().equals(form.communityCode()))) {
                throw Refusal.notPermitted("a grid worker raises topics for the villages of their own grids");
            }
        } else {
            source = Source.SECRETARY;
            if (form.communityCode() != null) {
                requireRuns(by, form.communityCode());
            }
        }
        return raise(v, form, source, by.displayName(), null, null, idempotencyKey, by.username(), now);
    }

    /** An open case of the village goes on the agenda of a meeting, linked to the case. */
    public TopicView raiseOpenMatter(long talkId, long caseId, StaffMember secretary) {
        TalkView talk = view(talkId);
        requireRuns(secretary, talk.communityCode());
        CaseDetails c = cases.summary(caseId, READER);
        if (c.gridCode() == null || !c.gridCode().startsWith(talk.communityCode())) {
            throw ApiProblemException.invalid("caseId", c.code() + " is not a matter of this village");
        }
        if (!c.state().isOpen() || TopicProgress.resolved(c.state())) {
            throw ApiProblemException.invalid("caseId", c.code() + " is no longer open");
        }
        Optional<TopicView> already = jdbc.sql(SELECT_TOPIC + " WHERE open_case_id = ? AND talk_id = ?").params(caseId, talkId)
                .query(TOPIC).optional();
        if (already.isPresent()) {
            return already.get();
        }
        return raise(new Validation(), new NewTopic(talk.communityCode(), c.title(), c.code() + " " + c.description(), null, null),
                Source.OPEN_MATTER, secretary.displayName(), null, caseId, null, secretary.username(), clock.instant());
    }

    private TopicView raise(Validation v, NewTopic form, Source source, String raisedBy, String phone, Long openCaseId,
                            String idempotencyKey, String keyOwner, Instant now) {
        community(v, form.communityCode());
        String title = v.requiredText("title", form.title(), 200);
        String detail = v.optionalText("detail", form.detail(), Validation.MAX_TEXT);
        String key = v.optionalText("Idempotency-Key", idempotencyKey, 200);
        v.throwIfInvalid();
        long id = tx.execute(status -> {
            jdbc.sql("SELECT pg_advisory_xact_lock(hashtext(?))").param("talk-topics:" + form.communityCode())
                    .query(Object.class).list();
            Optional<Long> replay = key == null ? Optional.empty()
                    : jdbc.sql("SELECT id FROM talk_topic WHERE key_owner = ? AND idempotency_key = ?").params(keyOwner, key)
                            .query(Long.class).optional();
            if (replay.isPresent()) {
                return replay.get();
            }
            Long next = nextTalk(form.communityCode(), now).orElse(null);
            return jdbc.sql("""
                    INSERT INTO talk_topic (community_code, talk_id, source, title, detail, raised_by, raiser_phone, open_case_id,
                                            key_owner, idempotency_key, created_at)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id""")
                    .params(form.communityCode(), next, source.name(), title, detail, raisedBy, phone, openCaseId, keyOwner, key,
                            Timestamp.from(now))
                    .query(Long.class).single();
        });
        return topic(id);
    }

    /**
     * The village's next meeting not yet minuted, from today on, the soonest first; a past
     * meeting left without minutes takes no new topics.
     */
    private Optional<Long> nextTalk(String communityCode, Instant now) {
        Instant today = now.atZone(zone()).toLocalDate().atStartOfDay(zone()).toInstant();
        return jdbc.sql("""
                SELECT id FROM evening_talk WHERE community_code = ? AND held_at IS NULL AND starts_at >= ?
                ORDER BY starts_at, id LIMIT 1""")
                .params(communityCode, Timestamp.from(today)).query(Long.class).optional();
    }

    // ---- the notice -----------------------------------------------------------------------------

    /**
     * Sends the notice once: to the village's grid workers and its committee's staff on their
     * channels, and by SMS to the residents who raised its topics. It shows on the village's
     * public page from then on.
     */
    public TalkView sendNotice(long talkId, StaffMember secretary) {
        return sendNoticeAt(talkId, secretary, clock.instant());
    }

    /** {@link #sendNotice} as of {@code now} (loading history). */
    public TalkView sendNoticeAt(long talkId, StaffMember secretary, Instant now) {
        tx.executeWithoutResult(status -> {
            EveningTalk talk = lock(talkId);
            requireRuns(secretary, talk.communityCode());
            if (!talk.sendNotice()) {
                return;
            }
            jdbc.sql("UPDATE evening_talk SET noticed_at = ? WHERE id = ?").params(Timestamp.from(now), talkId).update();
            TalkView v = view(talkId);
            List<StaffMember> staff = new ArrayList<>(directory.gridStaffUnder(v.communityCode(),
                    GridPost.GRID_WORKER));
            directory.staffList().stream().filter(s -> !s.is(Role.ADMIN) && s.unitId() != null
                    && directory.unit(s.unitId()).filter(u -> u.kind() == UnitKind.COMMUNITY_COMMITTEE
                    && v.communityCode().equals(u.regionCode())).isPresent()).forEach(staff::add);
            List<String> phones = jdbc.sql("SELECT raiser_phone FROM talk_topic WHERE talk_id = ? AND raiser_phone IS NOT NULL")
                    .param(talkId).query(String.class).list();
            outbox.noticeMeeting(talkId, staff.stream().distinct().toList(), phones, new Object[] {v.communityName(),
                    DateTimeFormatter.ofPattern("M月d日 HH:mm").format(v.startsAt().atZone(zone())), v.place(),
                    baseUrl + "/public/talks?community=" + v.communityCode()});
            audit.record(secretary.username(), "talk.notice", "evening_talk " + talkId, v.communityName());
        });
        return view(talkId);
    }

    // ---- the minutes ----------------------------------------------------------------------------

    /**
     * Minutes a topic's decision. Settled on the spot: who does what by when. Forwarded: a case
     * sent to the town's unit with the owner and the day in its dispatch note, linked both ways
     * (an open matter forwarded stays its own case). Deciding again is refused.
     */
    public TopicView decide(long topicId, Decision decision, StaffMember secretary) {
        return decideAt(topicId, decision, secretary, clock.instant());
    }

    /** {@link #decide} as of {@code now} (loading history). */
    public TopicView decideAt(long topicId, Decision decision, StaffMember secretary, Instant now) {
        TopicView t = topic(topicId);
        if (t.talkId() == null) {
            throw Refusal.illegalInState("topic-not-on-agenda", "the topic waits for the village's next meeting");
        }
        TalkView talk = view(t.talkId());
        requireRuns(secretary, talk.communityCode());
        Validation v = new Validation();
        TopicOutcomePolicy.Outcome outcome = null;
        if (decision.outcome() != null) {
            try {
                outcome = TopicOutcomePolicy.Outcome.valueOf(decision.outcome());
            } catch (IllegalArgumentException unknown) {
                outcome = null;
            }
        }
        String action = v.requiredText("action", decision.action(), Validation.MAX_TEXT);
        String owner = v.requiredText("ownerName", decision.ownerName(), 100);
        Unit unit = decision.unitId() == null ? null : directory.unit(decision.unitId()).orElse(null);
        if (decision.unitId() != null && unit == null) {
            v.reject("unitId", "no unit has the id " + decision.unitId());
        }
        boolean openMatter = t.openCaseId() != null;
        TopicOutcomePolicy.check(v, outcome, talk.communityCode(), talk.startsAt().atZone(zone()).toLocalDate(),
                decision.dueOn(), unit, openMatter);
        v.throwIfInvalid();
        if (t.outcome() != null) {
            throw Refusal.illegalInState("topic-decided", "the topic was minuted already as " + t.outcome());
        }
        load(talk.id()).requireDeciding(now);
        Long caseId = null;
        String caseCode = null;
        if (outcome == TopicOutcomePolicy.Outcome.FORWARDED) {
            if (openMatter) {
                CaseDetails open = cases.summary(t.openCaseId(), READER);
                caseId = open.id();
                caseCode = open.code();
            } else {
                CaseDetails c = forward(t, talk, action, owner, decision.dueOn(), unit, secretary, now);
                caseId = c.id();
                caseCode = c.code();
            }
        }
        Long forwardedCase = caseId;
        String forwardedCode = caseCode;
        TopicOutcomePolicy.Outcome decided = outcome;
        tx.executeWithoutResult(status -> {
            lock(talk.id()).requireDeciding(now);
            int changed = jdbc.sql("""
                    UPDATE talk_topic SET outcome = ?, action = ?, owner_name = ?, due_on = ?, forwarded_unit_id = ?, case_id = ?,
                           case_code = ?, decided_by = ?, decided_at = ?
                    WHERE id = ? AND outcome IS NULL""")
                    .params(decided.name(), action, owner, decision.dueOn(), unit == null ? null : unit.id(), forwardedCase,
                            forwardedCode, secretary.username(), Timestamp.from(now), topicId)
                    .update();
            if (changed == 0) {
                throw Refusal.illegalInState("topic-decided", "the topic was minuted already");
            }
        });
        audit.record(secretary.username(), "talk.decide", "talk_topic " + topicId,
                decided + (forwardedCode == null ? "" : " as " + forwardedCode));
        return topic(topicId);
    }

    private CaseDetails forward(TopicView t, TalkView talk, String action, String owner, LocalDate dueOn, Unit unit,
                                StaffMember secretary, Instant now) {
        double[] point = grids.pointWithin(talk.communityCode()).orElse(null);
        String phone = jdbc.sql("SELECT raiser_phone FROM talk_topic WHERE id = ?").param(t.id()).query(String.class).optional()
                .orElse(null);
        String reference = "乡村夜话 " + talk.communityName() + " "
                + talk.startsAt().atZone(zone()).toLocalDate() + " 议题 #" + t.id() + "：" + action + "（责任人 " + owner + "，"
                + dueOn + " 前）";
        String description = (t.detail() == null ? t.title() : t.detail()) + "\n" + reference;
        NewCase request = new NewCase(Channel.VILLAGE_MEETING, t.title(), description.length() > Validation.MAX_TEXT
                ? description.substring(0, Validation.MAX_TEXT) : description, point == null ? null : point[0],
                point == null ? null : point[1], point == null ? talk.communityName() + " " + talk.place() : null, null,
                t.source() == Source.RESIDENT ? t.raisedBy() : null, phone);
        return intake.receiveForAt(request, secretary, "talk-topic-" + t.id(), unit.id(), reference, now).details();
    }

    /** The owner of a matter settled on the spot reports it done; the next meeting's report shows it done. */
    public TopicView markDone(long topicId, StaffMember secretary) {
        return markDoneAt(topicId, secretary, clock.instant());
    }

    /** {@link #markDone} as of {@code now} (loading history). */
    public TopicView markDoneAt(long topicId, StaffMember secretary, Instant now) {
        TopicView t = topic(topicId);
        requireRuns(secretary, t.communityCode());
        if (!"SETTLED".equals(t.outcome())) {
            throw Refusal.illegalInState("not-settled", "only a matter settled on the spot is reported done here; "
                    + "a forwarded one is done when its case is resolved");
        }
        jdbc.sql("UPDATE talk_topic SET done_at = ? WHERE id = ? AND done_at IS NULL")
                .params(Timestamp.from(now), topicId).update();
        return topic(topicId);
    }

    /**
     * Closes the minutes with the attendance and a summary. Topics not reached go back to the
     * village's list for its next meeting. Closing again is refused.
     */
    public TalkView close(long talkId, Integer attendance, String minutes, StaffMember secretary) {
        return closeAt(talkId, attendance, minutes, secretary, clock.instant());
    }

    /** {@link #close} as of {@code now} (loading history). */
    public TalkView closeAt(long talkId, Integer attendance, String minutes, StaffMember secretary, Instant now) {
        Validation v = new Validation();
        if (attendance == null || attendance < 0 || attendance > 100000) {
            v.reject("attendance", "must be the number of residents who came, 0 to 100000");
        }
        String text = v.requiredText("minutes", minutes, Validation.MAX_TEXT);
        v.throwIfInvalid();
        tx.executeWithoutResult(status -> {
            EveningTalk talk = lock(talkId);
            requireRuns(secretary, talk.communityCode());
            talk.requireClosing(now);
            jdbc.sql("UPDATE evening_talk SET held_at = ?, attendance = ?, minutes = ? WHERE id = ?")
                    .params(Timestamp.from(now), attendance, text, talkId).update();
            jdbc.sql("UPDATE talk_topic SET talk_id = NULL WHERE talk_id = ? AND outcome IS NULL").param(talkId).update();
            nextTalk(talk.communityCode(), now).ifPresent(n -> jdbc.sql("UPDATE talk_topic SET talk_id = ? WHERE community_code = ? AND talk_id IS NULL AND outcome IS NULL")
                    .params(n, talk.communityCode()).update());
        });
        audit.record(secretary.username(), "talk.minutes", "evening_talk " + talkId, attendance + " attended");
        return view(talkId);
    }

    // ---- reading --------------------------------------------------------------------------------

    private static final String SELECT_TOPIC = """
            SELECT id, community_code, talk_id, source, title, detail, raised_by, open_case_id, outcome, action, owner_name,
                   due_on, forwarded_unit_id, case_id, case_code, done_at, created_at FROM talk_topic""";
    private static final RowMapper<TopicView> TOPIC = (rs, i) -> new TopicView(rs.getLong("id"), rs.getString("community_code"),
            (Long) rs.getObject("talk_id"), Source.valueOf(rs.getString("source")), rs.getString("title"), rs.getString("detail"),
            shownName(rs.getString("raised_by"), rs.getString("source")), (Long) rs.getObject("open_case_id"),
            rs.getString("outcome"), rs.getString("action"), rs.getString("owner_name"),
            rs.getDate("due_on") == null ? null : rs.getDate("due_on").toLocalDate(), (Long) rs.getObject("forwarded_unit_id"),
            (Long) rs.getObject("case_id"), rs.getString("case_code"),
            rs.getTimestamp("done_at") == null ? null : rs.getTimestamp("done_at").toInstant(),
            rs.getTimestamp("created_at").toInstant());

    /** A resident's name as others read it: the surname and a mark (张*); staff by their name. */
    private static String shownName(String raisedBy, String source) {
        return Source.RESIDENT.name().equals(source) && !raisedBy.isEmpty() ? raisedBy.charAt(0) + "*" : raisedBy;
    }

    public TopicView topic(long id) {
        return jdbc.sql(SELECT_TOPIC + " WHERE id = ?").param(id).query(TOPIC).optional()
                .orElseThrow(() -> ApiProblemException.notFound("topic", id));
    }

    /** The meeting topic a case was forwarded from (or taken up as an open matter), if any. */
    public Optional<TopicView> topicOfCase(long caseId) {
        return jdbc.sql(SELECT_TOPIC + " WHERE case_id = ? OR open_case_id = ? ORDER BY id DESC LIMIT 1").params(caseId, caseId)
                .query(TOPIC).optional();
    }

    /** The village's cases still being handled, the newest first: matters a meeting may take up. */
    public List<CaseDetails> openMatters(String communityCode, int limit) {
        return cases.list(new CaseFilter(null, null, communityCode, null, null, null, null, 0, CaseFilter.MAX_PAGE_SIZE), READER)
                .items().stream().filter(c -> c.state().isOpen() && !TopicProgress.resolved(c.state()))
                .limit(Math.max(1, limit)).toList();
    }

    /** The units a topic of the village may be forwarded to: its town's office and departments. */
    public List<Unit> forwardUnits(String communityCode) {
        return directory.units().stream().filter(u -> TopicOutcomePolicy.takesForwarded(u, communityCode)).toList();
    }

    /** The topics of a village waiting for a meeting. */
    public List<TopicView> waiting(String communityCode) {
        return jdbc.sql(SELECT_TOPIC + " WHERE community_code = ? AND talk_id IS NULL AND outcome IS NULL ORDER BY id")
                .param(communityCode).query(TOPIC).list();
    }

    public TalkView view(long id) {
        TalkView talk = jdbc.sql("SELECT * FROM evening_talk WHERE id = ?").param(id).query((rs, i) -> new TalkView(rs.getLong("id"),
                        rs.getString("community_code"), name(rs.getString("community_code")), rs.getTimestamp("starts_at").toInstant(),
                        rs.getString("place"), rs.getString("host"), rs.getString("planned_by"), instant(rs.getTimestamp("noticed_at")),
                        instant(rs.getTimestamp("held_at")), (Integer) rs.getObject("attendance"), rs.getString("minutes"), List.of()))
                .optional().orElseThrow(() -> ApiProblemException.notFound("evening talk", id));
        List<TopicView> topics = jdbc.sql(SELECT_TOPIC + " WHERE talk_id = ? ORDER BY id").param(id).query(TOPIC).list();
        return new TalkView(talk.id(), talk.communityCode(), talk.communityName(), talk.startsAt(), talk.place(), talk.host(),
                talk.plannedBy(), talk.noticedAt(), talk.heldAt(), talk.attendance(), talk.minutes(), topics);
    }

    /** A village's meetings, the latest first (without their topics). */
    public List<TalkView> list(String communityCode, int limit) {
        return jdbc.sql("SELECT id FROM evening_talk WHERE community_code = ? ORDER BY starts_at DESC, id DESC LIMIT ?")
                .params(communityCode, Math.max(1, Math.min(limit, 200))).query(Long.class).list().stream().map(this::view).toList();
    }

    /** The village's next meeting whose notice went out, for its public page. */
    public Optional<TalkView> announced(String communityCode) {
        return jdbc.sql("""
                SELECT id FROM evening_talk WHERE community_code = ? AND noticed_at IS NOT NULL AND held_at IS NULL
                ORDER BY starts_at, id LIMIT 1""").param(communityCode).query(Long.class).optional().map(this::view);
    }

    /** The village's last minuted meeting, if any. */
    public Optional<TalkView> lastHeld(String communityCode) {
        return jdbc.sql("SELECT id FROM evening_talk WHERE community_code = ? AND held_at IS NOT NULL ORDER BY starts_at DESC, id DESC LIMIT 1")
                .param(communityCode).query(Long.class).optional().map(this::view);
    }

    /** The report meeting {@code talkId} opens with: its village's previous minuted meeting's items, as they stand now. */
    public Progress progress(long talkId) {
        TalkView talk = view(talkId);
        Optional<Long> previous = jdbc.sql("""
                SELECT id FROM evening_talk WHERE community_code = ? AND held_at IS NOT NULL AND id <> ?
                  AND (starts_at, id) < (?, ?) ORDER BY starts_at DESC, id DESC LIMIT 1""")
                .params(talk.communityCode(), talkId, Timestamp.from(talk.startsAt()), talkId).query(Long.class).optional();
        if (previous.isEmpty()) {
            return new Progress(null, null, List.of());
        }
        TalkView before = view(previous.get());
        return new Progress(before.id(), before.startsAt(), itemsOfTalk(before.id()));
    }

    /** Where each decided topic of a meeting stands today. */
    public List<Item> itemsOfTalk(long talkId) {
        return itemsOf(view(talkId).topics().stream().filter(t -> t.outcome() != null).toList());
    }

    /** Where each decided topic stands today. */
    List<Item> itemsOf(List<TopicView> decided) {
        Map<Long, CaseState> states = caseStates(decided.stream().map(TopicView::caseId).filter(Objects::nonNull).toList());
        LocalDate today = clock.instant().atZone(zone()).toLocalDate();
        return decided.stream().map(t -> {
            CaseState state = t.caseId() == null ? null : states.get(t.caseId());
            return new Item(t, TopicProgress.of(TopicOutcomePolicy.Outcome.valueOf(t.outcome()), t.doneAt(), state, t.dueOn(), today),
                    state);
        }).toList();
    }

    private Map<Long, CaseState> caseStates(List<Long> ids) {
        Map<Long, CaseState> states = new HashMap<>();
        for (int from = 0; from < ids.size(); from += 500) {
            cases.summaries(ids.subList(from, Math.min(ids.size(), from + 500)), READER)
                    .forEach(c -> states.put(c.id(), c.state()));
        }
        return states;
    }

    /** The forwarded topics of the area under {@code codePrefix} whose cases are now in {@code resolved} states, etc. */
    public record Figures(String code, String name, long collected, long settled, long forwarded, long forwardedResolved,
                          long overdue) {
    }

    /**
     * The figures of the villages under {@code code} (a village, town or the district) for topics
     * raised in [from, to): collected, settled on the spot, forwarded, forwarded and resolved,
     * and decided but overdue today.
     */
    public Figures figures(String code, Instant from, Instant to) {
        List<TopicView> topics = jdbc.sql(SELECT_TOPIC + " WHERE community_code LIKE ? AND created_at >= ? AND created_at < ?")
                .params(code + "%", Timestamp.from(from), Timestamp.from(to)).query(TOPIC).list();
        List<Item> items = itemsOf(topics.stream().filter(t -> t.outcome() != null).toList());
        long settled = items.stream().filter(i -> "SETTLED".equals(i.topic().outcome())).count();
        long forwarded = items.size() - settled;
        long forwardedResolved = items.stream().filter(i -> "FORWARDED".equals(i.topic().outcome())
                && i.progress() == TopicProgress.DONE).count();
        long overdue = items.stream().filter(i -> i.progress() == TopicProgress.OVERDUE).count();
        return new Figures(code, name(code), topics.size(), settled, forwarded, forwardedResolved, overdue);
    }

    /** The figures of the area and of each of its towns (for the district) or villages (for a town). */
    public List<Figures> figuresBelow(String code, Instant from, Instant to) {
        List<Figures> rows = new ArrayList<>();
        rows.add(figures(code, from, to));
        GridLevel below = code.length() <= 6 ? GridLevel.STREET : GridLevel.COMMUNITY;
        grids.list(below, null).stream().filter(n -> n.code().value().startsWith(code) && !n.code().value().equals(code))
                .forEach(n -> rows.add(figures(n.code().value(), from, to)));
        return rows;
    }

    private String name(String code) {
        return grids.node(code).map(GridNode::name).orElse(code);
    }

    private static Instant instant(Timestamp t) {
        return t == null ? null : t.toInstant();
    }

    /** The meeting, locked against a concurrent decision or closing (in the caller's transaction). */
    private EveningTalk lock(long talkId) {
        return read(talkId, " FOR UPDATE");
    }

    private EveningTalk load(long talkId) {
        return read(talkId, "");
    }

    private EveningTalk read(long talkId, String lock) {
        return jdbc.sql("SELECT community_code, starts_at, noticed_at, held_at FROM evening_talk WHERE id = ?" + lock)
                .param(talkId).query((rs, i) -> new EveningTalk(rs.getString(1), rs.getTimestamp(2).toInstant(),
                        instant(rs.getTimestamp(3)), instant(rs.getTimestamp(4)))).optional()
                .orElseThrow(() -> ApiProblemException.notFound("evening talk", talkId));
    }
}
