/**
 * The territory tree (网格): district, street/town, community/village and base grid (基础网格),
 * their codes in the national layout, base-grid polygons, and locating a point to its grid; the
 * residential compounds (小区) and buildings (楼栋) below a base grid, each with a point.
 */
@ApplicationModule(allowedDependencies = {"platform", "audit", "errors"})
package org.onegrid.grid;

import org.springframework.modulith.ApplicationModule;
