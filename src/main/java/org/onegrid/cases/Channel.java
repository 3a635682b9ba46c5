package org.onegrid.cases;

/** The door a matter came in through (一口受理). */
public enum Channel {
    /** 12345 政务服务便民热线 */
    HOTLINE_12345,
    /** 网格员上报 */
    GRID_WORKER,
    /** 一窗受理: walk-in service window */
    WALK_IN,
    /** 乡村夜话: village evening meeting */
    VILLAGE_MEETING,
    /** 督查巡查: supervision and inspection findings */
    INSPECTION,
    /** 数字城管 */
    DIGITAL_URBAN_MANAGEMENT,
    /** 信访 */
    PETITION,
    /** 居民网上/扫码提交 */
    RESIDENT_ONLINE,
    /** Open311 GeoReport v2: an application of a client the administrator issued a key to */
    OPEN311,
    /** 其他 */
    OTHER
}
