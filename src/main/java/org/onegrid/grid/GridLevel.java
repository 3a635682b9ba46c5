package org.onegrid.grid;

/**
 * The four tiers of the territory that the rules address: the 2/3/1 ladder, the unit kinds and
 * the owners a category names. Each keeps the length of its code in the national layout:
 * division code (6 digits), + street/town (3), + community/village (3), + base-grid serial (2-4).
 * The levels a deployment shows its people, and the grouping levels it adds between tiers (a
 * town's 管区), are data: {@link TerritoryLevel}.
 */
public enum GridLevel {
    /** 区/县 */
    DISTRICT,
    /** 街道/镇 */
    STREET,
    /** 社区/村 */
    COMMUNITY,
    /** 基础网格 */
    GRID;
}
