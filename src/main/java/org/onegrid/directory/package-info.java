/**
 * Who works the platform: units (district departments, street/town offices and their
 * departments, community/village committees, the command centre), staff accounts, their roles,
 * and staff assigned to grids.
 */
@ApplicationModule(allowedDependencies = {"platform", "grid", "audit", "errors"})
package org.onegrid.directory;

import org.springframework.modulith.ApplicationModule;
