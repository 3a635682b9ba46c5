/**
 * The pages (页面) people run the command centre on: server-rendered with Thymeleaf and htmx,
 * Chinese first with English from the message bundles. Every page calls the same services as the
 * API; none has rules of its own.
 */
@ApplicationModule(allowedDependencies = {"assessment", "calendar", "cases", "catalog", "directory", "dispatch", "errors", "grid", "gridwork", "households", "ledger", "notify", "petitions", "eveningtalks", "security", "volunteering"})
package org.onegrid.pages;

import org.springframework.modulith.ApplicationModule;
