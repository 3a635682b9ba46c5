package org.onegrid.cases;

/**
 * A matter as intake records it. Location is a point (lat/lng, WGS-84) or, failing that, an
 * address; category and reporter are optional.
 */
public record NewCase(Channel channel, String title, String description, Double lat, Double lng, String address,
                      String categoryCode, String reporterName, String reporterPhone) {
}
