/**
 * The demo district loaded on the first start with the embedded database: Haizhou District of
 * Lianyungang (division code 320706) cut into 6 streets, 42 communities and 168 base grids, with
 * the units and staff to run it and a few hundred cases in every state.
 */
@ApplicationModule(allowedDependencies = {"calendar", "cases", "catalog", "directory", "dispatch", "errors", "grid", "gridwork"})
package org.onegrid.demo;

import org.springframework.modulith.ApplicationModule;
