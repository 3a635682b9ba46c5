package org.onegrid.grid;

/** Distances on the ground between two points (WGS 84 degrees), by the haversine formula. */
public final class Distance {

    private static final double EARTH_RADIUS_METERS = 6_371_008.8;

    private Distance() {
    }

    /** The great-circle distance in metres between two points. */
    public static double meters(double lat1, double lng1, double lat2, double lng2) {
        double p1 = Math.toRadians(lat1);
        double p2 = Math.toRadians(lat2);
        double dp = p2 - p1;
        double dl = Math.toRadians(lng2 - lng1);
        double h = Math.sin(dp / 2) * Math.sin(dp / 2) + Math.cos(p1) * Math.cos(p2) * Math.sin(dl / 2) * Math.sin(dl / 2);
        return 2 * EARTH_RADIUS_METERS * Math.asin(Math.min(1, Math.sqrt(h)));
    }
}
