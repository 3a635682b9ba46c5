package org.onegrid;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;

/**
 * The modules keep to their borders: no cycle, no reach into another module's internals, no use
 * of a module a module does not declare ({@code @ApplicationModule(allowedDependencies)} in its
 * {@code package-info.java}), and no SQL naming another module's table.
 */
class ModuleStructureTest {

    /** Which module owns which tables; every table the migrations create must be here. */
    static final Map<String, Set<String>> TABLES = new LinkedHashMap<>();

    static {
        TABLES.put("grid", Set.of("grid_node", "territory_level", "compound", "building"));
        TABLES.put("directory", Set.of("unit", "staff", "grid_assignment", "sign_in_lock"));
        TABLES.put("catalog", Set.of("category"));
        TABLES.put("calendar", Set.of("calendar_year"));
        TABLES.put("cases", Set.of("cases", "case_event", "case_co_handler", "case_linked_reporter", "case_photo"));
        TABLES.put("audit", Set.of("audit_log", "personal_data_access"));
        TABLES.put("security", Set.of("api_token", "spring_session", "spring_session_attributes", "address_count"));
        TABLES.put("platform", Set.of("shedlock", "cache_version"));
        TABLES.put("dispatch", Set.of("routing_rule", "duplicate_window", "classifier_model"));
        TABLES.put("assessment", Set.of("figure_day", "figure_feed_position", "assessment_weight", "figure_fact"));
        TABLES.put("ledger", Set.of("assignment_sheet", "assignment_item"));
        TABLES.put("notify", Set.of("notification", "notify_feed_position", "staff_contact", "broadcast", "sms_opt_out"));
        TABLES.put("volunteering", Set.of("volunteer", "merchant", "activity", "activity_signup", "reward", "redemption",
                "points_entry"));
        TABLES.put("eveningtalks", Set.of("evening_talk", "talk_topic"));
        TABLES.put("hotline", Set.of("hotline_order", "hotline_category_map", "hotline_update", "hotline_feed_position"));
        TABLES.put("open311", Set.of("open311_client", "open311_request", "service_question"));
        TABLES.put("petitions", Set.of("petition_grade", "petition_rule", "petition", "petition_link", "petition_regrade",
                "petition_step", "petition_visit", "mediation"));
        TABLES.put("households", Set.of("care_flag", "household", "household_member", "member_move", "register_campaign",
                "household_visit"));
        TABLES.put("gridwork", Set.of("patrol", "patrol_point", "patrol_finding", "checklist",
                "inspection", "inspection_item", "cadre_posting", "duty_shift"));
    }

    private static final Path SOURCES = Path.of("src/main/java/org/onegrid");
    private static final Path MIGRATIONS = Path.of("src/main/resources/db/migration");

    @Test
    void modulesUseOnlyTheModulesTheyDeclareThroughTheirPublicApiAndWithoutCycles() {
        ApplicationModules.of(OneGridApplication.class).verify();
    }

    @Test
    void everyTableTheMigrationsCreateHasAnOwningModule() throws IOException {
        Set<String> owned = new TreeSet<>();
        TABLES.values().forEach(owned::addAll);
        Pattern create = Pattern.compile("(?i)CREATE TABLE (?:IF NOT EXISTS )?(\\w+)");
        Set<String> created = new TreeSet<>();
        try (Stream<Path> files = Files.list(MIGRATIONS)) {
            for (Path file : files.toList()) {
                Matcher m = create.matcher(Files.readString(file));
                while (m.find()) {
                    created.add(m.group(1).toLowerCase());
                }
            }
        }
        assertThat(owned).as("tables with an owner in ModuleStructureTest.TABLES").containsAll(created);
    }

    @Test
    void noModulesSqlNamesAnotherModulesTable() throws IOException {
        List<String> reaches = new ArrayList<>();
        try (Stream<Path> modules = Files.list(SOURCES)) {
            for (Path module : modules.filter(Files::isDirectory).toList()) {
                String name = module.getFileName().toString();
                try (Stream<Path> files = Files.walk(module)) {
                    for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                        reaches.addAll(foreignTables(name, Files.readString(file)).stream()
                                .map(t -> SOURCES.relativize(file) + " names " + t).toList());
                    }
                }
            }
        }
        assertThat(reaches).as("SQL naming another module's table").isEmpty();
    }

    @Test
    void theTableCheckCatchesAJoinOnAnotherModulesTable() {
        assertThat(foreignTables("cases", "SELECT c.id FROM cases c LEFT JOIN unit u ON u.id = c.owner_unit_id"))
                .containsExactly("unit (directory)");
        assertThat(foreignTables("directory", "SELECT id FROM unit WHERE code = ?")).isEmpty();
        assertThat(foreignTables("cases", "record(now, actor, \"from unit \" + formerOwner)")).isEmpty();
    }

    /**
     * The tables of other modules that {@code source}, in {@code module}, names after FROM, JOIN,
     * INTO, UPDATE or TABLE, written in capitals as the project writes its SQL (so that prose such
     * as a timeline's "from unit 3" is not taken for a query).
     */
    static List<String> foreignTables(String module, String source) {
        List<String> found = new ArrayList<>();
        TABLES.forEach((owner, tables) -> {
            if (!owner.equals(module)) {
                tables.stream().filter(table -> Pattern.compile("\\b(FROM|JOIN|INTO|UPDATE|TABLE)\\s+" + table + "\\b")
                                .matcher(source).find())
                        .forEach(table -> found.add(table + " (" + owner + ")"));
            }
        });
        return found;
    }
}
