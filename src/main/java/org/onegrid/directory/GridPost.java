package org.onegrid.directory;

/** The posts of a grid's team: one leader, grid workers, the community police officer. */
public enum GridPost {
    /** 网格长 */
    GRID_LEADER,
    /** 网格员 (with a duty such as information collector or dispute mediator) */
    GRID_WORKER,
    /** 社区民警 of the matching police beat (网格+警格) */
    COMMUNITY_POLICE
}
