package org.onegrid.gridwork;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.onegrid.audit.AuditLog;
import org.onegrid.cases.CaseDetails;
import org.onegrid.cases.CaseIntake;
import org.onegrid.cases.Channel;
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
 * Inspections (检查) of a place (a shop, a construction site, a compound) against a checklist the
 * administrator defines. Each failed item opens a case at the place ({@link InspectionPolicy});
 * a retried inspection under the same key records nothing new.
 */
@Service
public class Inspections {

    public static final int MAX_ITEMS = 50;

    public record Checklist(long id, String name, String placeKind, List<String> items) {
    }

    public record NewChecklist(String name, String placeKind, List<String> items) {
    }

    public record ItemResult(Integer item, Boolean passed, String note) {
    }

    public record NewInspection(Long checklistId, String placeName, Double lat, Double lng, String categoryCode,
                                List<ItemResult> results) {
    }

    public record ItemOutcome(int item, String text, boolean passed, String note, Long caseId, String caseCode) {
    }

    public record Inspection(long id, String checklist, String username, String placeName, double lat, double lng,
                             String gridCode, Instant at, int failed, List<ItemOutcome> items) {
    }

    private final JdbcClient jdbc;
    private final TransactionTemplate tx;
    private final CaseIntake intake;
    private final GridService grids;
    private final DirectoryService directory;
    private final AuditLog audit;
    private final Clock clock;

    Inspections(JdbcClient jdbc, TransactionTemplate tx, CaseIntake intake, GridService grids, DirectoryService directory,
                AuditLog audit, Clock clock) {
        this.jdbc = jdbc;
        this.tx = tx;
        this.intake = intake;
        this.grids = grids;
        this.directory = directory;
        this.audit = audit;
        this.clock = clock;
    }

    public Checklist defineChecklist(NewChecklist checklist, StaffMember admin) {
        if (!admin.is(Role.ADMIN)) {
            throw Refusal.notPermitted("checklists are defined by an administrator");
        }
        Validation v = new Validation();
        String name = v.requiredText("name", checklist.name(), Validation.MAX_NAME);
        String kind = v.requiredText("placeKind", checklist.placeKind(), 32);
        List<String> items = checklist.items() == null ? List.of() : checklist.items();
        if (items.isEmpty() || items.size() > MAX_ITEMS) {
            v.reject("items", "list from 1 to " + MAX_ITEMS + " items");
        }
        List<String> texts = new ArrayList<>();
        for (int i = 0; i < items.size() && i < MAX_ITEMS; i++) {
            texts.add(v.requiredText("items[" + i + "]", items.get(i), Validation.MAX_NAME));
        }
        v.throwIfInvalid();
        long id = jdbc.sql("""
                INSERT INTO checklist (name, place_kind, items) VALUES (?, ?, ?)
                ON CONFLICT (name) DO UPDATE SET place_kind = EXCLUDED.place_kind, items = EXCLUDED.items RETURNING id
                """).params(name, kind, texts.toArray(String[]::new)).query(Long.class).single();
        audit.record(admin.username(), "checklist.define", "checklist " + id, name + ", " + texts.size() + " items");
        return checklist(id).orElseThrow();
    }

    public List<Checklist> checklists() {
        return jdbc.sql("SELECT id, name, place_kind, items FROM checklist ORDER BY id").query((rs, i) -> new Checklist(
                rs.getLong(1), rs.getString(2), rs.getString(3), Arrays.asList((String[]) rs.getArray(4).getArray()))).list();
    }

    public Optional<Checklist> checklist(long id) {
        return checklists().stream().filter(c -> c.id() == id).findFirst();
    }

    /** Records an inspection; each failed item opens a case at the place. */
    public Inspection inspect(NewInspection inspection, StaffMember inspector, String idempotencyKey) {
        return inspectAt(inspection, inspector, idempotencyKey, clock.instant());
    }

    /** Records an inspection made at {@code at} (the demo district's past ones), as {@link #inspect}. */
    public Inspection inspectAt(NewInspection inspection, StaffMember inspector, String idempotencyKey, Instant at) {
        if (!(inspector.is(Role.GRID_WORKER) || inspector.is(Role.UNIT_HANDLER) || inspector.is(Role.UNIT_LEADER))) {
            throw Refusal.notPermitted("inspections are made by grid workers and unit staff");
        }
        Validation v = new Validation();
        String key = v.optionalText("Idempotency-Key", idempotencyKey, Patrols.MAX_KEY);
        v.required("checklistId", inspection.checklistId());
        Optional<Checklist> checklist = inspection.checklistId() == null ? Optional.empty() : checklist(inspection.checklistId());
        if (inspection.checklistId() != null && checklist.isEmpty()) {
            v.reject("checklistId", "no checklist " + inspection.checklistId());
        }
        String place = v.requiredText("placeName", inspection.placeName(), Validation.MAX_NAME);
        v.required("lat", inspection.lat());
        v.required("lng", inspection.lng());
        v.range("lat", inspection.lat(), -90, 90);
        v.range("lng", inspection.lng(), -180, 180);
        checklist.ifPresent(c -> InspectionPolicy.check(v, c.items().size(), inspection.results()));
        v.throwIfInvalid();
        if (key != null) {
            Optional<Long> replay = jdbc.sql("SELECT id FROM inspection WHERE staff_id = ? AND idempotency_key = ?")
                    .params(inspector.id(), key).query(Long.class).optional();
            if (replay.isPresent()) {
                return get(replay.get());
            }
        }
        List<ItemResult> results = inspection.results().stream()
                .sorted(java.util.Comparator.comparing(ItemResult::item)).toList();
        // The cases first, each under its own key: a retry after a crash finds them again.
        String caseKeyBase = key == null ? java.util.UUID.randomUUID().toString() : key;
        List<CaseDetails> cases = new ArrayList<>();
        for (ItemResult r : results) {
            if (r.passed()) {
                cases.add(null);
                continue;
            }
            String item = checklist.get().items().get(r.item() - 1);
            String title = (place + "：" + item);
            CaseDetails c = intake.receiveAt(new NewCase(Channel.INSPECTION, title.length() > 200 ? title.substring(0, 200) : title,
                    r.note(), inspection.lat(), inspection.lng(), place, inspection.categoryCode(), null, null),
                    inspector, "inspection:" + caseKeyBase + ":" + r.item(), at).details();
            cases.add(c);
        }
        String grid = grids.locate(inspection.lat(), inspection.lng()).map(GridLocation::gridCode).orElse(null);
        long failed = results.stream().filter(r -> !r.passed()).count();
        Long id = tx.execute(status -> {
            Optional<Long> raced = key == null ? Optional.empty()
                    : jdbc.sql("SELECT id FROM inspection WHERE staff_id = ? AND idempotency_key = ?")
                            .params(inspector.id(), key).query(Long.class).optional();
            if (raced.isPresent()) {
                return raced.get();
            }
            long created = jdbc.sql("""
                    INSERT INTO inspection (checklist_id, staff_id, place_name, lat, lng, grid_code, at, failed, idempotency_key)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING RETURNING id""")
                    .params(inspection.checklistId(), inspector.id(), place, inspection.lat(), inspection.lng(), grid,
                            Timestamp.from(at), (int) failed, key)
                    .query(Long.class).single();
            for (int i = 0; i < results.size(); i++) {
                ItemResult r = results.get(i);
                jdbc.sql("""
                        INSERT INTO inspection_item (inspection_id, item_no, passed, note, case_id, case_code)
                        VALUES (?, ?, ?, ?, ?, ?)""")
                        .params(created, r.item(), r.passed(), r.note() == null || r.note().isBlank() ? null : r.note(),
                                cases.get(i) == null ? null : cases.get(i).id(), cases.get(i) == null ? null : cases.get(i).code())
                        .update();
            }
            return created;
        });
        return get(id);
    }

    public Inspection get(long id) {
        return list("i.id = ?", id).stream().findFirst().orElseThrow(() -> ApiProblemException.notFound("inspection", id));
    }

    /** A person's inspections in [from, to), the latest first. */
    public List<Inspection> of(long staffId, Instant from, Instant to) {
        return list("i.staff_id = ? AND i.at >= ? AND i.at < ?", staffId, Timestamp.from(from), Timestamp.from(to));
    }

    /** The inspections in grids under {@code prefix} in [from, to), the latest first. */
    public List<Inspection> under(String prefix, Instant from, Instant to) {
        return list("i.grid_code LIKE ? AND i.at >= ? AND i.at < ?", prefix + "%", Timestamp.from(from), Timestamp.from(to));
    }

    private List<Inspection> list(String where, Object... params) {
        return jdbc.sql("""
                SELECT i.id, c.name, c.items, i.staff_id, i.place_name, i.lat, i.lng, i.grid_code, i.at, i.failed
                FROM inspection i JOIN checklist c ON c.id = i.checklist_id WHERE %s ORDER BY i.at DESC, i.id DESC LIMIT 500"""
                        .formatted(where))
                .params(params)
                .query((rs, n) -> {
                    long id = rs.getLong(1);
                    String[] texts = (String[]) rs.getArray(3).getArray();
                    return new Inspection(id, rs.getString(2), directory.staff(rs.getLong(4)).map(StaffMember::username).orElse(null),
                            rs.getString(5), rs.getDouble(6), rs.getDouble(7), rs.getString(8), rs.getTimestamp(9).toInstant(),
                            rs.getInt(10), items(id, texts));
                })
                .list();
    }

    private List<ItemOutcome> items(long inspectionId, String[] texts) {
        return jdbc.sql("SELECT item_no, passed, note, case_id, case_code FROM inspection_item WHERE inspection_id = ? ORDER BY item_no")
                .param(inspectionId)
                .query((rs, i) -> {
                    int no = rs.getInt(1);
                    Long caseId = (Long) rs.getObject(4);
                    return new ItemOutcome(no, no <= texts.length ? texts[no - 1] : "?", rs.getBoolean(2), rs.getString(3),
                            caseId, rs.getString(5));
                }).list();
    }
}
