package org.onegrid.directory;

import org.onegrid.grid.GridLevel;

/** The kinds of unit that own, handle or steer cases, each at one level of the territory. */
public enum UnitKind {
    /** 指挥中心: the district's command centre. */
    COMMAND_CENTRE(GridLevel.DISTRICT),
    /** 区直部门: a district department (urban management, environment, ...). */
    DISTRICT_DEPARTMENT(GridLevel.DISTRICT),
    /** 街道办事处/镇政府: a street office or town government. */
    STREET_OFFICE(GridLevel.STREET),
    /** 镇直部门/街道科室: a department of a street or town. */
    STREET_DEPARTMENT(GridLevel.STREET),
    /** 居委会/村委会: a community or village committee. */
    COMMUNITY_COMMITTEE(GridLevel.COMMUNITY),
    /**
     * 网格服务团队: a base grid's own team (grid leader, grid workers, specialists), which settles
     * the small matters its grid owns (小事不出格). Its members are the grid's posts, not staff of it.
     */
    GRID_TEAM(GridLevel.GRID);

    private final GridLevel level;

    UnitKind(GridLevel level) {
        this.level = level;
    }

    public GridLevel level() {
        return level;
    }
}
