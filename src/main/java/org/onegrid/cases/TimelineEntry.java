package org.onegrid.cases;

import java.time.Instant;

/**
 * One line of a case's timeline: when, who (and in which role), what, the state before and
 * after, a system-written detail (such as the new owner) and the actor's note.
 */
record TimelineEntry(Instant at, String actor, String actorRole, CaseAction action,
                            CaseState from, CaseState to, String detail, String note) {
}
