package org.onegrid.gridwork;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.onegrid.directory.StaffMember;
import org.onegrid.errors.Refusal;
import org.onegrid.grid.Distance;

/**
 * A patrol (巡查) as an aggregate: walked by one grid worker, open until ended; its track grows
 * by positions later than the last one kept, its distance by the steps between them. Only the
 * walker adds positions and findings or ends it; an ended patrol takes nothing more.
 */
final class Patrol {

    /** A position from the phone. */
    record TrackPoint(Instant at, double lat, double lng) {
    }

    /**
     * A step faster than this between two positions is a jump of the phone's fix, not a walk or a
     * ride: the position is kept but the step does not count towards the distance.
     */
    static final double MAX_PLAUSIBLE_SPEED_METERS_PER_SECOND = 30;

    private final long id;
    private final long staffId;
    private final Instant startedAt;
    private Instant endedAt;
    private String summary;
    private double distanceMeters;
    private TrackPoint last;

    Patrol(long id, long staffId, Instant startedAt, Instant endedAt, String summary, double distanceMeters, TrackPoint last) {
        this.id = id;
        this.staffId = staffId;
        this.startedAt = startedAt;
        this.endedAt = endedAt;
        this.summary = summary;
        this.distanceMeters = distanceMeters;
        this.last = last;
    }

    /** Keeps the positions later than the last one kept, in time order; returns those kept. */
    List<TrackPoint> track(StaffMember walker, List<TrackPoint> points) {
        requireOpenFor(walker);
        List<TrackPoint> kept = new ArrayList<>();
        for (TrackPoint p : points.stream().sorted(Comparator.comparing(TrackPoint::at)).toList()) {
            if (last != null && !p.at().isAfter(last.at())) {
                continue;
            }
            if (last != null) {
                double step = Distance.meters(last.lat(), last.lng(), p.lat(), p.lng());
                double seconds = Math.max(1, Duration.between(last.at(), p.at()).toMillis() / 1000.0);
                if (step / seconds <= MAX_PLAUSIBLE_SPEED_METERS_PER_SECOND) {
                    distanceMeters += step;
                }
            }
            last = p;
            kept.add(p);
        }
        return kept;
    }

    void requireOpenFor(StaffMember walker) {
        if (walker.id() != staffId) {
            throw Refusal.notPermitted("only the grid worker walking this patrol adds to it or ends it");
        }
        if (endedAt != null) {
            throw Refusal.illegalInState("patrol-ended", "this patrol ended at " + endedAt + "; start a new one")
                    .with("patrolId", id);
        }
    }

    /** Ends the patrol; ending it again returns without change, so that a retry does no harm. */
    boolean end(StaffMember walker, String summaryText, Instant at) {
        if (walker.id() != staffId) {
            throw Refusal.notPermitted("only the grid worker walking this patrol ends it");
        }
        if (endedAt != null) {
            return false;
        }
        endedAt = at;
        summary = summaryText;
        return true;
    }

    long id() {
        return id;
    }

    long staffId() {
        return staffId;
    }

    Instant startedAt() {
        return startedAt;
    }

    Instant endedAt() {
        return endedAt;
    }

    String summary() {
        return summary;
    }

    double distanceMeters() {
        return distanceMeters;
    }
}
