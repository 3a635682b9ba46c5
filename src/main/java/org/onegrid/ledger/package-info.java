/**
 * Ledgers (台账) and exports: any filtered case list as a spreadsheet (Excel, streamed, or CSV),
 * run as a job with progress; the monthly assessment report; supervision teams' assignment
 * sheets (交办单) whose items are tracked until crossed off (销号).
 */
@ApplicationModule(allowedDependencies = {"assessment", "cases", "calendar", "directory", "security", "audit", "errors"})
package org.onegrid.ledger;

import org.springframework.modulith.ApplicationModule;
