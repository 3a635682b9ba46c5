/**
 * One dispatch (一体派单): finding the unit that owns a case from its category and location.
 */
@ApplicationModule(allowedDependencies = {"cases", "catalog", "directory", "grid", "audit", "errors"})
package org.onegrid.dispatch;

import org.springframework.modulith.ApplicationModule;
