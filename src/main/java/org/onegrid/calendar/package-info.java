/**
 * The working-day calendar (工作日历): weekends, official holidays and make-up workdays kept as
 * data per year, office hours, and the deadline arithmetic every clock in the platform uses.
 */
@ApplicationModule(allowedDependencies = {"platform", "audit", "errors"})
package org.onegrid.calendar;

import org.springframework.modulith.ApplicationModule;
