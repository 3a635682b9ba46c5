package org.onegrid.notify;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.onegrid.calendar.CalendarService;
import org.onegrid.cases.CaseNotices;
import org.onegrid.cases.TransitionFeed;
import org.onegrid.directory.DirectoryService;
import org.onegrid.directory.Role;
import org.onegrid.directory.StaffMember;
import org.onegrid.errors.ApiProblemException;
import org.onegrid.errors.Refusal;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The outbox (通知发件箱). {@link #fold} turns the committed case timeline into messages: in one
 * transaction it reads the entries after its position, writes each message under a unique key
 * (entry, event, channel, recipient) and moves the position, so a message is written exactly
 * once even with several instances or after a crash. {@link #deliverDue} claims due messages
 * (row locks, skipping those another instance holds), sends them and records the outcome, with
 * retry and back-off ({@link SendingPolicy}); a claim not finished within two minutes (the
 * instance died) is taken again, and the SMS gateway gets the same message id to ignore a repeat.
 */
@Service
public class Outbox {

    private static final Logger log = LoggerFactory.getLogger(Outbox.class);
    private static final Duration CLAIM = Duration.ofMinutes(2);

    /** A message as staff read it (the address shown masked unless it is the reader's own). */
    public record Message(long id, String event, Channel channel, Long staffId, String address, Long caseId, String caseCode,
                          String subject, String body, boolean urgent, String state, int attempts, Instant nextAttemptAt,
                          String lastError, Instant createdAt, Instant sentAt, Instant readAt) {
    }

    private static final RowMapper<Message> MESSAGE = (rs, i) -> new Message(rs.getLong("id"), rs.getString("event"),
            Channel.valueOf(rs.getString("channel")), (Long) rs.getObject("staff_id"), rs.getString("address"),
            (Long) rs.getObject("case_id"), rs.getString("case_code"), rs.getString("subject"), rs.getString("body"),
            rs.getBoolean("urgent"), rs.getString("state"), rs.getInt("attempts"), ts(rs, "next_attempt_at"),
            rs.getString("last_error"), ts(rs, "created_at"), ts(rs, "sent_at"), ts(rs, "read_at"));

    private final JdbcClient jdbc;
    private final TransactionTemplate tx;
    private final TransitionFeed feed;
    private final CaseNotices notices;
    private final DirectoryService directory;
    private final CalendarService calendars;
    private final MessageSource messages;
    private final org.onegrid.catalog.CatalogService catalog;
    private final SmsGateway sms;
    private final ObjectProvider<JavaMailSender> mail;
    private final Clock clock;
    private final String baseUrl;
    private final String mailFrom;
    private final Duration retryBase;
    private final int maxAttempts;
    private final int dailySmsLimit;
    private final java.time.LocalTime quietFrom;
    private final java.time.LocalTime quietUntil;

    Outbox(JdbcClient jdbc, TransactionTemplate tx, TransitionFeed feed, CaseNotices notices, DirectoryService directory,
           CalendarService calendars, MessageSource messages, org.onegrid.catalog.CatalogService catalog, SmsGateway sms, ObjectProvider<JavaMailSender> mail, Clock clock,
           @Value("${onegrid.notify.base-url:http://localhost:8080}") String baseUrl,
           @Value("${onegrid.notify.mail-from:onegrid@localhost}") String mailFrom,
           @Value("${onegrid.notify.retry-base:PT30S}") Duration retryBase,
           @Value("${onegrid.notify.max-attempts:5}") int maxAttempts,
           @Value("${onegrid.notify.sms.daily-limit:5}") int dailySmsLimit,
           @Value("${onegrid.notify.sms.quiet-from:22:00}") java.time.LocalTime quietFrom,
           @Value("${onegrid.notify.sms.quiet-until:08:00}") java.time.LocalTime quietUntil) {
        this.quietFrom = quietFrom;
        this.quietUntil = quietUntil;
        this.jdbc = jdbc;
        this.tx = tx;
        this.feed = feed;
        this.notices = notices;
        this.directory = directory;
        this.calendars = calendars;
        this.messages = messages;
        this.catalog = catalog;
        this.sms = sms;
        this.mail = mail;
        this.clock = clock;
        this.baseUrl = baseUrl;
        this.mailFrom = mailFrom;
        this.retryBase = retryBase;
        this.maxAttempts = maxAttempts;
        this.dailySmsLimit = dailySmsLimit;
    }

    private final WhoHearsWhat.Staffing staffing = new WhoHearsWhat.Staffing() {
        /** A unit's handlers and leaders; for a grid team, the grid workers of its grid. */
        @Override
        public List<StaffMember> handlersOf(long unitId) {
            return directory.unit(unitId).filter(u -> u.kind() == org.onegrid.directory.UnitKind.GRID_TEAM)
                    .map(team -> gridWorkersOf(team.regionCode())).orElseGet(() -> directory.handlersOf(unitId));
        }

        @Override
        public Set<Channel> channelsOf(StaffMember staff, WhoHearsWhat.Event event) {
            return contact(staff.id()).channelsFor(event.name());
        }

        @Override
        public List<StaffMember> gridWorkersOf(String gridCode) {
            return directory.assignments(gridCode).stream()
                    .filter(a -> a.post() == org.onegrid.directory.GridPost.GRID_WORKER && a.staffId() != null)
                    .map(a -> directory.staff(a.staffId())).flatMap(Optional::stream).toList();
        }

        @Override
        public List<StaffMember> dispatchers() {
            return directory.staffList().stream().filter(s -> s.is(Role.DISPATCHER)).toList();
        }

        @Override
        public boolean isGridTeam(long unitId) {
            return directory.unit(unitId).map(u -> u.kind() == org.onegrid.directory.UnitKind.GRID_TEAM).orElse(false);
        }

        @Override
        public List<Long> coHandlersAwaiting(long caseId) {
            return notices.coHandlersAwaiting(caseId);
        }

        @Override
        public boolean needsSiteCheck(String categoryCode) {
            return categoryCode == null || catalog.category(categoryCode).map(c -> c.verificationRequired()).orElse(true);
        }
    };

    /**
     * How a staff member is reached: their email, if any, the channels they chose, and per event
     * the channels that replace those (by the event's name). The bell always; email only with an
     * address; staff get no SMS.
     */
    public record Contact(String email, Set<Channel> channels, java.util.Map<String, Set<Channel>> events) {

        Set<Channel> channelsFor(String event) {
            Set<Channel> chosen = EnumSet.copyOf(events.getOrDefault(event, channels).isEmpty() ? EnumSet.of(Channel.IN_APP)
                    : events.getOrDefault(event, channels));
            chosen.add(Channel.IN_APP);
            chosen.remove(Channel.SMS);
            if (email == null) {
                chosen.remove(Channel.EMAIL);
            }
            return chosen;
        }
    }

    private static Set<Channel> channelSet(String list) {
        Set<Channel> chosen = EnumSet.noneOf(Channel.class);
        for (String c : list.split(",")) {
            if (!c.isBlank()) {
                chosen.add(Channel.valueOf(c.trim()));
            }
        }
        return chosen;
    }

    public Contact contact(long staffId) {
        return jdbc.sql("SELECT email, channels, event_channels FROM staff_contact WHERE staff_id = ?").param(staffId)
                .query((rs, i) -> {
                    java.util.Map<String, Set<Channel>> events = new java.util.TreeMap<>();
                    for (String pair : rs.getString(3).split(";")) {
                        int eq = pair.indexOf('=');
                        if (eq > 0) {
                            events.put(pair.substring(0, eq), channelSet(pair.substring(eq + 1)));
                        }
                    }
                    return new Contact(rs.getString(1), channelSet(rs.getString(2)), events);
                })
                .optional().orElse(new Contact(null, EnumSet.of(Channel.IN_APP), java.util.Map.of()));
    }

    /** Sets a staff member's email and chosen channels (in-app always). */
    public Contact setContact(long staffId, String email, Set<Channel> channels) {
        return setContact(staffId, email, channels, null);
    }

    /** Sets a staff member's email, default channels and channels per event (an unknown event is a 400). */
    public Contact setContact(long staffId, String email, Set<Channel> channels, java.util.Map<String, Set<Channel>> events) {
        java.util.Map<String, Set<Channel>> perEvent = events == null ? java.util.Map.of() : events;
        for (String event : perEvent.keySet()) {
            try {
                WhoHearsWhat.Event.valueOf(event);
            } catch (IllegalArgumentException unknown) {
                throw ApiProblemException.invalid("events", "no event " + event + "; events: "
                        + java.util.Arrays.toString(WhoHearsWhat.Event.values()));
            }
        }
        String eventList = perEvent.entrySet().stream().map(e -> e.getKey() + "=" + String.join(",",
                (e.getValue() == null ? Set.<Channel>of() : e.getValue()).stream().map(Enum::name).toList()))
                .collect(java.util.stream.Collectors.joining(";"));
        org.onegrid.errors.Validation v = new org.onegrid.errors.Validation();
        String address = v.optionalText("email", email, 200);
        if (address != null && !address.matches("[^@\\s]+@[^@\\s]+\\.[^@\\s]+")) {
            v.reject("email", "must be an email address");
        }
        v.throwIfInvalid();
        String list = String.join(",", (channels == null ? EnumSet.of(Channel.IN_APP) : channels).stream().map(Enum::name).toList());
        jdbc.sql("""
                INSERT INTO staff_contact (staff_id, email, channels, event_channels) VALUES (?, ?, ?, ?)
                ON CONFLICT (staff_id) DO UPDATE SET email = EXCLUDED.email, channels = EXCLUDED.channels,
                    event_channels = EXCLUDED.event_channels""")
                .params(staffId, address, list, eventList).update();
        return contact(staffId);
    }

    /** Timeline entries one fold reads at most. */
    public static final int FOLD_BATCH = 500;

    /** Writes the messages of up to {@link #FOLD_BATCH} timeline entries committed since the last fold; returns how many entries it read. */
    public int fold() {
        Integer written = tx.execute(status -> {
            TransitionFeed.Position at = jdbc.sql("SELECT tx, event_id FROM notify_feed_position WHERE id = 1 FOR UPDATE")
                    .query((rs, i) -> new TransitionFeed.Position(rs.getString(1), rs.getLong(2))).single();
            TransitionFeed.Batch batch = feed.read(at, FOLD_BATCH);
            int n = 0;
            Instant now = clock.instant();
            ZoneId zone = calendars.calendar().zone();
            List<TransitionFeed.Transition> telling = batch.transitions().stream().filter(WhoHearsWhat::mayTell).toList();
            java.util.Map<Long, CaseNotices.Notice> cases = notices.of(
                    telling.stream().map(TransitionFeed.Transition::caseId).collect(java.util.stream.Collectors.toSet()));
            for (TransitionFeed.Transition t : telling) {
                CaseNotices.Notice notice = cases.get(t.caseId());
                if (notice == null) {
                    continue;
                }
                for (WhoHearsWhat.Recipient r : WhoHearsWhat.of(t, notice, staffing)) {
                    n += write(t, notice, r, now, zone);
                }
            }
            jdbc.sql("UPDATE notify_feed_position SET tx = ?, event_id = ? WHERE id = 1")
                    .params(batch.next().tx(), batch.next().eventId()).update();
            log.debug("Outbox fold: {} entries, {} messages", batch.transitions().size(), n);
            return batch.transitions().size();
        });
        return written == null ? 0 : written;
    }

    private int write(TransitionFeed.Transition t, CaseNotices.Notice c, WhoHearsWhat.Recipient r, Instant now, ZoneId zone) {
        Locale locale = Locale.SIMPLIFIED_CHINESE;
        String link = r.staff() == null ? baseUrl + "/public/track?code=" + c.code() : baseUrl + "/cases/" + c.caseId();
        Object[] args = {c.code(), c.title(), c.resolution() == null ? "" : c.resolution(), link};
        String key = "notify." + r.event().name();
        String subject = messages.getMessage(key + ".subject", args, locale);
        String body = messages.getMessage(key + ".body", args, locale);
        String address = r.channel() == Channel.EMAIL ? contact(r.staff().id()).email() : r.phone();
        Instant notBefore = r.channel() == Channel.SMS ? SendingPolicy.notBefore(now, zone, r.urgent(), quietFrom, quietUntil) : now;
        String dedupe = (r.once() != null ? r.once() : t.eventId() + ":" + r.event()) + ":" + r.channel() + ":"
                + (r.staff() == null ? "resident" : r.staff().id());
        return insertMessage(dedupe, r.event(), r.channel(), r.staff(), address, c, subject, body, r.urgent(), notBefore, now);
    }

    private int insert(String dedupe, WhoHearsWhat.Event event, Channel channel, StaffMember staff, CaseNotices.Notice c,
                       boolean urgent, Instant notBefore, Instant now) {
        String link = c.caseId() != 0 ? baseUrl + "/cases/" + c.caseId()
                : event == WhoHearsWhat.Event.SHIFT_SOON ? baseUrl + "/duty"
                : event == WhoHearsWhat.Event.PATROL_DUE ? baseUrl + "/m/patrol" : baseUrl + "/dashboard";
        Object[] args = {c.code(), c.title(), "", link};
        String key = "notify." + event.name();
        String address = channel == Channel.EMAIL ? contact(staff.id()).email() : null;
        return insertMessage(dedupe, event, channel, staff, address, c, messages.getMessage(key + ".subject", args, Locale.SIMPLIFIED_CHINESE),
                messages.getMessage(key + ".body", args, Locale.SIMPLIFIED_CHINESE), urgent, notBefore, now);
    }

    private int insertMessage(String dedupe, WhoHearsWhat.Event event, Channel channel, StaffMember staff, String address,
                              CaseNotices.Notice c, String subject, String body, boolean urgent, Instant notBefore, Instant now) {
        return jdbc.sql("""
                INSERT INTO notification (dedupe_key, event, channel, staff_id, address, case_id, case_code, subject, body,
                                          urgent, state, next_attempt_at, created_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'PENDING', ?, ?) ON CONFLICT (dedupe_key) DO NOTHING""")
                .params(dedupe, event.name(), channel.name(), staff == null ? null : staff.id(), address,
                        c.caseId() == 0 ? null : c.caseId(), c.caseId() == 0 ? null : c.code(), subject, body, urgent,
                        Timestamp.from(notBefore), Timestamp.from(now))
                .update();
    }

    /**
     * Reminders by the clock: a message to the unit's staff when a case's sign-for or handling
     * deadline comes within {@code dueSoon}, and one when it has just passed (within the last day),
     * each once per case and deadline (the key names the deadline); the same for a co-handling
     * unit's report-in deadline. Returns how many were written.
     */
    public int remind(Duration dueSoon) {
        Instant now = clock.instant();
        int n = 0;
        for (boolean overdue : new boolean[] {false, true}) {
            Instant from = overdue ? now.minus(Duration.ofDays(1)) : now;
            Instant to = overdue ? now : now.plus(dueSoon);
            for (CaseNotices.Waiting w : notices.waitingWithDeadlineIn(from, to, 2000)) {
                WhoHearsWhat.Event event = overdue ? WhoHearsWhat.Event.OVERDUE
                        : w.state() == org.onegrid.cases.CaseState.DISPATCHED ? WhoHearsWhat.Event.SIGN_DUE_SOON
                        : WhoHearsWhat.Event.HANDLING_DUE_SOON;
                n += remindUnit(event, w.caseId(), w.code(), w.title(), w.ownerUnitId(), w.dueAt(), overdue, now);
            }
            for (CaseNotices.CoHandling h : notices.coHandlersDueIn(from, to, 2000)) {
                WhoHearsWhat.Event event = overdue ? WhoHearsWhat.Event.REPORT_IN_OVERDUE : WhoHearsWhat.Event.REPORT_IN_DUE_SOON;
                n += remindUnit(event, h.caseId(), h.code(), h.title(), h.unitId(), h.dueAt(), overdue, now);
            }
        }
        return n;
    }

    private int remindUnit(WhoHearsWhat.Event event, long caseId, String code, String title, long unitId, Instant dueAt,
                           boolean urgent, Instant now) {
        int n = 0;
        CaseNotices.Notice notice = new CaseNotices.Notice(caseId, code, title, null, null, unitId);
        for (StaffMember s : staffing.handlersOf(unitId)) {
            for (Channel ch : staffing.channelsOf(s, event)) {
                n += insert(event.name() + ":" + caseId + ":" + dueAt.getEpochSecond() + ":" + ch + ":" + s.id(),
                        event, ch, s, notice, urgent, now, now);
            }
        }
        return n;
    }

    /** A cadre's duty shift starting within {@code soon}, not yet checked in for: one reminder per shift. */
    public int remindShifts(org.onegrid.gridwork.DutyRota duty, Duration soon) {
        Instant now = clock.instant();
        int n = 0;
        for (org.onegrid.gridwork.DutyRota.Shift shift : duty.startingBetween(now, now.plus(soon))) {
            Optional<StaffMember> cadre = directory.staff(duty.cadreOf(shift));
            if (cadre.isEmpty()) {
                continue;
            }
            String when = java.time.format.DateTimeFormatter.ofPattern("MM-dd HH:mm")
                    .format(shift.startsAt().atZone(calendars.calendar().zone()));
            CaseNotices.Notice notice = new CaseNotices.Notice(0, when, shift.placeName(), null, null, null);
            for (Channel ch : staffing.channelsOf(cadre.get(), WhoHearsWhat.Event.SHIFT_SOON)) {
                n += insert("SHIFT_SOON:" + shift.id() + ":" + ch + ":" + cadre.get().id(), WhoHearsWhat.Event.SHIFT_SOON, ch,
                        cadre.get(), notice, false, now, now);
            }
        }
        return n;
    }

    /** What the morning digest reports: yesterday's figures, this month's so far, and the open overdue cases. */
    public record DigestFigures(long receivedYesterday, long resolvedYesterday, Double onTimeRateYesterday,
                                Double satisfactionRateMonth, long openOverdue) {
    }

    /** The morning digest for district leaders (请阅), once a day each. */
    public int digest(DigestFigures figures) {
        Instant now = clock.instant();
        String day = now.atZone(calendars.calendar().zone()).toLocalDate().toString();
        Object[] args = {day, figures.receivedYesterday(), figures.resolvedYesterday(), percent(figures.onTimeRateYesterday()),
                percent(figures.satisfactionRateMonth()), figures.openOverdue(), baseUrl + "/dashboard"};
        String subject = messages.getMessage("notify.DIGEST.subject", args, Locale.SIMPLIFIED_CHINESE);
        String body = messages.getMessage("notify.DIGEST.body", args, Locale.SIMPLIFIED_CHINESE);
        CaseNotices.Notice none = new CaseNotices.Notice(0, day, subject, null, null, null);
        int n = 0;
        for (StaffMember leader : directory.staffList().stream().filter(s -> s.is(Role.DISTRICT_LEADER)).toList()) {
            for (Channel ch : staffing.channelsOf(leader, WhoHearsWhat.Event.DIGEST)) {
                n += insertMessage("DIGEST:" + day + ":" + ch + ":" + leader.id(), WhoHearsWhat.Event.DIGEST, ch, leader,
                        ch == Channel.EMAIL ? contact(leader.id()).email() : null, none, subject, body, false, now, now);
            }
        }
        return n;
    }

    private static String percent(Double rate) {
        return rate == null ? "—" : String.format(Locale.ROOT, "%.1f%%", rate * 100);
    }

    /**
     * A working morning's patrol reminder (巡查提醒): each grid worker whose last patrol started
     * more than {@code gap} ago, or who never patrolled, is told once that day.
     */
    public int remindPatrols(org.onegrid.gridwork.Patrols patrols, Duration gap) {
        return remindPatrolsAt(patrols, gap, clock.instant());
    }

    /** {@link #remindPatrols} as of {@code now}: nothing on a day off. */
    int remindPatrolsAt(org.onegrid.gridwork.Patrols patrols, Duration gap, Instant now) {
        java.time.LocalDate day = now.atZone(calendars.calendar().zone()).toLocalDate();
        if (!calendars.calendar().isWorkingDay(day)) {
            return 0;
        }
        List<StaffMember> workers = directory.staffList().stream().filter(s -> s.is(Role.GRID_WORKER)).toList();
        java.util.Map<Long, Instant> last = patrols.lastStartedBy(workers.stream().map(StaffMember::id).toList());
        int n = 0;
        for (StaffMember worker : workers) {
            Instant since = last.get(worker.id());
            if (since != null && since.isAfter(now.minus(gap))) {
                continue;
            }
            String lastDay = since == null ? "—" : since.atZone(calendars.calendar().zone()).toLocalDate().toString();
            CaseNotices.Notice notice = new CaseNotices.Notice(0, lastDay, Long.toString(gap.toDays()), null, null, null);
            for (Channel ch : staffing.channelsOf(worker, WhoHearsWhat.Event.PATROL_DUE)) {
                n += insert("PATROL_DUE:" + day + ":" + ch + ":" + worker.id(), WhoHearsWhat.Event.PATROL_DUE, ch, worker,
                        notice, false, now, now);
            }
        }
        return n;
    }

    /**
     * A village meeting's notice (夜话通知): to each staff member on their channels (the village's
     * grid workers and secretary) and by SMS to each resident's phone (who raised a topic), once
     * per meeting and recipient, SMS outside quiet hours. {@code args}: village, time, place, link.
     * Written in the caller's transaction. Returns how many messages were written.
     */
    public int noticeMeeting(long meetingId, List<StaffMember> staff, java.util.Collection<String> residentPhones,
                             Object[] args) {
        Instant now = clock.instant();
        String subject = messages.getMessage("notify.MEETING_NOTICE.subject", args, Locale.SIMPLIFIED_CHINESE);
        String body = messages.getMessage("notify.MEETING_NOTICE.body", args, Locale.SIMPLIFIED_CHINESE);
        int n = toStaff("MEETING_NOTICE:" + meetingId, WhoHearsWhat.Event.MEETING_NOTICE, staff, subject, body, now);
        return n + toResidents("MEETING_NOTICE:" + meetingId, WhoHearsWhat.Event.MEETING_NOTICE, residentPhones, subject, body, now);
    }

    /** One SMS to each resident's phone, once per {@code key} and phone, outside quiet hours (the caller's transaction). */
    private int toResidents(String key, WhoHearsWhat.Event event, java.util.Collection<String> phones, String subject, String body,
                            Instant now) {
        CaseNotices.Notice none = new CaseNotices.Notice(0, null, subject, null, null, null);
        java.time.ZoneId zone = calendars.calendar().zone();
        int n = 0;
        for (String phone : new java.util.TreeSet<>(phones)) {
            n += insertMessage(key + ":SMS:" + phone, event, Channel.SMS, null, phone, none, subject, body, false,
                    SendingPolicy.notBefore(now, zone, false, quietFrom, quietUntil), now);
        }
        return n;
    }

    /**
     * An announcement to the residents of a grid, community or street (通知公告到户): one SMS to each
     * phone the register holds there, outside quiet hours, once per announcement and phone, in
     * the caller's transaction. The phones go to the outbox only; nobody is shown them.
     */
    int announceToResidents(long broadcastId, java.util.Collection<String> phones, String title, String body, Instant now) {
        return toResidents("BROADCAST:" + broadcastId, WhoHearsWhat.Event.BROADCAST, phones, title, title + "：" + body, now);
    }

    /** One message to each staff member on each of their channels, once per {@code key}, channel and person. */
    private int toStaff(String key, WhoHearsWhat.Event event, List<StaffMember> staff, String subject, String body, Instant now) {
        CaseNotices.Notice none = new CaseNotices.Notice(0, null, subject, null, null, null);
        int n = 0;
        for (StaffMember to : staff) {
            for (Channel ch : staffing.channelsOf(to, event)) {
                n += insertMessage(key + ":" + ch + ":" + to.id(), event, ch, to, ch == Channel.EMAIL ? contact(to.id()).email() : null,
                        none, subject, body, false, now, now);
            }
        }
        return n;
    }

    /**
     * A petition's message to the staff its grade tells (信访分级通报): {@code what} is GRADED (a
     * new petition or a regrade) or OVERDUE (a clock ran out), once per {@code once} and person;
     * {@code args}: code, grade, title, due. Written in the caller's transaction.
     */
    public int noticePetition(String what, String once, List<StaffMember> staff, Object[] args) {
        String subject = messages.getMessage("notify.PETITION_" + what + ".subject", args, Locale.SIMPLIFIED_CHINESE);
        String body = messages.getMessage("notify.PETITION_" + what + ".body", args, Locale.SIMPLIFIED_CHINESE);
        return toStaff("PETITION_" + what + ":" + once, WhoHearsWhat.Event.PETITION, staff, subject, body, clock.instant());
    }

    /** An announcement's message to one staff member, on each of their channels (in the caller's transaction). */
    void announce(long broadcastId, StaffMember to, String title, String body, Instant now) {
        CaseNotices.Notice none = new CaseNotices.Notice(0, null, title, null, null, null);
        for (Channel ch : staffing.channelsOf(to, WhoHearsWhat.Event.BROADCAST)) {
            if (ch != Channel.SMS) {
                insertMessage("BROADCAST:" + broadcastId + ":" + ch + ":" + to.id(), WhoHearsWhat.Event.BROADCAST, ch, to,
                        ch == Channel.EMAIL ? contact(to.id()).email() : null, none, title, body, false, now, now);
            }
        }
    }

    /**
     * A resident asks for no more SMS: their phone (by hash) is kept out of every SMS from now on,
     * and the messages still waiting for it are suppressed.
     */
    public void optOutOfSms(long caseId) {
        notices.of(caseId).map(CaseNotices.Notice::reporterPhone).filter(p -> p != null && !p.isBlank()).ifPresent(phone -> {
            tx.executeWithoutResult(status -> {
                jdbc.sql("INSERT INTO sms_opt_out (phone_hash, at) VALUES (?, ?) ON CONFLICT DO NOTHING")
                        .params(phoneHash(phone), Timestamp.from(clock.instant())).update();
                jdbc.sql("""
                        UPDATE notification SET state = 'SUPPRESSED', last_error = 'the resident opted out of SMS'
                        WHERE channel = 'SMS' AND address = ? AND state = 'PENDING'""").param(phone).update();
            });
        });
    }

    private static String phoneHash(String phone) {
        try {
            byte[] digest = java.security.MessageDigest.getInstance("SHA-256")
                    .digest(phone.replaceAll("[^0-9]", "").getBytes(java.nio.charset.StandardCharsets.UTF_8));
            return java.util.HexFormat.of().formatHex(digest);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Claims the messages due now and sends them; returns how many went out. */
    public int deliverDue() {
        Instant now = clock.instant();
        List<Message> claimed = jdbc.sql("""
                UPDATE notification SET state = 'SENDING', claimed_until = ?
                WHERE id IN (SELECT id FROM notification
                             WHERE (state = 'PENDING' AND next_attempt_at <= ?) OR (state = 'SENDING' AND claimed_until < ?)
                             ORDER BY next_attempt_at, id LIMIT 50 FOR UPDATE SKIP LOCKED)
                RETURNING *""")
                .params(Timestamp.from(now.plus(CLAIM)), Timestamp.from(now), Timestamp.from(now)).query(MESSAGE).list();
        int sent = 0;
        for (Message m : claimed) {
            sent += deliver(m, now) ? 1 : 0;
        }
        return sent;
    }

    private boolean deliver(Message m, Instant now) {
        try {
            switch (m.channel()) {
                case IN_APP -> { }
                case EMAIL -> {
                    JavaMailSender sender = mail.getIfAvailable();
                    if (sender == null || m.address() == null) {
                        return suppress(m, "no mail server configured or no address");
                    }
                    sender.send(mime -> {
                        var message = new org.springframework.mail.javamail.MimeMessageHelper(mime, "UTF-8");
                        message.setFrom(mailFrom);
                        message.setTo(m.address());
                        message.setSubject(m.subject());
                        message.setText(m.body());
                        mime.setHeader("X-OneGrid-Message", Long.toString(m.id()));
                    });
                }
                case SMS -> {
                    if (!sms.configured()) {
                        return suppress(m, "no SMS gateway configured");
                    }
                    boolean optedOut = jdbc.sql("SELECT count(*) FROM sms_opt_out WHERE phone_hash = ?")
                            .param(phoneHash(m.address())).query(Long.class).single() > 0;
                    if (optedOut) {
                        return suppress(m, "the resident opted out of SMS");
                    }
                    long today = jdbc.sql("""
                            SELECT count(*) FROM notification WHERE channel = 'SMS' AND address = ? AND state = 'SENT'
                            AND sent_at >= ?""").params(m.address(), Timestamp.from(startOfDay(now))).query(Long.class).single();
                    if (SendingPolicy.overDailyLimit(today, dailySmsLimit)) {
                        return suppress(m, "over the daily limit of " + dailySmsLimit + " messages to this phone");
                    }
                    sms.send(m.id(), m.address(), "onegrid." + m.event(), m.body());
                }
                default -> throw new IllegalStateException("unknown channel");
            }
            jdbc.sql("UPDATE notification SET state = 'SENT', sent_at = ?, attempts = attempts + 1, claimed_until = NULL WHERE id = ?")
                    .params(Timestamp.from(clock.instant()), m.id()).update();
            return true;
        } catch (RuntimeException failed) {
            int attempts = m.attempts() + 1;
            Instant retry = SendingPolicy.retryAt(now, attempts, retryBase, maxAttempts);
            String reason = failed.getMessage() == null ? failed.getClass().getSimpleName() : failed.getMessage();
            reason = reason.length() > 900 ? reason.substring(0, 900) : reason;
            jdbc.sql("""
                    UPDATE notification SET state = ?, attempts = ?, next_attempt_at = coalesce(?, next_attempt_at),
                           last_error = ?, claimed_until = NULL WHERE id = ?""")
                    .params(retry == null ? "FAILED" : "PENDING", attempts, retry == null ? null : Timestamp.from(retry), reason,
                            m.id()).update();
            // The message id only: never a phone number or an address in a log line.
            log.warn("Notification {} ({} {}) attempt {} failed: {}", m.id(), m.channel(), m.event(), attempts,
                    org.onegrid.errors.LogSafe.text(reason));
            return false;
        }
    }

    private Instant startOfDay(Instant now) {
        ZoneId zone = calendars.calendar().zone();
        return now.atZone(zone).toLocalDate().atStartOfDay(zone).toInstant();
    }

    private boolean suppress(Message m, String why) {
        jdbc.sql("UPDATE notification SET state = 'SUPPRESSED', last_error = ?, claimed_until = NULL WHERE id = ?")
                .params(why, m.id()).update();
        return false;
    }

    /** A text message about a case, as its reporter sees it on the tracking page (no address). */
    public record ResidentMessage(String event, String body, String state, java.time.OffsetDateTime createdAt) {
    }

    /** The text messages written for the reporter of a case, oldest first (for the tracking page, after its check). */
    public List<ResidentMessage> residentMessages(String caseCode) {
        ZoneId zone = calendars.calendar().zone();
        return jdbc.sql("""
                SELECT event, body, state, created_at FROM notification
                WHERE case_code = ? AND channel = 'SMS' ORDER BY created_at, id""").param(caseCode)
                .query((rs, i) -> new ResidentMessage(rs.getString(1), rs.getString(2), rs.getString(3),
                        ts(rs, "created_at").atZone(zone).toOffsetDateTime()))
                .list();
    }

    /** A staff member's in-app messages, the newest first. */
    public List<Message> inbox(StaffMember me, int limit) {
        return jdbc.sql("SELECT * FROM notification WHERE staff_id = ? AND channel = 'IN_APP' ORDER BY created_at DESC, id DESC LIMIT ?")
                .params(me.id(), Math.max(1, Math.min(limit, 200))).query(MESSAGE).list();
    }

    public long unread(StaffMember me) {
        return jdbc.sql("SELECT count(*) FROM notification WHERE staff_id = ? AND channel = 'IN_APP' AND read_at IS NULL")
                .param(me.id()).query(Long.class).single();
    }

    public void markRead(long id, StaffMember me) {
        jdbc.sql("UPDATE notification SET read_at = ? WHERE id = ? AND staff_id = ? AND read_at IS NULL")
                .params(Timestamp.from(clock.instant()), id, me.id()).update();
    }

    /** Messages that failed for good, for the command centre to see and resend; addresses masked. */
    public List<Message> failed(StaffMember viewer, int limit) {
        requireOperator(viewer);
        return jdbc.sql("SELECT * FROM notification WHERE state = 'FAILED' ORDER BY created_at DESC LIMIT ?")
                .param(Math.max(1, Math.min(limit, 500))).query(MESSAGE).list().stream().map(Outbox::masked).toList();
    }

    /** Puts a failed message back in line, with its attempts counted from zero. */
    public Message resend(long id, StaffMember viewer) {
        requireOperator(viewer);
        int changed = jdbc.sql("""
                UPDATE notification SET state = 'PENDING', attempts = 0, next_attempt_at = ?, last_error = NULL
                WHERE id = ? AND state IN ('FAILED', 'SUPPRESSED')""").params(Timestamp.from(clock.instant()), id).update();
        if (changed == 0) {
            throw Refusal.illegalInState("not-failed", "only a failed or suppressed message is resent").with("id", id);
        }
        return jdbc.sql("SELECT * FROM notification WHERE id = ?").param(id).query(MESSAGE).optional().map(Outbox::masked)
                .orElseThrow(() -> ApiProblemException.notFound("notification", id));
    }

    private static void requireOperator(StaffMember viewer) {
        if (!(viewer.is(Role.ADMIN) || viewer.is(Role.DISPATCHER))) {
            throw Refusal.notPermitted("failed messages are for administrators and dispatchers");
        }
    }

    private static Message masked(Message m) {
        String a = m.address();
        String shown = a == null ? null : a.contains("@") ? a.replaceAll("^[^@]{0,2}[^@]*@", "***@")
                : org.onegrid.security.PersonalDataPolicy.maskPhone(a);
        return new Message(m.id(), m.event(), m.channel(), m.staffId(), shown, m.caseId(), m.caseCode(), m.subject(),
                m.body(), m.urgent(), m.state(), m.attempts(), m.nextAttemptAt(), m.lastError(), m.createdAt(), m.sentAt(),
                m.readAt());
    }

    private static Instant ts(java.sql.ResultSet rs, String column) throws java.sql.SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }
}
