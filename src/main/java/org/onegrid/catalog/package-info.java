/**
 * The matter catalogue (事项清单): a tree of categories, each with who owns it at each level of
 * the territory, its handling time limit, its urgency and whether the result is verified on site.
 */
@ApplicationModule(allowedDependencies = {"platform", "calendar", "directory", "grid", "audit", "errors"})
package org.onegrid.catalog;

import org.springframework.modulith.ApplicationModule;
