package org.onegrid.households;

import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;
import org.onegrid.audit.AuditLog;
import org.onegrid.directory.StaffMember;
import org.onegrid.errors.Refusal;
import org.onegrid.errors.Validation;
import org.onegrid.ledger.TableWriter;
import org.springframework.stereotype.Service;

/**
 * A grid's or a community's register as a spreadsheet, for its own keepers only, for a stated
 * purpose that is logged before a row is written. ID numbers and phones stay masked in it: an
 * export is a list to work from, not a copy of the register.
 */
@Service
public class RegisterExport {

    /** An export checked and logged, ready to stream. */
    public record Prepared(String mediaType, String disposition, Writer writer) {

        public void write(OutputStream out) throws IOException {
            writer.write(out);
        }
    }

    @FunctionalInterface
    public interface Writer {
        void write(OutputStream out) throws IOException;
    }

    private static final List<String> HEADERS = List.of("网格编码 grid", "住址 place", "姓名 name", "身份证号 ID number (masked)",
            "电话 phone (masked)", "与户主关系 relation", "户籍类型 residence", "标签 flags", "迁入日期 moved in", "迁出日期 moved out");

    private final HouseholdRegister register;
    private final AuditLog audit;

    RegisterExport(HouseholdRegister register, AuditLog audit) {
        this.register = register;
        this.audit = audit;
    }

    public Prepared prepare(String grid, String purpose, StaffMember by) {
        Validation v = new Validation();
        String why = v.requiredText("purpose", purpose, 500);
        if (grid == null || !grid.matches("\\d{12}(\\d{3})?")) {
            v.reject("grid", "must be the code of a base grid or a community");
        }
        v.throwIfInvalid();
        RegisterAccessPolicy.Access access = register.access(by);
        if (!(grid.length() == 15 ? access.reads(grid) : access.communities().contains(grid))) {
            throw Refusal.notPermitted("the register of " + grid + " is exported by its own keepers only");
        }
        audit.recordPersonalDataAccess(by.username(), by.role().name(), "export:" + grid, why);
        TableWriter.Format format = TableWriter.Format.XLSX;
        return new Prepared(format.mediaType(), format.attachment("register-" + grid), out -> {
            try (TableWriter table = TableWriter.of(format, out)) {
                table.sheet("register", HEADERS);
                for (int page = 0; ; page++) {
                    List<HouseholdRegister.HouseholdView> households = register.list(grid, null, false, page, 200, by);
                    for (HouseholdRegister.HouseholdView h : households) {
                        for (HouseholdRegister.MemberView m : h.members()) {
                            if (m.erased()) {
                                continue;
                            }
                            List<Object> row = new ArrayList<>(List.of(h.gridCode(), h.place() == null ? "" : h.place(), m.name(),
                                    m.idMasked(), m.phone() == null ? "" : m.phone(), m.relation().name(), m.residence().name(),
                                    String.join("、", m.flags()), m.movedInOn().toString()));
                            row.add(m.movedOutOn() == null ? null : m.movedOutOn().toString());
                            table.row(row);
                        }
                    }
                    if (households.size() < 200) {
                        break;
                    }
                }
                table.finish();
            }
        });
    }
}
