/**
 * Open systems: an Open311 GeoReport v2 server at {@code /open311/v2/} (discovery, services and
 * their definitions, posting, tokens, requests) in XML and JSON as the specification writes them,
 * for the client applications an administrator issued a key to; requests made this way are
 * ordinary cases.
 */
@ApplicationModule(allowedDependencies = {"audit", "calendar", "cases", "catalog", "directory", "errors", "security"})
package org.onegrid.open311;

import org.springframework.modulith.ApplicationModule;
