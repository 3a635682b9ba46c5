package org.onegrid.volunteering;

import java.time.Duration;
import java.time.Instant;
import org.onegrid.errors.Refusal;

/**
 * A volunteer activity (志愿活动) as an aggregate: its capacity, its points rule and the code its
 * organiser shows on site. A volunteer signs up before it ends while places are left, checks in
 * and out with the current code, and is credited once the organiser confirms their time: the
 * minutes between check-in and check-out, or the minutes the organiser states.
 */
final class Activity {

    /** One volunteer's place on the activity. */
    record Signup(long volunteerId, Instant signedUpAt, Instant checkedInAt, Instant checkedOutAt, Instant confirmedAt) {
    }

    private final String communityCode;
    private final Instant endsAt;
    private final int capacity;
    private final int pointsPerHour;
    private final int maxHours;
    private final String checkCode;
    private final Instant checkCodeUntil;

    Activity(String communityCode, Instant endsAt, int capacity, int pointsPerHour, int maxHours,
             String checkCode, Instant checkCodeUntil) {
        this.communityCode = communityCode;
        this.endsAt = endsAt;
        this.capacity = capacity;
        this.pointsPerHour = pointsPerHour;
        this.maxHours = maxHours;
        this.checkCode = checkCode;
        this.checkCodeUntil = checkCodeUntil;
    }

    String communityCode() {
        return communityCode;
    }

    void requireSignUp(Signup existing, int taken, Instant now) {
        if (existing != null) {
            throw Refusal.illegalInState("already-signed-up", "this volunteer has signed up already");
        }
        if (!now.isBefore(endsAt)) {
            throw Refusal.illegalInState("activity-over", "the activity is over");
        }
        if (taken >= capacity) {
            throw Refusal.illegalInState("activity-full", "all " + capacity + " places are taken");
        }
    }

    void requireCheckIn(Signup signup, String code, Instant now) {
        requireSignedUp(signup);
        if (signup.checkedInAt() != null) {
            throw Refusal.illegalInState("checked-in", "checked in already at " + signup.checkedInAt());
        }
        requireCode(code, now);
    }

    void requireCheckOut(Signup signup, String code, Instant now) {
        requireSignedUp(signup);
        if (signup.checkedInAt() == null) {
            throw Refusal.illegalInState("not-checked-in", "check in first");
        }
        if (signup.checkedOutAt() != null) {
            throw Refusal.illegalInState("checked-out", "checked out already at " + signup.checkedOutAt());
        }
        requireCode(code, now);
    }

    /**
     * The points for confirming a volunteer's time: {@code minutes} when the organiser states them
     * (attendance confirmed without codes), else the time between check-in and check-out.
     */
    int pointsOnConfirm(Signup signup, Integer minutes) {
        requireSignedUp(signup);
        if (signup.confirmedAt() != null) {
            throw Refusal.illegalInState("confirmed", "the time was confirmed already; a change is a correction");
        }
        int counted;
        if (minutes != null) {
            counted = minutes;
        } else if (signup.checkedInAt() != null && signup.checkedOutAt() != null) {
            counted = (int) Duration.between(signup.checkedInAt(), signup.checkedOutAt()).toMinutes();
        } else {
            throw Refusal.illegalInState("no-time", "the volunteer has not checked in and out; state the minutes served");
        }
        return PointsRule.points(counted, pointsPerHour, maxHours);
    }

    int minutesOf(Signup signup, Integer minutes) {
        return minutes != null ? minutes : (int) Duration.between(signup.checkedInAt(), signup.checkedOutAt()).toMinutes();
    }

    private static void requireSignedUp(Signup signup) {
        if (signup == null) {
            throw Refusal.illegalInState("not-signed-up", "this volunteer has not signed up to the activity");
        }
    }

    private void requireCode(String code, Instant now) {
        CheckCodePolicy.refusal(code, checkCode, checkCodeUntil, now).ifPresent(reason -> {
            throw org.onegrid.errors.ApiProblemException.unprocessable("code", reason);
        });
    }
}
