package org.onegrid.directory;

import org.springframework.boot.context.event.ApplicationStartedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** Loads the units into memory once the schema is in place. */
@Component
class DirectoryStartup {

    private final DirectoryService directory;

    DirectoryStartup(DirectoryService directory) {
        this.directory = directory;
    }

    @EventListener(ApplicationStartedEvent.class)
    void load() {
        directory.reloadUnits();
    }
}
