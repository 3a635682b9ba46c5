package org.onegrid.grid;

import org.springframework.boot.context.event.ApplicationStartedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/** Loads the tree into memory once the schema is in place. */
@Component
class GridStartup {

    private final GridService grids;

    GridStartup(GridService grids) {
        this.grids = grids;
    }

    @EventListener(ApplicationStartedEvent.class)
    @Order(Ordered.HIGHEST_PRECEDENCE)
    void load() {
        grids.reload();
    }
}
