/**
 * Platform plumbing every module stands on: the embedded PostgreSQL server used when no
 * external database is configured, and the application clock.
 */
@ApplicationModule(allowedDependencies = {})
package org.onegrid.platform;

import org.springframework.modulith.ApplicationModule;
