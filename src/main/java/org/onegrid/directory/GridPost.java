package org.onegrid.directory;

/**
 * The posts of a base grid's team (网格服务团队) as the seeds staff it. One person may hold several
 * posts (一人兼) and posts in several grids (多包一); a post may be held by a staff account or by
 * a resident without one (a building head, the property company's contact).
 */
public enum GridPost {
    /** 网格长: leads the team, usually a community committee member. */
    GRID_LEADER,
    /** 指导员: a cadre of the street office guiding the grid. */
    INSTRUCTOR,
    /** 专管员: a specialist (petitions, safety, civil affairs) serving the grid. */
    SPECIALIST,
    /** 参与员: a party member or volunteer taking part. */
    PARTICIPANT,
    /** 专职网格员: the full-time grid worker. */
    GRID_WORKER,
    /** 楼栋长: head of a building. */
    BUILDING_HEAD,
    /** 单元长: head of a stairwell unit of a building. */
    UNIT_HEAD,
    /** 信息采集员: collects population and place information. */
    INFORMATION_COLLECTOR,
    /** 社区民警 of the matching police beat (网格+警格). */
    COMMUNITY_POLICE,
    /** 物业联络员: the property company's contact (网格+物业). */
    PROPERTY_CONTACT
}
