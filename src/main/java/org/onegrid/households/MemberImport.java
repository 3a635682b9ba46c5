package org.onegrid.households;

import java.io.IOException;
import java.io.InputStream;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import javax.xml.parsers.ParserConfigurationException;
import org.apache.poi.openxml4j.exceptions.OpenXML4JException;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.util.XMLHelper;
import org.apache.poi.xssf.eventusermodel.ReadOnlySharedStringsTable;
import org.apache.poi.xssf.eventusermodel.XSSFReader;
import org.apache.poi.xssf.eventusermodel.XSSFSheetXMLHandler;
import org.apache.poi.xssf.usermodel.XSSFComment;
import org.onegrid.audit.AuditLog;
import org.onegrid.directory.StaffMember;
import org.onegrid.errors.ApiProblemException;
import org.onegrid.errors.FieldProblem;
import org.onegrid.errors.Validation;
import org.onegrid.grid.Compounds;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.XMLReader;

/**
 * Imports households and members from the spreadsheets communities already keep (.xlsx, the
 * first sheet, a header row naming the columns in Chinese or English, one member a row; rows with
 * the same grid and household number are one household). Every row is checked first, and a
 * preview lists each row's problems by row and field; the import writes everything in one
 * transaction or, with any problem, nothing. The sheet is read as a stream, so a street's
 * 100,000 members need no more memory than a few rows.
 */
@Service
public class MemberImport {

    /** The columns, by their key, with the header names they are recognised by. */
    static final Map<String, List<String>> COLUMNS = new LinkedHashMap<>();

    static {
        COLUMNS.put("gridCode", List.of("网格编码", "网格", "gridcode", "grid"));
        COLUMNS.put("household", List.of("户号", "household", "householdno"));
        COLUMNS.put("address", List.of("地址", "住址", "address"));
        COLUMNS.put("buildingCode", List.of("楼栋编码", "buildingcode", "building"));
        COLUMNS.put("unitNo", List.of("单元", "unit", "unitno"));
        COLUMNS.put("room", List.of("室", "房号", "room"));
        COLUMNS.put("name", List.of("姓名", "name"));
        COLUMNS.put("idNumber", List.of("身份证号", "身份证号码", "公民身份号码", "idnumber", "id"));
        COLUMNS.put("phone", List.of("电话", "联系电话", "手机", "phone"));
        COLUMNS.put("relation", List.of("与户主关系", "关系", "relation"));
        COLUMNS.put("residence", List.of("户籍类型", "人口类型", "residence"));
        COLUMNS.put("flags", List.of("标签", "关爱标签", "flags"));
        COLUMNS.put("movedInOn", List.of("迁入日期", "入住日期", "movedinon", "movedin"));
    }

    private static final Map<String, String> RELATIONS = Map.ofEntries(Map.entry("户主", "HEAD"), Map.entry("本人", "HEAD"),
            Map.entry("配偶", "SPOUSE"), Map.entry("妻", "SPOUSE"), Map.entry("夫", "SPOUSE"), Map.entry("子女", "CHILD"),
            Map.entry("子", "CHILD"), Map.entry("女", "CHILD"), Map.entry("儿子", "CHILD"), Map.entry("女儿", "CHILD"),
            Map.entry("父母", "PARENT"), Map.entry("父亲", "PARENT"), Map.entry("母亲", "PARENT"), Map.entry("孙子女", "GRANDCHILD"),
            Map.entry("孙子", "GRANDCHILD"), Map.entry("孙女", "GRANDCHILD"), Map.entry("兄弟姐妹", "SIBLING"), Map.entry("其他", "OTHER"));
    private static final Map<String, String> RESIDENCES = Map.of("户籍", "REGISTERED", "户籍人口", "REGISTERED", "常住", "RESIDENT",
            "常住人口", "RESIDENT", "流动人口", "RESIDENT", "户籍常住", "BOTH", "户籍且常住", "BOTH");
    private static final List<DateTimeFormatter> DATES = List.of(DateTimeFormatter.ISO_LOCAL_DATE,
            DateTimeFormatter.ofPattern("yyyy/M/d"), DateTimeFormatter.ofPattern("yyyy.M.d"), DateTimeFormatter.ofPattern("yyyy年M月d日"),
            DateTimeFormatter.ofPattern("M/d/yy"));
    /** The most rows one sheet may hold (a street's members). */
    static final int MAX_ROWS = 200_000;
    /** The most problems a preview lists (the count is whole). */
    static final int MAX_PROBLEMS_SHOWN = 500;

    /** A row's problem: its row number in the sheet (the header is row 1), the column, why. */
    public record RowProblem(int row, String field, String reason) {
    }

    public record Result(int rows, int households, int members, boolean written, int problemCount, List<RowProblem> problems) {
    }

    /** One row as read and checked. */
    private record Row(int number, String gridCode, String household, String address, String buildingCode, String unitNo,
                       String room, String name, String idNumber, String phone, String relation, String residence,
                       List<String> flags, LocalDate movedInOn) {
    }

    private final JdbcClient jdbc;
    private final JdbcTemplate batch;
    private final TransactionTemplate tx;
    private final HouseholdRegister register;
    private final RegisterCipher cipher;
    private final Compounds compounds;
    private final AuditLog audit;
    private final Clock clock;

    MemberImport(JdbcClient jdbc, JdbcTemplate batch, TransactionTemplate tx, HouseholdRegister register, RegisterCipher cipher,
                 Compounds compounds, AuditLog audit, Clock clock) {
        this.jdbc = jdbc;
        this.batch = batch;
        this.tx = tx;
        this.register = register;
        this.cipher = cipher;
        this.compounds = compounds;
        this.audit = audit;
        this.clock = clock;
    }

    /**
     * Reads and checks a sheet; with {@code write} and no problem, writes it all in one
     * transaction. A sheet with problems is never written: the result names each row and field.
     */
    public Result run(InputStream xlsx, boolean write, StaffMember by) {
        List<Map<String, String>> raw = read(xlsx);
        List<RowProblem> problems = new ArrayList<>();
        List<Row> rows = check(raw, by, problems);
        Map<String, List<Row>> households = new LinkedHashMap<>();
        rows.forEach(r -> households.computeIfAbsent(r.gridCode() + "\u0000" + r.household(), k -> new ArrayList<>()).add(r));
        households.values().forEach(members -> {
            long heads = members.stream().filter(m -> "HEAD".equals(m.relation())).count();
            if (heads > 1) {
                problems.add(new RowProblem(members.get(1).number(), "relation", "household " + members.get(0).household()
                        + " has more than one head (户主)"));
            }
        });
        problems.sort(java.util.Comparator.comparingInt(RowProblem::row));
        boolean written = false;
        if (write && problems.isEmpty() && !rows.isEmpty()) {
            tx.executeWithoutResult(status -> writeAll(households, by));
            audit.record(by.username(), "register.import", households.size() + " households", rows.size() + " members");
            written = true;
        }
        return new Result(raw.size(), households.size(), rows.size(), written, problems.size(),
                problems.subList(0, Math.min(problems.size(), MAX_PROBLEMS_SHOWN)));
    }

    /** The problems as a 422 problem document's fields ({@code row 7 idNumber}). */
    public static ApiProblemException refusal(Result result) {
        return ApiProblemException.invalid(result.problems().stream()
                .map(p -> new FieldProblem("row " + p.row() + " " + p.field(), p.reason())).toList());
    }

    // ---- reading --------------------------------------------------------------------------------

    private static List<Map<String, String>> read(InputStream xlsx) {
        List<Map<String, String>> rows = new ArrayList<>();
        try (OPCPackage pkg = OPCPackage.open(xlsx)) {
            XSSFReader reader = new XSSFReader(pkg);
            ReadOnlySharedStringsTable strings = new ReadOnlySharedStringsTable(pkg);
            XSSFReader.SheetIterator sheets = (XSSFReader.SheetIterator) reader.getSheetsData();
            if (!sheets.hasNext()) {
                throw ApiProblemException.invalid("file", "the workbook has no sheet");
            }
            try (InputStream sheet = sheets.next()) {
                XMLReader parser = XMLHelper.newXMLReader();
                parser.setContentHandler(new XSSFSheetXMLHandler(reader.getStylesTable(), null, strings, new Collector(rows),
                        new DataFormatter(Locale.ROOT), false));
                parser.parse(new InputSource(sheet));
            }
        } catch (TooManyRows tooMany) {
            throw ApiProblemException.invalid("file", "a sheet holds at most " + MAX_ROWS + " rows; split it");
        } catch (IOException | OpenXML4JException | SAXException | ParserConfigurationException | RuntimeException unreadable) {
            if (unreadable instanceof ApiProblemException problem) {
                throw problem;
            }
            throw ApiProblemException.invalid("file", "is not a readable .xlsx workbook");
        }
        return rows;
    }

    private static final class TooManyRows extends RuntimeException {
        TooManyRows() {
            super(null, null, false, false);
        }
    }

    /** Collects the rows of a sheet by column key, from its header row. */
    private static final class Collector implements XSSFSheetXMLHandler.SheetContentsHandler {

        private final List<Map<String, String>> rows;
        private final Map<Integer, String> keyByColumn = new HashMap<>();
        private Map<String, String> current;
        private int rowNumber;

        Collector(List<Map<String, String>> rows) {
            this.rows = rows;
        }

        @Override
        public void startRow(int row) {
            rowNumber = row + 1;
            current = new HashMap<>();
        }

        @Override
        public void endRow(int row) {
            if (rowNumber == 1) {
                if (!keyByColumn.containsValue("gridCode") || !keyByColumn.containsValue("name")
                        || !keyByColumn.containsValue("idNumber") || !keyByColumn.containsValue("household")) {
                    throw ApiProblemException.invalid("file", "the first row must name the columns; 网格编码, 户号, 姓名 and "
                            + "身份证号 at least");
                }
                return;
            }
            if (current.values().stream().allMatch(String::isBlank)) {
                return;
            }
            if (rows.size() >= MAX_ROWS) {
                throw new TooManyRows();
            }
            current.put("#", String.valueOf(rowNumber));
            rows.add(current);
        }

        @Override
        public void cell(String reference, String value, XSSFComment comment) {
            int column = column(reference);
            String text = value == null ? "" : value.strip();
            if (rowNumber == 1) {
                String header = text.toLowerCase(Locale.ROOT).replace(" ", "").replace("_", "");
                COLUMNS.forEach((key, names) -> {
                    if (names.contains(header)) {
                        keyByColumn.put(column, key);
                    }
                });
                return;
            }
            String key = keyByColumn.get(column);
            if (key != null) {
                current.put(key, text);
            }
        }

        private static int column(String reference) {
            int n = 0;
            for (int i = 0; i < reference.length() && Character.isLetter(reference.charAt(i)); i++) {
                n = n * 26 + (reference.charAt(i) - 'A' + 1);
            }
            return n - 1;
        }
    }

    // ---- checking -------------------------------------------------------------------------------

    private List<Row> check(List<Map<String, String>> raw, StaffMember by, List<RowProblem> problems) {
        RegisterAccessPolicy.Access access = register.access(by);
        Set<String> flags = register.activeFlags().keySet();
        Map<String, String> flagByName = new HashMap<>();
        register.activeFlags().values().forEach(f -> {
            flagByName.put(f.code(), f.code());
            flagByName.put(f.nameZh(), f.code());
        });
        Map<String, Optional<String>> buildingGrid = new HashMap<>();
        Map<String, Integer> firstRowOfId = new HashMap<>();
        LocalDate today = register.today();
        List<Row> rows = new ArrayList<>();
        for (Map<String, String> r : raw) {
            int n = Integer.parseInt(r.get("#"));
            int before = problems.size();
            String grid = text(r, "gridCode");
            if (grid == null) {
                problems.add(new RowProblem(n, "gridCode", "is required"));
            } else if (!access.reads(grid) || grid.length() != 15) {
                problems.add(new RowProblem(n, "gridCode", grid + " is not a base grid whose register you keep"));
            }
            String household = text(r, "household");
            if (household == null) {
                problems.add(new RowProblem(n, "household", "is required: rows with the same number are one household"));
            }
            String name = text(r, "name");
            if (name == null || name.length() > 100) {
                problems.add(new RowProblem(n, "name", name == null ? "is required" : "must be at most 100 characters"));
            }
            String typedId = text(r, "idNumber");
            String why = IdNumber.why(typedId);
            if (typedId != null && typedId.matches("[0-9.]+E\\+?[0-9]+")) {
                why = "was stored as a number and lost its digits: format the column as text";
            }
            String idNumber = null;
            if (why != null) {
                problems.add(new RowProblem(n, "idNumber", why));
            } else {
                idNumber = typedId.toUpperCase();
                Integer first = firstRowOfId.putIfAbsent(idNumber, n);
                if (first != null) {
                    problems.add(new RowProblem(n, "idNumber", "the same person is on row " + first));
                }
            }
            String phone = text(r, "phone");
            if (phone != null && !Validation.isPhone(phone)) {
                problems.add(new RowProblem(n, "phone", "must be a phone number of 5 to 20 digits"));
            }
            String relation = coded(text(r, "relation"), RELATIONS, HouseholdRegister.Relation.class);
            if (relation == null) {
                problems.add(new RowProblem(n, "relation", "must be one of 户主, 配偶, 子女, 父母, 孙子女, 兄弟姐妹, 其他"));
            }
            String typedResidence = text(r, "residence");
            String residence = typedResidence == null ? "BOTH" : coded(typedResidence, RESIDENCES, HouseholdRegister.Residence.class);
            if (residence == null) {
                problems.add(new RowProblem(n, "residence", "must be 户籍, 常住 or 户籍常住"));
            }
            List<String> memberFlags = new ArrayList<>();
            String typedFlags = text(r, "flags");
            if (typedFlags != null) {
                for (String f : typedFlags.split("[、,，;；\\s]+")) {
                    String code = flagByName.get(f);
                    if (code == null || !flags.contains(code)) {
                        problems.add(new RowProblem(n, "flags", f + " is not a flag on the list"));
                    } else if (!memberFlags.contains(code)) {
                        memberFlags.add(code);
                    }
                }
            }
            LocalDate movedIn = date(text(r, "movedInOn"));
            if (text(r, "movedInOn") != null && (movedIn == null || movedIn.isAfter(today))) {
                problems.add(new RowProblem(n, "movedInOn", "must be a date (2024-03-01) not in the future"));
            }
            String building = text(r, "buildingCode");
            String address = text(r, "address");
            if (building != null) {
                Optional<String> inGrid = buildingGrid.computeIfAbsent(building, compounds::gridOfBuilding);
                if (inGrid.isEmpty()) {
                    problems.add(new RowProblem(n, "buildingCode", "no building has the code " + building));
                } else if (grid != null && !inGrid.get().equals(grid)) {
                    problems.add(new RowProblem(n, "buildingCode", "the building is in grid " + inGrid.get()));
                }
            } else if (address == null) {
                problems.add(new RowProblem(n, "address", "is required without a building code"));
            }
            if (address != null && address.length() > 400) {
                problems.add(new RowProblem(n, "address", "must be at most 400 characters"));
            }
            if (problems.size() == before) {
                rows.add(new Row(n, grid, household, address, building, limit(text(r, "unitNo"), 10), limit(text(r, "room"), 20),
                        name, idNumber, phone, relation, residence, memberFlags, movedIn == null ? today : movedIn));
            }
        }
        registeredAlready(firstRowOfId, problems);
        return rows;
    }

    /** ID numbers of the sheet living in a household on the register already. */
    private void registeredAlready(Map<String, Integer> firstRowOfId, List<RowProblem> problems) {
        List<String> ids = new ArrayList<>(firstRowOfId.keySet());
        Map<String, String> byHash = new HashMap<>();
        ids.forEach(id -> byHash.put(java.util.HexFormat.of().formatHex(cipher.hash(id)), id));
        for (int from = 0; from < ids.size(); from += 5000) {
            byte[][] hashes = ids.subList(from, Math.min(ids.size(), from + 5000)).stream().map(cipher::hash).toArray(byte[][]::new);
            jdbc.sql("SELECT encode(id_hash, 'hex') FROM household_member WHERE id_hash = ANY(?) AND moved_out_on IS NULL "
                            + "AND erased_at IS NULL").param(hashes).query(String.class).list()
                    .forEach(h -> problems.add(new RowProblem(firstRowOfId.get(byHash.get(h)), "idNumber",
                            "the person lives in a household on the register already; move them out there first")));
        }
    }

    private static String text(Map<String, String> row, String key) {
        String v = row.get(key);
        if (v == null) {
            return null;
        }
        v = Validation.withoutInvisibles(v).strip();
        return v.isEmpty() ? null : v;
    }

    private static String limit(String s, int max) {
        return s == null ? null : s.length() > max ? s.substring(0, max) : s;
    }

    private static <E extends Enum<E>> String coded(String typed, Map<String, String> names, Class<E> type) {
        if (typed == null) {
            return null;
        }
        String byName = names.get(typed);
        if (byName != null) {
            return byName;
        }
        try {
            return Enum.valueOf(type, typed.toUpperCase(Locale.ROOT)).name();
        } catch (IllegalArgumentException unknown) {
            return null;
        }
    }

    private static LocalDate date(String typed) {
        if (typed == null) {
            return null;
        }
        for (DateTimeFormatter f : DATES) {
            try {
                return LocalDate.parse(typed, f);
            } catch (DateTimeParseException next) {
                // the next form
            }
        }
        return null;
    }

    // ---- writing --------------------------------------------------------------------------------

    private void writeAll(Map<String, List<Row>> households, StaffMember by) {
        Timestamp now = Timestamp.from(clock.instant());
        List<Long> householdIds = jdbc.sql("SELECT nextval('household_id_seq') FROM generate_series(1, ?)").param(households.size())
                .query(Long.class).list();
        int members = households.values().stream().mapToInt(List::size).sum();
        List<Long> memberIds = jdbc.sql("SELECT nextval('household_member_id_seq') FROM generate_series(1, ?)").param(members)
                .query(Long.class).list();
        List<Object[]> householdRows = new ArrayList<>();
        List<Object[]> memberRows = new ArrayList<>();
        List<Object[]> moveRows = new ArrayList<>();
        int h = 0;
        int m = 0;
        for (List<Row> rows : households.values()) {
            Row first = rows.get(0);
            long householdId = householdIds.get(h++);
            householdRows.add(new Object[] {householdId, first.gridCode(), first.buildingCode(), first.unitNo(), first.room(),
                    first.address(), by.username(), now});
            for (Row r : rows) {
                long memberId = memberIds.get(m++);
                memberRows.add(new Object[] {memberId, householdId, r.name(), cipher.encrypt(r.idNumber()), cipher.hash(r.idNumber()),
                        IdNumber.masked(r.idNumber()), r.phone(), r.relation(), r.residence(), r.flags().toArray(String[]::new),
                        r.movedInOn(), now});
                moveRows.add(new Object[] {memberId, r.movedInOn(), by.username(), now});
            }
        }
        batch.batchUpdate("""
                INSERT INTO household (id, grid_code, building_code, unit_no, room, address, created_by, created_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?)""", householdRows);
        batch.batchUpdate("""
                INSERT INTO household_member (id, household_id, name, id_cipher, id_hash, id_masked, phone, relation, residence, flags,
                                              moved_in_on, updated_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", memberRows);
        batch.batchUpdate("INSERT INTO member_move (member_id, kind, on_date, by_actor, at) VALUES (?, 'IN', ?, ?, ?)", moveRows);
    }
}
