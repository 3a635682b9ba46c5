package org.onegrid.catalog;

import org.springframework.boot.context.event.ApplicationStartedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** Loads the catalogue, filling an empty one with the default catalogue. */
@Component
class CatalogStartup {

    private final CatalogService catalog;

    CatalogStartup(CatalogService catalog) {
        this.catalog = catalog;
    }

    @EventListener(ApplicationStartedEvent.class)
    void load() {
        catalog.seedDefaultsIfEmpty();
    }
}
