package org.onegrid.catalog;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.onegrid.audit.AuditLog;
import org.onegrid.calendar.TimeLimit;
import org.onegrid.errors.ApiProblemException;
import org.onegrid.errors.Validation;
import org.onegrid.grid.GridLevel;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The catalogue, held in memory (a few hundred rows read on every intake) and stored in the
 * {@code category} table. An empty catalogue is filled from {@code catalog/default-catalogue.csv}.
 */
@Service
public class CatalogService {

    private final JdbcClient jdbc;
    private final AuditLog audit;
    private volatile Map<String, Category> categories = Map.of();

    private final org.onegrid.platform.SharedChanges shared;

    CatalogService(JdbcClient jdbc, AuditLog audit, org.onegrid.platform.SharedChanges shared) {
        this.jdbc = jdbc;
        this.audit = audit;
        this.shared = shared;
        shared.onChange("catalog", this::reload);
    }

    public List<Category> all() {
        return List.copyOf(categories.values());
    }

    /** The items a case can be filed under (groups are not). */
    public List<Category> leaves() {
        return categories.values().stream().filter(Category::isLeaf).toList();
    }

    public Optional<Category> category(String code) {
        return Optional.ofNullable(categories.get(code));
    }

    /**
     * The item a case is filed under, named in a request's {@code categoryCode}: a missing code,
     * an unknown one or a group is refused with the field.
     */
    public Category leaf(String code) {
        if (code == null || code.isBlank()) {
            throw ApiProblemException.invalid("categoryCode", "is required");
        }
        leafProblem(code).ifPresent(reason -> {
            throw ApiProblemException.invalid("categoryCode", reason);
        });
        return categories.get(code);
    }

    /** Why {@code code} is not an item a case can be filed under, or empty when it is. */
    public Optional<String> leafProblem(String code) {
        Category category = categories.get(code);
        if (category == null) {
            return Optional.of("no category " + (code.length() > 40 ? code.substring(0, 40) + "..." : code));
        }
        return category.isLeaf() ? Optional.empty()
                : Optional.of(category.code() + " is a group; choose one of its items");
    }

    public Category require(String code) {
        return category(code).orElseThrow(() -> ApiProblemException.notFound("category", code));
    }

    public synchronized void reload() {
        Map<String, Category> loaded = new LinkedHashMap<>();
        jdbc.sql("""
                SELECT code, parent_code, name, name_en, line, owner_grid, owner_community, owner_street, owner_district,
                       limit_amount, limit_unit, urgency, verification_required
                FROM category ORDER BY code
                """).query((rs, i) -> {
            Map<GridLevel, OwnerRule> owners = owners(rs.getString("owner_grid"), rs.getString("owner_community"),
                    rs.getString("owner_street"), rs.getString("owner_district"));
            int amount = rs.getInt("limit_amount");
            TimeLimit limit = rs.wasNull() ? null : new TimeLimit(amount, TimeLimit.Unit.valueOf(rs.getString("limit_unit")));
            String urgency = rs.getString("urgency");
            return new Category(rs.getString("code"), rs.getString("parent_code"), rs.getString("name"),
                    rs.getString("name_en"), rs.getString("line"), owners, limit,
                    urgency == null ? null : Urgency.valueOf(urgency), rs.getBoolean("verification_required"));
        }).list().forEach(c -> loaded.put(c.code(), c));
        this.categories = loaded;
    }

    /** Adds or replaces one category. */
    @Transactional
    public Category save(Category category, String actor) {
        Validation v = new Validation();
        v.requiredText("code", category.code(), 20);
        v.requiredText("name", category.name(), Validation.MAX_NAME);
        v.optionalText("nameEn", category.nameEn(), Validation.MAX_NAME);
        if (category.code() != null && !category.code().matches("[0-9A-Za-z]+")) {
            v.reject("code", "may contain only letters and digits");
        }
        if (category.parentCode() != null) {
            if (!categories.containsKey(category.parentCode())) {
                v.reject("parentCode", "category " + category.parentCode() + " does not exist");
            } else if (category.code() != null && !category.code().startsWith(category.parentCode())) {
                v.reject("code", "must start with the parent's code " + category.parentCode());
            }
        }
        if (category.limit() != null && category.owners().isEmpty()) {
            v.reject("owners", "a category with a time limit needs an owner at one level at least");
        }
        v.throwIfInvalid();
        insert(category);
        audit.record(actor, "category.save", "category " + category.code(), category.name() + ", limit " + category.limit()
                + ", owners " + category.owners());
        reload();
        shared.changed("catalog");
        return categories.get(category.code());
    }

    /** Fills an empty catalogue with the default one. */
    @Transactional
    public int seedDefaultsIfEmpty() {
        if (jdbc.sql("SELECT count(*) FROM category").query(Long.class).single() > 0) {
            reload();
            return 0;
        }
        List<Category> defaults = readDefaults();
        defaults.forEach(this::insert);
        audit.record("system:start", "category.seed", "catalogue", defaults.size() + " default categories");
        reload();
        shared.changed("catalog");
        return defaults.size();
    }

    private void insert(Category c) {
        jdbc.sql("""
                INSERT INTO category (code, parent_code, name, name_en, line, owner_grid, owner_community, owner_street,
                                      owner_district, limit_amount, limit_unit, urgency, verification_required)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT (code) DO UPDATE SET parent_code = EXCLUDED.parent_code, name = EXCLUDED.name,
                    name_en = EXCLUDED.name_en, line = EXCLUDED.line, owner_grid = EXCLUDED.owner_grid, owner_community = EXCLUDED.owner_community,
                    owner_street = EXCLUDED.owner_street, owner_district = EXCLUDED.owner_district,
                    limit_amount = EXCLUDED.limit_amount, limit_unit = EXCLUDED.limit_unit, urgency = EXCLUDED.urgency,
                    verification_required = EXCLUDED.verification_required
                """).params(c.code(), c.parentCode(), c.name(), c.nameEn(), c.line(), text(c.owners().get(GridLevel.GRID)),
                        text(c.owners().get(GridLevel.COMMUNITY)), text(c.owners().get(GridLevel.STREET)),
                        text(c.owners().get(GridLevel.DISTRICT)),
                        c.limit() == null ? null : c.limit().amount(), c.limit() == null ? null : c.limit().unit().name(),
                        c.urgency() == null ? null : c.urgency().name(), c.verificationRequired())
                .update();
    }

    static List<Category> readDefaults() {
        List<Category> result = new ArrayList<>();
        try (BufferedReader in = new BufferedReader(new InputStreamReader(
                new ClassPathResource("catalog/default-catalogue.csv").getInputStream(), StandardCharsets.UTF_8))) {
            boolean header = true;
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                if (header) {
                    header = false;
                    continue;
                }
                String[] f = line.split(",", -1);
                TimeLimit limit = f[8].isEmpty() ? null : parseLimit(f[8]);
                // The grid owner is an optional twelfth column: most matters start at the community.
                String gridOwner = f.length > 11 ? f[11] : "";
                result.add(new Category(f[0], f[1].isEmpty() ? null : f[1], f[2], f[3], f[4], owners(gridOwner, f[5], f[6], f[7]),
                        limit, f[9].isEmpty() ? null : Urgency.valueOf(f[9]), Boolean.parseBoolean(f[10])));
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot read the default catalogue", e);
        }
        return result;
    }

    /** "3d" is 3 working days, "4h" is 4 working hours. */
    static TimeLimit parseLimit(String text) {
        int amount = Integer.parseInt(text.substring(0, text.length() - 1));
        return switch (text.charAt(text.length() - 1)) {
            case 'd' -> TimeLimit.workingDays(amount);
            case 'h' -> TimeLimit.workingHours(amount);
            default -> throw new IllegalArgumentException("a limit ends in d or h: " + text);
        };
    }

    private static Map<GridLevel, OwnerRule> owners(String grid, String community, String street, String district) {
        Map<GridLevel, OwnerRule> owners = new EnumMap<>(GridLevel.class);
        Optional.ofNullable(OwnerRule.parse(grid)).ifPresent(o -> owners.put(GridLevel.GRID, o));
        Optional.ofNullable(OwnerRule.parse(community)).ifPresent(o -> owners.put(GridLevel.COMMUNITY, o));
        Optional.ofNullable(OwnerRule.parse(street)).ifPresent(o -> owners.put(GridLevel.STREET, o));
        Optional.ofNullable(OwnerRule.parse(district)).ifPresent(o -> owners.put(GridLevel.DISTRICT, o));
        return owners;
    }

    private static String text(OwnerRule rule) {
        return rule == null ? null : rule.toString();
    }
}
