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
    COMMUNITY_COMMITTEE(GridLevel.COMMUNITY);

    private final GridLevel level;

    UnitKind(GridLevel level) {
        this.level = level;
    }

    public GridLevel level() {
        return level;
    }
}
