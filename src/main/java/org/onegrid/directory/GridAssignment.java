package org.onegrid.directory;

/** A staff member's post in a base grid, with the duty they carry there. */
public record GridAssignment(String gridCode, long staffId, String username, String displayName, GridPost post, String duty) {
}
