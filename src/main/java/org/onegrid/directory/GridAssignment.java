package org.onegrid.directory;

/**
 * A post in a base grid's team: held by a staff account ({@code staffId}, {@code username}) or by
 * a resident without one (then only {@code displayName}); the duty carried there, the building or
 * compound it covers if any, and the contact phone published on the grid's public page.
 */
public record GridAssignment(long id, String gridCode, Long staffId, String username, String displayName, GridPost post,
                             String duty, String placeCode, String contactPhone) {
}
