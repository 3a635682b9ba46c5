package org.onegrid.volunteering;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.onegrid.directory.DirectoryService;
import org.onegrid.directory.Role;
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
 * Volunteers (志愿者) and merchants (爱心商家): who they are and their accounts. A volunteer
 * registers themself with real name, mobile phone and community and gets a volunteer number to
 * sign in with; a merchant is registered by the community's staff. The phone is for reaching the
 * volunteer: it is shown masked to staff and never to others.
 */
@Service
public class Volunteers {

    public record NewVolunteer(String name, String phone, String communityCode, String password) {
    }

    public record NewMerchant(String name, String communityCode, String address, String password) {
    }

    /** A volunteer as staff see them (phone masked) or as they see themselves. */
    public record Volunteer(long id, long staffId, String number, String name, String phone, String communityCode,
                            Instant registeredAt) {
    }

    public record Merchant(long id, long staffId, String username, String name, String communityCode, String address) {
    }

    private final JdbcClient jdbc;
    private final TransactionTemplate tx;
    private final DirectoryService directory;
    private final GridService grids;
    private final Clock clock;

    Volunteers(JdbcClient jdbc, TransactionTemplate tx, DirectoryService directory, GridService grids, Clock clock) {
        this.jdbc = jdbc;
        this.tx = tx;
        this.directory = directory;
        this.grids = grids;
        this.clock = clock;
    }

    private static final RowMapper<Volunteer> VOLUNTEER = (rs, i) -> new Volunteer(rs.getLong("id"), rs.getLong("staff_id"),
            rs.getString("number"), rs.getString("name"), rs.getString("phone"), rs.getString("community_code"),
            rs.getTimestamp("registered_at").toInstant());
    private static final String SELECT_VOLUNTEER = "SELECT v.* FROM volunteer v";

    /** Registers a volunteer and their account; the volunteer number is the account's name. */
    public Volunteer register(NewVolunteer form) {
        Validation v = new Validation();
        String name = v.requiredText("name", form.name(), 100);
        String phone = v.requiredText("phone", form.phone(), 20);
        v.mobile("phone", phone);
        community(v, form.communityCode());
        if (form.password() == null || form.password().length() < 8 || form.password().length() > 200) {
            v.reject("password", "must be 8 to 200 characters");
        }
        v.throwIfInvalid();
        return tx.execute(status -> {
            if (jdbc.sql("SELECT count(*) FROM volunteer WHERE phone = ?").param(phone).query(Long.class).single() > 0) {
                throw ApiProblemException.conflict("volunteer-registered", "Already registered",
                        "this phone is registered already; sign in with the volunteer number");
            }
            long id = jdbc.sql("SELECT nextval('volunteer_id_seq')").query(Long.class).single();
            StaffMember account = directory.createStaff(new DirectoryService.NewStaff(String.format("v%06d", id), name,
                    Role.VOLUNTEER, null, form.password()), "public");
            jdbc.sql("""
                    INSERT INTO volunteer (id, staff_id, number, name, phone, community_code, registered_at)
                    VALUES (?, ?, ?, ?, ?, ?, ?)""")
                    .params(id, account.id(), account.username(), name, phone, form.communityCode(), java.sql.Timestamp.from(clock.instant()))
                    .update();
            return volunteer(id).orElseThrow();
        });
    }

    /** Registers a merchant of a community with its account ({@code m} and a number), by the community's staff. */
    public Merchant registerMerchant(NewMerchant form, StaffMember by) {
        Validation v = new Validation();
        String name = v.requiredText("name", form.name(), 200);
        community(v, form.communityCode());
        String address = v.optionalText("address", form.address(), 400);
        if (form.password() == null || form.password().length() < 8 || form.password().length() > 200) {
            v.reject("password", "must be 8 to 200 characters");
        }
        v.throwIfInvalid();
        requireOrganiser(by, form.communityCode());
        return tx.execute(status -> {
            long id = jdbc.sql("SELECT nextval('merchant_id_seq')").query(Long.class).single();
            StaffMember account = directory.createStaff(new DirectoryService.NewStaff(String.format("m%06d", id), name,
                    Role.MERCHANT, null, form.password()), by.username());
            jdbc.sql("""
                    INSERT INTO merchant (id, staff_id, username, name, community_code, address, registered_at)
                    VALUES (?, ?, ?, ?, ?, ?, ?)""")
                    .params(id, account.id(), account.username(), name, form.communityCode(), address, java.sql.Timestamp.from(clock.instant()))
                    .update();
            return merchant(id).orElseThrow();
        });
    }

    public Optional<Volunteer> volunteer(long id) {
        return jdbc.sql(SELECT_VOLUNTEER + " WHERE v.id = ?").param(id).query(VOLUNTEER).optional();
    }

    /** The volunteer an account belongs to. */
    public Optional<Volunteer> volunteerOf(StaffMember account) {
        return jdbc.sql(SELECT_VOLUNTEER + " WHERE v.staff_id = ?").param(account.id()).query(VOLUNTEER).optional();
    }

    /** The volunteer signed in, or 403 for any other account. */
    public Volunteer requireVolunteer(StaffMember account) {
        return volunteerOf(account).orElseThrow(() -> Refusal.notPermitted("only a volunteer's account may do this"));
    }

    /** A community's volunteers, phones masked. */
    public List<Volunteer> of(String communityCode) {
        return jdbc.sql(SELECT_VOLUNTEER + " WHERE v.community_code = ? ORDER BY v.id").param(communityCode).query(VOLUNTEER)
                .list().stream().map(Volunteers::masked).toList();
    }

    static Volunteer masked(Volunteer v) {
        String p = v.phone();
        return new Volunteer(v.id(), v.staffId(), v.number(), v.name(), p.substring(0, 3) + "****" + p.substring(p.length() - 4),
                v.communityCode(), v.registeredAt());
    }

    private static final RowMapper<Merchant> MERCHANT = (rs, i) -> new Merchant(rs.getLong("id"), rs.getLong("staff_id"),
            rs.getString("username"), rs.getString("name"), rs.getString("community_code"), rs.getString("address"));

    public Optional<Merchant> merchant(long id) {
        return jdbc.sql("SELECT m.* FROM merchant m WHERE m.id = ?").param(id)
                .query(MERCHANT).optional();
    }

    public Optional<Merchant> merchantOf(StaffMember account) {
        return jdbc.sql("SELECT m.* FROM merchant m WHERE m.staff_id = ?")
                .param(account.id()).query(MERCHANT).optional();
    }

    public Merchant requireMerchant(StaffMember account) {
        return merchantOf(account).orElseThrow(() -> Refusal.notPermitted("only a merchant's account may do this"));
    }

    public List<Merchant> merchants() {
        return jdbc.sql("SELECT m.* FROM merchant m ORDER BY m.id").query(MERCHANT).list();
    }

    /** Whether {@code staff} runs volunteering for {@code communityCode}; 403 otherwise. */
    void requireOrganiser(StaffMember staff, String communityCode) {
        if (!mayOrganise(staff, communityCode)) {
            throw Refusal.notPermitted("volunteering of community " + communityCode
                    + " is run by its community committee, its street office or an administrator");
        }
    }

    public boolean mayOrganise(StaffMember staff, String communityCode) {
        return org.onegrid.directory.CommunityOffice.runs(staff, Optional.ofNullable(staff.unitId()).flatMap(directory::unit), communityCode);
    }

    /** The communities a staff member runs volunteering for. */
    public List<String> communitiesOf(StaffMember staff) {
        return grids.list(GridLevel.COMMUNITY, null).stream().map(n -> n.code().value())
                .filter(code -> mayOrganise(staff, code)).toList();
    }

    private void community(Validation v, String code) {
        if (code == null || grids.node(code).filter(n -> n.level() == GridLevel.COMMUNITY).isEmpty()) {
            v.reject("communityCode", "must be the code of a community or village");
        }
    }
}
