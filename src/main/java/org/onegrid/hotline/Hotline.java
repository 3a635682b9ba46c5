package org.onegrid.hotline;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.onegrid.cases.CaseAction;
import org.onegrid.cases.CaseDetails;
import org.onegrid.cases.CaseIntake;
import org.onegrid.cases.CaseViews;
import org.onegrid.cases.Channel;
import org.onegrid.cases.NewCase;
import org.onegrid.cases.TransitionFeed;
import org.onegrid.directory.Role;
import org.onegrid.directory.StaffMember;
import org.onegrid.errors.ApiProblemException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The connector's work: take new orders (each once, by its order id, as a case on the 12345
 * channel), acknowledge them; fold the timeline of those cases into updates numbered per order,
 * in the same transaction as the feed position (so none is lost or written twice); deliver each
 * order's updates in their order, the next only after the one before was accepted, retrying with
 * a growing wait. With {@code onegrid.hotline.base-url} set, it runs by itself.
 */
@Service
public class Hotline {

    private static final Logger log = LoggerFactory.getLogger(Hotline.class);
    /** Who the timeline names for orders taken from the platform. */
    public static final StaffMember PLATFORM = new StaffMember(0, "hotline:12345", "12345热线平台", Role.INTAKE_AGENT, null);
    private static final StaffMember READER = new StaffMember(0, "system:hotline", "12345", Role.DISTRICT_LEADER, null);
    private static final long LOCK_KEY = 0x0_486F_746CL;
    private static final Duration MAX_WAIT = Duration.ofMinutes(10);

    private final JdbcClient jdbc;
    private final TransactionTemplate tx;
    private final CaseIntake intake;
    private final CaseViews cases;
    private final TransitionFeed feed;
    private final ObjectMapper json;
    private final Clock clock;
    private final Optional<HotlinePlatform> configured;

    Hotline(JdbcClient jdbc, TransactionTemplate tx, CaseIntake intake, CaseViews cases, TransitionFeed feed, ObjectMapper json,
            Clock clock, @Value("${onegrid.hotline.base-url:}") String baseUrl, @Value("${onegrid.hotline.token:}") String token) {
        this.jdbc = jdbc;
        this.tx = tx;
        this.intake = intake;
        this.cases = cases;
        this.feed = feed;
        this.json = json;
        this.clock = clock;
        this.configured = baseUrl.isBlank() ? Optional.empty() : Optional.of(new JsonHotlinePlatform(baseUrl, token, json));
    }

    @Scheduled(fixedDelayString = "${onegrid.hotline.pull-every:PT1M}", initialDelayString = "${onegrid.hotline.pull-every:PT1M}")
    @net.javacrumbs.shedlock.spring.annotation.SchedulerLock(name = "hotline-pull", lockAtMostFor = "PT2M")
    void scheduledPull() {
        configured.ifPresent(p -> {
            try {
                pull(p);
            } catch (IOException unreachable) {
                log.warn("12345 platform: new orders could not be read: {}", unreachable.getMessage());
            }
        });
    }

    @Scheduled(fixedDelayString = "${onegrid.hotline.send-every:PT5S}", initialDelayString = "${onegrid.hotline.send-every:PT5S}")
    @net.javacrumbs.shedlock.spring.annotation.SchedulerLock(name = "hotline-send", lockAtMostFor = "PT30S")
    void scheduledSend() {
        if (configured.isPresent()) {
            fold();
            deliver(configured.get());
        }
    }

    // ---- orders in ------------------------------------------------------------------------------

    /** Takes the platform's new orders as cases (an order taken before is not taken again) and acknowledges each; how many new. */
    public int pull(HotlinePlatform platform) throws IOException {
        int taken = 0;
        for (HotlinePlatform.Order o : platform.newOrders()) {
            if (o.orderId() == null || o.orderId().isBlank() || o.orderId().length() > 64) {
                log.warn("12345 platform: an order without a usable id was left");
                continue;
            }
            Optional<String> known = jdbc.sql("SELECT case_code FROM hotline_order WHERE order_id = ? AND acked_at IS NOT NULL")
                    .param(o.orderId()).query(String.class).optional();
            if (known.isPresent()) {
                continue;
            }
            String category = o.category() == null ? null : jdbc.sql("SELECT category_code FROM hotline_category_map WHERE their_code = ?")
                    .param(o.category()).query(String.class).optional().orElse(null);
            CaseDetails c;
            try {
                c = intake.receive(new NewCase(Channel.HOTLINE_12345, shorten(o.title() == null ? "12345工单 " + o.orderId() : o.title(), 200),
                        shorten(o.content() == null ? o.title() : o.content(), 4000), o.lat(), o.lng(), o.address(), category,
                        o.callerName(), o.callerPhone()), PLATFORM, "hotline-order:" + o.orderId()).details();
            } catch (ApiProblemException refused) {
                log.warn("12345 platform: order {} could not be taken: {}", o.orderId(), refused.getMessage());
                continue;
            }
            int inserted = jdbc.sql("""
                    INSERT INTO hotline_order (order_id, case_id, case_code, their_category, received_at) VALUES (?, ?, ?, ?, ?)
                    ON CONFLICT (order_id) DO NOTHING""")
                    .params(o.orderId(), c.id(), c.code(), o.category(), Timestamp.from(clock.instant())).update();
            platform.acknowledge(o.orderId(), c.code());
            jdbc.sql("UPDATE hotline_order SET acked_at = ? WHERE order_id = ?").params(Timestamp.from(clock.instant()), o.orderId())
                    .update();
            taken += inserted;
        }
        return taken;
    }

    private static String shorten(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max);
    }

    // ---- updates out ----------------------------------------------------------------------------

    /** What the platform hears of each of our transitions; others are not sent. */
    static Optional<String> kindOf(CaseAction action) {
        return Optional.ofNullable(switch (action) {
            case ACCEPT -> "SIGNED";
            case RESOLVE -> "RESULT";
            case RETURN -> "RETURNED";
            case RATE -> "RATING";
            case DISPATCH, VERIFY, APPROVE_EXTENSION, REPORT_IN, ESCALATE -> "PROGRESS";
            default -> null;
        });
    }

    /** Folds the timeline committed since the last fold into the updates of hotline cases; how many updates. */
    public int fold() {
        Integer written = tx.execute(status -> {
            TransitionFeed.Position at = jdbc.sql("SELECT tx, event_id FROM hotline_feed_position WHERE id = 1 FOR UPDATE")
                    .query((rs, i) -> new TransitionFeed.Position(rs.getString(1), rs.getLong(2))).single();
            TransitionFeed.Batch batch = feed.read(at, 500);
            Map<Long, String> orders = new HashMap<>();
            if (!batch.transitions().isEmpty()) {
                Long[] ids = batch.transitions().stream().map(TransitionFeed.Transition::caseId).distinct().toArray(Long[]::new);
                jdbc.sql("SELECT case_id, order_id FROM hotline_order WHERE case_id = ANY(?)").param(ids)
                        .query((java.sql.ResultSet rs) -> {
                            orders.put(rs.getLong(1), rs.getString(2));
                        });
            }
            int n = 0;
            for (TransitionFeed.Transition t : batch.transitions()) {
                String order = orders.get(t.caseId());
                Optional<String> kind = kindOf(t.action());
                if (order == null || kind.isEmpty()) {
                    continue;
                }
                CaseDetails c = cases.summary(t.caseId(), READER);
                Map<String, Object> body = new LinkedHashMap<>();
                int seq = jdbc.sql("SELECT coalesce(max(seq), 0) + 1 FROM hotline_update WHERE order_id = ?").param(order)
                        .query(Integer.class).single();
                body.put("orderId", order);
                body.put("seq", seq);
                body.put("kind", kind.get());
                body.put("at", t.at().toString());
                body.put("caseCode", c.code());
                body.put("unit", c.ownerUnit() == null ? null : c.ownerUnit().name());
                body.put("text", switch (kind.get()) {
                    case "RESULT" -> c.resolution();
                    case "RATING" -> "回访评价 " + t.stars() + " 星";
                    case "SIGNED" -> "已签收";
                    case "RETURNED" -> "已退回";
                    default -> t.action().name();
                });
                body.put("stars", t.stars());
                n += jdbc.sql("""
                        INSERT INTO hotline_update (order_id, seq, kind, body, event_id, next_attempt_at) VALUES (?, ?, ?, ?, ?, ?)
                        ON CONFLICT (event_id) DO NOTHING""")
                        .params(order, seq, kind.get(), write(body), t.eventId(), Timestamp.from(clock.instant())).update();
            }
            jdbc.sql("UPDATE hotline_feed_position SET tx = ?, event_id = ? WHERE id = 1")
                    .params(batch.next().tx(), batch.next().eventId()).update();
            return n;
        });
        return written == null ? 0 : written;
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException impossible) {
            throw new IllegalStateException(impossible);
        }
    }

    /**
     * Sends what is due: the first pending update of each order (the next waits for it), once
     * accepted marked sent; a failure waits 2, 4, 8... seconds (at most 10 minutes) before the
     * next try. One instance delivers at a time. Returns how many were accepted.
     */
    public int deliver(HotlinePlatform platform) {
        return tx.execute(status -> {
            if (!jdbc.sql("SELECT pg_try_advisory_xact_lock(?)").param(LOCK_KEY).query(Boolean.class).single()) {
                return 0;
            }
            Instant now = clock.instant();
            List<HotlinePlatform.Update> due = jdbc.sql("""
                    SELECT u.id, u.order_id, u.seq, u.kind, u.body FROM hotline_update u
                    WHERE u.state = 'PENDING' AND u.next_attempt_at <= ?
                      AND NOT EXISTS (SELECT 1 FROM hotline_update e WHERE e.order_id = u.order_id AND e.state = 'PENDING' AND e.seq < u.seq)
                    ORDER BY u.id LIMIT 100""").param(Timestamp.from(now))
                    .query((rs, i) -> new HotlinePlatform.Update(rs.getLong(1), rs.getString(2), rs.getInt(3), rs.getString(4),
                            rs.getString(5))).list();
            int sent = 0;
            for (HotlinePlatform.Update u : due) {
                try {
                    platform.send(u);
                    jdbc.sql("UPDATE hotline_update SET state = 'SENT', sent_at = ?, attempts = attempts + 1 WHERE id = ?")
                            .params(Timestamp.from(clock.instant()), u.id()).update();
                    sent++;
                } catch (IOException failed) {
                    int attempts = jdbc.sql("UPDATE hotline_update SET attempts = attempts + 1, last_error = ? WHERE id = ? RETURNING attempts")
                            .params(shorten(String.valueOf(failed.getMessage()), 1000), u.id()).query(Integer.class).single();
                    Duration wait = Duration.ofSeconds(1L << Math.min(attempts, 10));
                    jdbc.sql("UPDATE hotline_update SET next_attempt_at = ? WHERE id = ?")
                            .params(Timestamp.from(clock.instant().plus(wait.compareTo(MAX_WAIT) > 0 ? MAX_WAIT : wait)), u.id()).update();
                }
            }
            return sent;
        });
    }

    /** The order a case came from, if it came from the platform. */
    public Optional<String> orderOf(long caseId) {
        return jdbc.sql("SELECT order_id FROM hotline_order WHERE case_id = ?").param(caseId).query(String.class).optional();
    }
}
