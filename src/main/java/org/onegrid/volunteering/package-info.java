/**
 * Volunteering (志愿服务积分, seed 001): volunteers register with their community, sign up to
 * its activities, check in and out with the organiser's code and earn points by the activity's
 * rule; merchants publish rewards that volunteers redeem. Every movement of points is a pair of
 * entries in an append-only ledger ({@link org.onegrid.volunteering.PointsLedger}).
 */
@ApplicationModule(allowedDependencies = {"directory", "grid", "calendar", "audit", "errors"})
package org.onegrid.volunteering;

import org.springframework.modulith.ApplicationModule;
