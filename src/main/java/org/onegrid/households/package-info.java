/**
 * The grid's register of residents (人口信息登记): households at a building or an address of a
 * base grid, their members with care flags (关爱对象) and key persons (重点人员), moves in and out,
 * care visits due per flag, door-to-door campaigns (入户走访) with a checklist per household, and
 * imports from the communities' spreadsheets. Held under strict privacy: only the grid's own team
 * and its community read it, ID numbers are encrypted and shown masked, every reveal and export is
 * logged with its purpose.
 */
@ApplicationModule(allowedDependencies = {"audit", "directory", "errors", "grid", "ledger", "security"})
package org.onegrid.households;

import org.springframework.modulith.ApplicationModule;
