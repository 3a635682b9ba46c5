package org.onegrid.households;

import java.time.LocalDate;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * When a household is next due a care visit (关爱走访): every so many days for the most
 * demanding flag its living members carry (an elderly person living alone weekly, a veteran
 * quarterly, as the administrator sets each flag), counted from the last visit, or from the day
 * the household came on the register when nobody has visited yet. A household with no flag that
 * asks for visits is due none. Overdue once the day has passed.
 */
final class CareVisitPolicy {

    private CareVisitPolicy() {
    }

    static Optional<LocalDate> dueOn(Collection<String> flags, Map<String, Integer> everyDaysByFlag, LocalDate lastVisit,
                                     LocalDate registered) {
        OptionalInt every = flags.stream().map(everyDaysByFlag::get).filter(d -> d != null).mapToInt(Integer::intValue).min();
        if (every.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of((lastVisit != null ? lastVisit : registered).plusDays(lastVisit != null ? every.getAsInt() : 0));
    }

    static boolean overdue(Optional<LocalDate> due, LocalDate today) {
        return due.map(today::isAfter).orElse(false);
    }
}
