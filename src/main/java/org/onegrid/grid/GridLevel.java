package org.onegrid.grid;

/**
 * Levels of the territory tree, each with the length of its code: division code (6 digits),
 * + street/town (3), + community/village (3), + base-grid serial (2-4).
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
