package org.onegrid.ledger;

import java.io.IOException;
import java.io.OutputStream;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.onegrid.audit.AuditLog;
import org.onegrid.calendar.CalendarService;
import org.onegrid.directory.DirectoryService;
import org.onegrid.directory.Role;
import org.onegrid.directory.StaffMember;
import org.onegrid.directory.Unit;
import org.onegrid.errors.ApiProblemException;
import org.onegrid.errors.Validation;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Assignment sheets (督查交办单): a supervision team lists items, each with an owning unit and a
 * due date, under a programme (专项行动) if any; each item stays open until its owner crosses it
 * off (销号) with the result. Open items past their due date are overdue. The sheets of a
 * programme are its ledger (台账).
 */
@Service
public class AssignmentSheets {

    /** Who may issue sheets: the command centre's dispatchers, district leaders, administrators. */
    public static final Set<Role> ISSUERS = EnumSet.of(Role.DISPATCHER, Role.DISTRICT_LEADER, Role.ADMIN);
    public static final int MAX_ITEMS = 500;

    public record NewItem(String content, Long ownerUnitId, LocalDate dueDate, Long caseId) {
    }

    public record NewSheet(String title, String programme, List<NewItem> items) {
    }

    public enum ItemState { OPEN, OVERDUE, CROSSED_OFF }

    public record Item(int seq, String content, long ownerUnitId, String ownerUnitName, LocalDate dueDate, Long caseId,
                       ItemState state, Instant crossedOffAt, String crossedOffBy, String result) {
    }

    public record Sheet(long id, String title, String programme, String issuedBy, Instant issuedAt, int items,
                        int crossedOff, int overdue, List<Item> itemList) {
    }

    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final DirectoryService directory;
    private final CalendarService calendars;
    private final AuditLog audit;
    private final Clock clock;
    private final MessageSource messages;

    AssignmentSheets(JdbcClient jdbc, TransactionTemplate transactions, DirectoryService directory,
                     CalendarService calendars, AuditLog audit, Clock clock, MessageSource messages) {
        this.messages = messages;
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.directory = directory;
        this.calendars = calendars;
        this.audit = audit;
        this.clock = clock;
    }

    /** Issues a sheet; a retry with the same idempotency key answers with the first sheet. */
    public Sheet issue(NewSheet sheet, String idempotencyKey, StaffMember issuer) {
        if (!ISSUERS.contains(issuer.role())) {
            throw ApiProblemException.forbidden("a " + issuer.role() + " may not issue assignment sheets");
        }
        Validation v = new Validation();
        String title = v.requiredText("title", sheet == null ? null : sheet.title(), Validation.MAX_NAME);
        String programme = sheet == null ? null : v.optionalText("programme", sheet.programme(), Validation.MAX_NAME);
        String key = v.optionalText("Idempotency-Key", idempotencyKey, 200);
        List<NewItem> items = sheet == null || sheet.items() == null ? List.of() : sheet.items();
        if (items.isEmpty() || items.size() > MAX_ITEMS) {
            v.reject("items", "list 1 to " + MAX_ITEMS + " items");
        }
        LocalDate today = today();
        for (int i = 0; i < items.size(); i++) {
            NewItem item = items.get(i);
            String at = "items[" + i + "].";
            if (item == null) {
                v.reject("items[" + i + "]", "is empty");
                continue;
            }
            v.requiredText(at + "content", item.content(), Validation.MAX_TEXT);
            if (item.ownerUnitId() == null) {
                v.reject(at + "ownerUnitId", "is required");
            } else if (directory.unit(item.ownerUnitId()).isEmpty()) {
                v.reject(at + "ownerUnitId", "unit " + item.ownerUnitId() + " does not exist");
            }
            if (item.dueDate() == null) {
                v.reject(at + "dueDate", "is required");
            } else if (item.dueDate().isBefore(today)) {
                v.reject(at + "dueDate", "must not be in the past");
            }
        }
        v.throwIfInvalid();
        Instant now = clock.instant();
        long id = transactions.execute(tx -> {
            Optional<Long> inserted = jdbc.sql("""
                            INSERT INTO assignment_sheet (title, programme, issued_by, issued_at, idempotency_key)
                            VALUES (?, ?, ?, ?, ?)
                            ON CONFLICT (issued_by, idempotency_key) WHERE idempotency_key IS NOT NULL DO NOTHING
                            RETURNING id""")
                    .params(title, programme, issuer.username(), Timestamp.from(now), key).query(Long.class).optional();
            if (inserted.isEmpty()) {
                return jdbc.sql("SELECT id FROM assignment_sheet WHERE issued_by = ? AND idempotency_key = ?")
                        .params(issuer.username(), key).query(Long.class).single();
            }
            for (int i = 0; i < items.size(); i++) {
                NewItem item = items.get(i);
                jdbc.sql("""
                                INSERT INTO assignment_item (sheet_id, seq, content, owner_unit_id, due_date, case_id)
                                VALUES (?, ?, ?, ?, ?, ?)""")
                        .params(inserted.get(), i + 1, item.content().strip(), item.ownerUnitId(),
                                Date.valueOf(item.dueDate()), item.caseId())
                        .update();
            }
            audit.record(issuer.username(), "assignment-sheet.issue", "assignment_sheet:" + inserted.get(),
                    title + " (" + items.size() + " items)");
            return inserted.get();
        });
        return get(id);
    }

    public Sheet get(long id) {
        Map<Long, Sheet> found = sheets("WHERE s.id = ?", List.of(id), true);
        if (found.isEmpty()) {
            throw ApiProblemException.notFound("assignment sheet", id);
        }
        return found.get(id);
    }

    /** Sheets newest first, of a programme if given, with their progress (items not listed). */
    public List<Sheet> list(String programme) {
        return List.copyOf(programme == null || programme.isBlank()
                ? sheets("", List.of(), false).values()
                : sheets("WHERE s.programme = ?", List.of(programme.strip()), false).values());
    }

    /** Open items owned by {@code unitId}, the earliest due first. */
    public List<Item> openItemsOf(long unitId) {
        return items("WHERE owner_unit_id = ? AND crossed_off_at IS NULL ORDER BY due_date, sheet_id, seq", List.of(unitId))
                .stream().map(r -> r.item).toList();
    }

    /** 销号: the owning unit crosses an item off with what it did. */
    public Sheet crossOff(long sheetId, int seq, String result, StaffMember actor) {
        Validation v = new Validation();
        String done = v.requiredText("result", result, Validation.MAX_TEXT);
        v.throwIfInvalid();
        Sheet sheet = get(sheetId);
        Item item = sheet.itemList().stream().filter(i -> i.seq() == seq).findFirst()
                .orElseThrow(() -> ApiProblemException.notFound("assignment item", sheetId + "/" + seq));
        if (!actor.worksFor(item.ownerUnitId())
                || !(actor.role() == Role.UNIT_HANDLER || actor.role() == Role.UNIT_LEADER)) {
            throw ApiProblemException.forbidden("only the owning unit may cross this item off");
        }
        int updated = jdbc.sql("""
                        UPDATE assignment_item SET crossed_off_at = ?, crossed_off_by = ?, result = ?
                        WHERE sheet_id = ? AND seq = ? AND crossed_off_at IS NULL""")
                .params(Timestamp.from(clock.instant()), actor.username(), done, sheetId, seq).update();
        if (updated == 0) {
            throw ApiProblemException.conflict("already-crossed-off", "Already crossed off",
                    "item " + seq + " of sheet " + sheetId + " was crossed off already");
        }
        return get(sheetId);
    }

    /**
     * Writes the sheet as a spreadsheet, one row per item with its owner, due date, state and
     * result; headers and states from the message bundles in {@code locale}.
     */
    public void export(long id, TableWriter.Format format, OutputStream out, Locale locale) throws IOException {
        Sheet sheet = get(id);
        ZoneId zone = calendars.calendar().zone();
        java.util.function.Function<String, String> text = key -> messages.getMessage(key, null, key, locale);
        try (TableWriter writer = TableWriter.of(format, out)) {
            writer.sheet(text.apply("sheet.name") + sheet.id(), Stream.of("sheet.seq", "sheet.content", "sheet.owner",
                    "sheet.dueDate", "sheet.state", "sheet.crossedOffAt", "sheet.crossedOffBy", "sheet.result")
                    .map(text).toList());
            for (Item item : sheet.itemList()) {
                writer.row(Arrays.asList(item.seq(), item.content(), item.ownerUnitName(), item.dueDate().toString(),
                        text.apply("sheet.state." + item.state().name()),
                        item.crossedOffAt() == null ? null : item.crossedOffAt().atZone(zone).toLocalDateTime().toString(),
                        item.crossedOffBy(), item.result()));
            }
            writer.finish();
        }
    }

    private record ItemRow(long sheetId, Item item) {
    }

    private Map<Long, Sheet> sheets(String where, List<Object> params, boolean withItems) {
        LocalDate today = today();
        Map<Long, Sheet> sheets = new LinkedHashMap<>();
        jdbc.sql("""
                        SELECT s.id, s.title, s.programme, s.issued_by, s.issued_at,
                               count(i.seq) AS items, count(i.crossed_off_at) AS crossed_off,
                               count(*) FILTER (WHERE i.crossed_off_at IS NULL AND i.due_date < ?) AS overdue
                        FROM assignment_sheet s LEFT JOIN assignment_item i ON i.sheet_id = s.id
                        """ + where + " GROUP BY s.id ORDER BY s.issued_at DESC, s.id DESC LIMIT 500")
                .params(concat(Date.valueOf(today), params))
                .query(rs -> {
                    sheets.put(rs.getLong("id"), new Sheet(rs.getLong("id"), rs.getString("title"),
                            rs.getString("programme"), rs.getString("issued_by"), rs.getTimestamp("issued_at").toInstant(),
                            rs.getInt("items"), rs.getInt("crossed_off"), rs.getInt("overdue"), null));
                });
        if (withItems) {
            for (Map.Entry<Long, Sheet> e : sheets.entrySet()) {
                Sheet s = e.getValue();
                List<Item> items = items("WHERE sheet_id = ? ORDER BY seq", List.of(e.getKey())).stream()
                        .map(r -> r.item).toList();
                e.setValue(new Sheet(s.id(), s.title(), s.programme(), s.issuedBy(), s.issuedAt(), s.items(),
                        s.crossedOff(), s.overdue(), items));
            }
        }
        return sheets;
    }

    private List<ItemRow> items(String where, List<Object> params) {
        LocalDate today = today();
        return jdbc.sql("SELECT sheet_id, seq, content, owner_unit_id, due_date, case_id, crossed_off_at, crossed_off_by, result"
                        + " FROM assignment_item " + where)
                .params(params)
                .query((rs, i) -> {
                    LocalDate due = rs.getObject("due_date", LocalDate.class);
                    Timestamp crossed = rs.getTimestamp("crossed_off_at");
                    ItemState state = crossed != null ? ItemState.CROSSED_OFF
                            : due.isBefore(today) ? ItemState.OVERDUE : ItemState.OPEN;
                    long unit = rs.getLong("owner_unit_id");
                    return new ItemRow(rs.getLong("sheet_id"), new Item(rs.getInt("seq"), rs.getString("content"), unit,
                            directory.unit(unit).map(Unit::name).orElse(null), due, (Long) rs.getObject("case_id"), state,
                            crossed == null ? null : crossed.toInstant(), rs.getString("crossed_off_by"),
                            rs.getString("result")));
                })
                .list();
    }

    private LocalDate today() {
        ZoneId zone = calendars.calendar().zone();
        return LocalDate.now(clock.withZone(zone));
    }

    private static List<Object> concat(Object first, List<Object> rest) {
        List<Object> all = new ArrayList<>();
        all.add(first);
        all.addAll(rest);
        return all;
    }
}
