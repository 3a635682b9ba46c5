/**
 * Assessment (考核): the figures each unit, grid and category is judged on, folded day by day
 * from the cases' transition feed; rankings per month with the change from the month before; the
 * composite score with the administrator's weights; and the cases behind every figure. The
 * formulas are in {@code docs/indicators.md}.
 */
@ApplicationModule(allowedDependencies = {"platform", "cases", "calendar", "catalog", "directory", "grid", "audit", "errors"})
package org.onegrid.assessment;

import org.springframework.modulith.ApplicationModule;
