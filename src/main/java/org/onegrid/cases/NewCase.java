package org.onegrid.cases;

/**
 * A matter as intake records it. Location is a point (lat/lng, WGS-84) or, failing that, an
 * address; it may also name the compound or building (placeCode) it happened at, whose point
 * stands for the location when none is given. Category and reporter are optional.
 */
public record NewCase(Channel channel, String title, String description, Double lat, Double lng, String address,
                      String categoryCode, String reporterName, String reporterPhone, String placeCode) {

    /** A case located by its point or address only, without a compound or building. */
    public NewCase(Channel channel, String title, String description, Double lat, Double lng, String address,
                   String categoryCode, String reporterName, String reporterPhone) {
        this(channel, title, description, lat, lng, address, categoryCode, reporterName, reporterPhone, null);
    }
}
