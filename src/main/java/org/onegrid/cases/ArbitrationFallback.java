package org.onegrid.cases;

import org.onegrid.directory.Role;
import org.onegrid.directory.StaffMember;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Every minute, gives the cases nobody arbitrated in time to their fallback owner
 * ({@link ArbitrationPolicy}). Several instances may run it at once: optimistic locking lets one
 * hand each case over and keeps a person's decision, taken at the same moment, from being
 * overwritten.
 */
@Component
class ArbitrationFallback {

    /** The actor the timeline names for the fallback. */
    static final StaffMember SYSTEM = new StaffMember(0, "system:arbitration", "仲裁兜底", Role.DISPATCHER, null);

    private final CaseService cases;

    ArbitrationFallback(CaseService cases) {
        this.cases = cases;
    }

    @Scheduled(fixedDelayString = "${onegrid.arbitration.fallback-every:PT1M}")
    void run() {
        cases.applyArbitrationFallback(SYSTEM);
    }
}
