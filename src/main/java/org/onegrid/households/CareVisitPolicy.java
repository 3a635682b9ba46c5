package org.onegrid.households;

import java.time.LocalDate;
import java.time.ZoneId;

/**
 * When a household is next due a care visit (关爱走访): every so many days for the most
 * demanding flag its living members carry (an elderly person living alone weekly, a veteran
 * quarterly, as the administrator sets each flag in use), counted from the last visit, or from
 * the day the household came on the register when nobody has visited yet. A household with no
 * flag that asks for visits is due none. Overdue once the day has passed.
 *
 * <p>The rule is one SQL expression over a household row {@code h}, so that lists select and
 * filter by it in the database (a street's households are not read into memory to find the few
 * overdue).
 */
final class CareVisitPolicy {

    private CareVisitPolicy() {
    }

    /** The day household {@code h} is due its next visit (null: none due), in the district's zone. */
    static String dueOnSql(ZoneId zone) {
        String z = "'" + zone.getId().replace("'", "") + "'";
        return """
                (SELECT CASE WHEN e.every IS NULL THEN NULL ELSE coalesce(
                            (SELECT (max(v.at) AT TIME ZONE %1$s)::date FROM household_visit v WHERE v.household_id = h.id) + e.every,
                            (h.created_at AT TIME ZONE %1$s)::date) END
                   FROM (SELECT min(f.visit_every_days) AS every FROM household_member m2
                         JOIN care_flag f ON f.code = ANY(m2.flags) AND f.active AND f.visit_every_days IS NOT NULL
                         WHERE m2.household_id = h.id AND m2.moved_out_on IS NULL AND m2.erased_at IS NULL) e)""".formatted(z);
    }

    static boolean overdue(LocalDate dueOn, LocalDate today) {
        return dueOn != null && today.isAfter(dueOn);
    }
}
