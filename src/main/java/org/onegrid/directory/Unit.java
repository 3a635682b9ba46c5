package org.onegrid.directory;

/**
 * A unit (单位) that can own cases.
 *
 * @param id         database id
 * @param code       stable short code
 * @param name       the name on screens and reports
 * @param kind       what kind of unit, which fixes its level
 * @param parentId   the unit above it on the escalation path (a street department's street office,
 *                   a community committee's street office, a street office's command centre), or null
 * @param regionCode the grid node (district, street or community) whose territory it serves
 * @param line       the line of work of a department (URBAN_MANAGEMENT, ENVIRONMENT, ...), or null
 */
public record Unit(long id, String code, String name, UnitKind kind, Long parentId, String regionCode, String line) {
}
