package org.onegrid.eveningtalks;

import java.time.Instant;
import org.onegrid.errors.Refusal;

/**
 * A village evening talk (乡村夜话) as an aggregate: planned for a time, its notice sent once,
 * its topics decided once it has begun, and closed by its minutes. Once minuted it takes no
 * more topics and no more decisions; topics it did not reach wait for the next meeting.
 */
final class EveningTalk {

    private final String communityCode;
    private final Instant startsAt;
    private final Instant noticedAt;
    private final Instant heldAt;

    EveningTalk(String communityCode, Instant startsAt, Instant noticedAt, Instant heldAt) {
        this.communityCode = communityCode;
        this.startsAt = startsAt;
        this.noticedAt = noticedAt;
        this.heldAt = heldAt;
    }

    String communityCode() {
        return communityCode;
    }

    Instant startsAt() {
        return startsAt;
    }

    void requireTakesTopics() {
        if (heldAt != null) {
            throw Refusal.illegalInState("talk-minuted", "the meeting was minuted; the topic goes to the next meeting");
        }
    }

    /** Whether the notice goes out now: false when it went out before (sending it again changes nothing). */
    boolean sendNotice() {
        requireTakesTopics();
        return noticedAt == null;
    }

    /** A topic is decided in the meeting: once it has begun and before the minutes close it. */
    void requireDeciding(Instant now) {
        requireTakesTopics();
        if (now.isBefore(startsAt)) {
            throw Refusal.illegalInState("talk-not-begun", "the meeting begins at " + startsAt + "; decide its topics there");
        }
    }

    /** Closing the minutes: once the meeting has begun, and only once. */
    void requireClosing(Instant now) {
        requireDeciding(now);
    }
}
