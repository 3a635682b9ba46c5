package org.onegrid.catalog;

/** How fast a matter needs hands on it. */
public enum Urgency {
    /** 一般 */
    ROUTINE,
    /** 紧急 */
    URGENT,
    /** 特急: risk to life or property */
    EMERGENCY
}
