package org.onegrid.cases;

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

    private final ArbitrationDesk desk;

    ArbitrationFallback(ArbitrationDesk desk) {
        this.desk = desk;
    }

    @Scheduled(fixedDelayString = "${onegrid.arbitration.fallback-every:PT1M}")
    @net.javacrumbs.shedlock.spring.annotation.SchedulerLock(name = "arbitration-fallback", lockAtMostFor = "PT2M")
    void run() {
        desk.applyFallback();
    }
}
