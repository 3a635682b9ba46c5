/**
 * The demo district loaded on the first start with the embedded database: Haizhou District of
 * Lianyungang (division code 320706) cut into 6 streets, 42 communities and 168 base grids, with
 * the units and staff to run it, a few hundred cases in every state, a month of grid work, a
 * season of village evening talks, a month of volunteering, a register of residents in two
 * communities and a few petitions of each grade.
 */
@ApplicationModule(allowedDependencies = {"calendar", "cases", "catalog", "directory", "dispatch", "errors", "eveningtalks", "grid", "gridwork", "households", "petitions", "volunteering"})
package org.onegrid.demo;

import org.springframework.modulith.ApplicationModule;
