package org.onegrid.notify;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** Runs the outbox: folds new timeline entries into messages, then sends what is due. */
@Component
class OutboxWorker {

    private static final Logger log = LoggerFactory.getLogger(OutboxWorker.class);

    private final Outbox outbox;

    OutboxWorker(Outbox outbox) {
        this.outbox = outbox;
    }

    @Scheduled(fixedDelayString = "${onegrid.notify.every:PT2S}", initialDelayString = "${onegrid.notify.every:PT2S}")
    void run() {
        try {
            while (outbox.fold() == Outbox.FOLD_BATCH) {
                // a backlog: read on until the feed is caught up
            }
            while (outbox.deliverDue() > 0) {
                // keep going while a batch sends something
            }
        } catch (RuntimeException e) {
            log.warn("The outbox run stopped and will try again: {}", org.onegrid.errors.LogSafe.text(e.getMessage()));
        }
    }
}
