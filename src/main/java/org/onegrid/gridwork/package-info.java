/**
 * Grid work (网格工作): the daily work of a grid's team around the cases, in the compounds and
 * buildings of the grid module: patrols (巡查) with their track and the cases found on the way;
 * inspections (检查) of places against checklists; cadres posted to compounds (双报到/下沉) and
 * their duty shifts (值班) with on-site check-in; each person's monthly scorecard and the
 * ranking of grid workers within a street.
 */
@ApplicationModule(allowedDependencies = {"cases", "calendar", "directory", "grid", "audit", "errors"})
package org.onegrid.gridwork;

import org.springframework.modulith.ApplicationModule;
