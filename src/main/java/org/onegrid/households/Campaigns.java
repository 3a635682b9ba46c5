package org.onegrid.households;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.onegrid.audit.AuditLog;
import org.onegrid.directory.StaffMember;
import org.onegrid.errors.ApiProblemException;
import org.onegrid.errors.Refusal;
import org.onegrid.errors.Validation;
import org.onegrid.grid.GridLevel;
import org.onegrid.grid.GridService;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Door-to-door campaigns (入户走访): a screening, a census or a notice to deliver over chosen base
 * grids, with a checklist each household is checked against once. Progress per grid and per
 * worker counts the households checked; the households not yet reached are listed.
 */
@Service
public class Campaigns {

    public enum Kind { SCREENING, CENSUS, NOTICE }

    public record NewCampaign(String title, String kind, List<String> gridCodes, List<String> checklist, LocalDate startsOn,
                              LocalDate endsOn) {
    }

    public record Campaign(long id, String title, Kind kind, List<String> gridCodes, List<String> checklist, LocalDate startsOn,
                           LocalDate endsOn, String createdBy) {
    }

    public record Check(Long householdId, List<Boolean> answers, String note) {
    }

    public record GridProgress(String gridCode, long households, long checked) {
    }

    public record WorkerProgress(String name, long checked) {
    }

    public record Progress(long campaignId, long households, long checked, List<GridProgress> grids, List<WorkerProgress> workers) {
    }

    /** Campaigns at most span this many grids (a street's). */
    static final int MAX_GRIDS = 2000;

    private final JdbcClient jdbc;
    private final TransactionTemplate tx;
    private final HouseholdRegister register;
    private final GridService grids;
    private final AuditLog audit;
    private final Clock clock;

    Campaigns(JdbcClient jdbc, TransactionTemplate tx, HouseholdRegister register, GridService grids, AuditLog audit, Clock clock) {
        this.jdbc = jdbc;
        this.tx = tx;
        this.register = register;
        this.grids = grids;
        this.audit = audit;
        this.clock = clock;
    }

    private static final RowMapper<Campaign> CAMPAIGN = (rs, i) -> new Campaign(rs.getLong("id"), rs.getString("title"),
            Kind.valueOf(rs.getString("kind")), HouseholdRegister.texts(rs.getArray("grid_codes")),
            HouseholdRegister.texts(rs.getArray("checklist")), rs.getDate("starts_on").toLocalDate(),
            rs.getDate("ends_on").toLocalDate(), rs.getString("created_by"));

    /** Launches a campaign over grids the launcher keeps (a community's staff over their community's grids). */
    public Campaign launch(NewCampaign form, StaffMember by) {
        Validation v = new Validation();
        String title = v.requiredText("title", form.title(), 200);
        Kind kind = null;
        try {
            kind = form.kind() == null ? null : Kind.valueOf(form.kind());
        } catch (IllegalArgumentException unknown) {
            kind = null;
        }
        if (kind == null) {
            v.reject("kind", "must be one of " + Arrays.toString(Kind.values()));
        }
        List<String> gridCodes = form.gridCodes() == null ? List.of() : form.gridCodes().stream().distinct().toList();
        if (gridCodes.isEmpty() || gridCodes.size() > MAX_GRIDS) {
            v.reject("gridCodes", "must name 1 to " + MAX_GRIDS + " base grids");
        } else {
            gridCodes.stream().filter(g -> grids.node(g).filter(n -> n.level() == GridLevel.GRID).isEmpty()).findFirst()
                    .ifPresent(g -> v.reject("gridCodes", g + " is not a base grid"));
        }
        List<String> checklist = form.checklist() == null ? List.of() : form.checklist().stream().map(String::strip)
                .filter(s -> !s.isEmpty()).toList();
        if (checklist.isEmpty() || checklist.size() > 30 || checklist.stream().anyMatch(s -> s.length() > 200)) {
            v.reject("checklist", "must hold 1 to 30 items of at most 200 characters");
        }
        v.required("startsOn", form.startsOn());
        v.required("endsOn", form.endsOn());
        if (form.startsOn() != null && form.endsOn() != null && form.endsOn().isBefore(form.startsOn())) {
            v.reject("endsOn", "must be on or after startsOn");
        }
        v.throwIfInvalid();
        gridCodes.stream().filter(g -> !register.reads(by, g)).findFirst().ifPresent(g -> {
            throw Refusal.notPermitted("a campaign covers grids its launcher keeps; " + g + " is not one");
        });
        long id = jdbc.sql("""
                INSERT INTO register_campaign (title, kind, grid_codes, checklist, starts_on, ends_on, created_by, created_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?) RETURNING id""")
                .params(title, kind.name(), gridCodes.toArray(String[]::new), checklist.toArray(String[]::new), form.startsOn(),
                        form.endsOn(), by.username(), Timestamp.from(clock.instant()))
                .query(Long.class).single();
        audit.record(by.username(), "register.campaign", "campaign " + id, title + " over " + gridCodes.size() + " grids");
        return campaign(id, by);
    }

    /** A campaign whose grids the reader keeps at least one of; any other is not found. */
    public Campaign campaign(long id, StaffMember reader) {
        Campaign c = jdbc.sql("SELECT * FROM register_campaign WHERE id = ?").param(id).query(CAMPAIGN).optional()
                .orElseThrow(() -> ApiProblemException.notFound("campaign", id));
        if (c.gridCodes().stream().noneMatch(g -> register.reads(reader, g))) {
            throw ApiProblemException.notFound("campaign", id);
        }
        return c;
    }

    /** The campaigns over any of the reader's grids, the latest first. */
    public List<Campaign> list(StaffMember reader) {
        return jdbc.sql("SELECT * FROM register_campaign ORDER BY id DESC LIMIT 200").query(CAMPAIGN).list().stream()
                .filter(c -> c.gridCodes().stream().anyMatch(g -> register.reads(reader, g))).toList();
    }

    /** A household checked on the doorstep: one answer per checklist item; checking it again is refused. */
    public HouseholdRegister.Visit check(long campaignId, Check check, StaffMember by) {
        Campaign c = campaign(campaignId, by);
        Validation v = new Validation();
        v.required("householdId", check.householdId());
        if (check.answers() == null || check.answers().size() != c.checklist().size() || check.answers().stream().anyMatch(java.util.Objects::isNull)) {
            v.reject("answers", "must answer each of the " + c.checklist().size() + " items yes or no");
        }
        String note = v.optionalText("note", check.note(), Validation.MAX_TEXT);
        v.throwIfInvalid();
        LocalDate today = register.today();
        if (today.isBefore(c.startsOn()) || today.isAfter(c.endsOn())) {
            throw Refusal.illegalInState("campaign-not-running", "the campaign runs from " + c.startsOn() + " to " + c.endsOn());
        }
        HouseholdRegister.HouseholdView h = register.household(check.householdId(), by);
        if (!c.gridCodes().contains(h.gridCode())) {
            throw ApiProblemException.invalid("householdId", "the household is not in the campaign's grids");
        }
        Optional<Long> id = tx.execute(status -> jdbc.sql("""
                INSERT INTO household_visit (household_id, campaign_id, by_staff_id, by_name, at, note, answers)
                VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING RETURNING id""")
                .params(h.id(), campaignId, by.id(), by.displayName(), Timestamp.from(clock.instant()), note,
                        check.answers().toArray(Boolean[]::new))
                .query(Long.class).optional());
        if (id.isEmpty()) {
            throw Refusal.illegalInState("household-checked", "the household was checked in this campaign already");
        }
        return register.visitById(id.get());
    }

    /** Households and households checked per grid and checks per worker, over the reader's grids of the campaign. */
    public Progress progress(long campaignId, StaffMember reader) {
        Campaign c = campaign(campaignId, reader);
        String[] mine = c.gridCodes().stream().filter(g -> register.reads(reader, g)).toArray(String[]::new);
        List<GridProgress> perGrid = new ArrayList<>(jdbc.sql("""
                SELECT g.code, count(h.id), count(v.id) FROM unnest(?::text[]) AS g(code)
                LEFT JOIN household h ON h.grid_code = g.code
                LEFT JOIN household_visit v ON v.household_id = h.id AND v.campaign_id = ?
                GROUP BY g.code ORDER BY g.code""").params(mine, campaignId)
                .query((rs, i) -> new GridProgress(rs.getString(1), rs.getLong(2), rs.getLong(3))).list());
        List<WorkerProgress> perWorker = jdbc.sql("""
                SELECT v.by_name, count(*) FROM household_visit v JOIN household h ON h.id = v.household_id
                WHERE v.campaign_id = ? AND h.grid_code = ANY(?) GROUP BY v.by_name ORDER BY count(*) DESC, v.by_name""")
                .params(campaignId, mine).query((rs, i) -> new WorkerProgress(rs.getString(1), rs.getLong(2))).list();
        return new Progress(campaignId, perGrid.stream().mapToLong(GridProgress::households).sum(),
                perGrid.stream().mapToLong(GridProgress::checked).sum(), perGrid, perWorker);
    }

    /** The households of one of the campaign's grids not yet checked. */
    public List<HouseholdRegister.HouseholdView> unreached(long campaignId, String gridCode, StaffMember reader) {
        Campaign c = campaign(campaignId, reader);
        if (!c.gridCodes().contains(gridCode)) {
            throw ApiProblemException.invalid("grid", gridCode + " is not one of the campaign's grids");
        }
        register.requireReads(reader, gridCode);
        List<Long> ids = jdbc.sql("""
                SELECT h.id FROM household h WHERE h.grid_code = ? AND NOT EXISTS
                  (SELECT 1 FROM household_visit v WHERE v.household_id = h.id AND v.campaign_id = ?) ORDER BY h.id LIMIT 500""")
                .params(gridCode, campaignId).query(Long.class).list();
        return ids.stream().map(id -> register.household(id, reader)).toList();
    }
}
