package org.onegrid.grid;

import java.util.List;
import java.util.Optional;
import org.onegrid.audit.AuditLog;
import org.onegrid.errors.ApiProblemException;
import org.onegrid.errors.Validation;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The territory's levels as the deployment defines them (see {@link TerritoryLevel}): the four
 * tiers under the deployment's own names, and the grouping levels it adds between them. Read
 * on every import and tree page, so held in memory and reloaded after each change.
 */
@Service
public class TerritoryLevels {

    /** A level as an administrator writes it; a null code length keeps the level's own. */
    public record LevelForm(String nameZh, String nameEn, Integer codeLength) {
    }

    private final JdbcClient jdbc;
    private final AuditLog audit;
    private volatile List<TerritoryLevel> levels = List.of();

    private final org.onegrid.platform.SharedChanges shared;

    TerritoryLevels(JdbcClient jdbc, AuditLog audit, org.onegrid.platform.SharedChanges shared) {
        this.jdbc = jdbc;
        this.audit = audit;
        this.shared = shared;
    }

    public synchronized void reload() {
        levels = jdbc.sql("SELECT key, name_zh, name_en, tier, code_length FROM territory_level ORDER BY code_length, key")
                .query((rs, i) -> new TerritoryLevel(rs.getString(1), rs.getString(2), rs.getString(3),
                        rs.getString(4) == null ? null : GridLevel.valueOf(rs.getString(4)), rs.getInt(5)))
                .list();
    }

    /** Every level from the district down. */
    public List<TerritoryLevel> list() {
        return levels;
    }

    public Optional<TerritoryLevel> find(String key) {
        return levels.stream().filter(l -> l.key().equals(key)).findFirst();
    }

    /** The level that stands for a tier. */
    public TerritoryLevel of(GridLevel tier) {
        return levels.stream().filter(l -> l.tier() == tier).findFirst()
                .orElseThrow(() -> new IllegalStateException("no territory level for " + tier));
    }

    /** The grouping levels whose codes have {@code length} digits. */
    public List<TerritoryLevel> groupingOfLength(int length) {
        return levels.stream().filter(l -> l.grouping() && l.codeLength() == length).toList();
    }

    /**
     * Renames a level, or adds a grouping level between tiers. A tier keeps its place and the
     * length of its codes; a grouping level's codes are 8 digits (below a district) or 11 (below a
     * street or town), and that length stays while nodes of the level exist.
     */
    @Transactional
    public TerritoryLevel define(String key, LevelForm form, String actor) {
        Validation v = new Validation();
        if (key == null || !key.matches("[A-Z][A-Z0-9_]{1,31}")) {
            v.reject("key", "must be 2 to 32 upper-case letters, digits or underscores, starting with a letter");
        }
        String nameZh = v.requiredText("nameZh", form.nameZh(), 40);
        String nameEn = v.requiredText("nameEn", form.nameEn(), 40);
        v.throwIfInvalid();
        Optional<TerritoryLevel> existing = find(key);
        Integer length = form.codeLength() != null ? form.codeLength() : existing.map(TerritoryLevel::codeLength).orElse(null);
        if (existing.isPresent() && !existing.get().grouping()) {
            if (length != existing.get().codeLength()) {
                throw ApiProblemException.invalid("codeLength", "a tier's codes keep the national layout: "
                        + existing.get().codeLength() + " digits");
            }
        } else if (length == null || (length != 8 && length != 11)) {
            throw ApiProblemException.invalid("codeLength", "a grouping level's codes have 8 digits (below a district) "
                    + "or 11 (below a street or town)");
        } else if (existing.isPresent() && length != existing.get().codeLength() && nodesAt(key) > 0) {
            throw ApiProblemException.conflict("level-in-use", "Level in use",
                    "the level " + key + " has nodes; its codes keep " + existing.get().codeLength() + " digits");
        }
        TerritoryLevel level = new TerritoryLevel(key, nameZh, nameEn, existing.map(TerritoryLevel::tier).orElse(null), length);
        jdbc.sql("""
                INSERT INTO territory_level (key, name_zh, name_en, tier, code_length) VALUES (?, ?, ?, ?, ?)
                ON CONFLICT (key) DO UPDATE SET name_zh = EXCLUDED.name_zh, name_en = EXCLUDED.name_en,
                    code_length = EXCLUDED.code_length
                """).params(key, nameZh, nameEn, level.tier() == null ? null : level.tier().name(), length).update();
        audit.record(actor, "grid.level", key, nameZh + " / " + nameEn + ", " + length + " digits");
        reload();
        shared.changed("grid"); // the others reload the tree and its levels
        return level;
    }

    private int nodesAt(String key) {
        return jdbc.sql("SELECT count(*) FROM grid_node WHERE level = ?").param(key).query(Integer.class).single();
    }
}
