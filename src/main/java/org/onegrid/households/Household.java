package org.onegrid.households;

import java.time.LocalDate;
import java.util.List;
import org.onegrid.errors.ApiProblemException;
import org.onegrid.errors.Refusal;

/**
 * A household (户) on the register as an aggregate: its living members, who moves in and out,
 * and the one head (户主) among those living there. A member's move out is final (coming back is a
 * new move in); an erased member is no one's to read or change.
 */
final class Household {

    /** A member as the rules read them. */
    record Member(long id, String relation, LocalDate movedInOn, LocalDate movedOutOn, boolean erased) {

        boolean living() {
            return movedOutOn == null && !erased;
        }
    }

    private final long id;
    private final String gridCode;
    private final List<Member> members;

    Household(long id, String gridCode, List<Member> members) {
        this.id = id;
        this.gridCode = gridCode;
        this.members = List.copyOf(members);
    }

    long id() {
        return id;
    }

    String gridCode() {
        return gridCode;
    }

    /** A new member with {@code relation}: a second living head is refused. */
    void requireMoveIn(String relation) {
        requireOneHead(relation, null);
    }

    /** Changing a member's relation: a second living head is refused. */
    void requireRelation(long memberId, String relation) {
        requireLiving(memberId);
        requireOneHead(relation, memberId);
    }

    private void requireOneHead(String relation, Long except) {
        if ("HEAD".equals(relation) && members.stream().anyMatch(m -> m.living() && "HEAD".equals(m.relation())
                && (except == null || m.id() != except))) {
            throw ApiProblemException.invalid("relation", "the household has a head (户主) already; change theirs first");
        }
    }

    /** Moving a member out on {@code on}: once, not before they moved in. */
    void requireMoveOut(long memberId, LocalDate on) {
        Member m = requireLiving(memberId);
        if (on.isBefore(m.movedInOn())) {
            throw ApiProblemException.invalid("on", "must be on or after the day they moved in, " + m.movedInOn());
        }
    }

    Member requireLiving(long memberId) {
        Member m = member(memberId);
        if (m.erased()) {
            throw Refusal.illegalInState("member-erased", "the member's data was erased");
        }
        if (m.movedOutOn() != null) {
            throw Refusal.illegalInState("member-moved-out", "the member moved out on " + m.movedOutOn());
        }
        return m;
    }

    Member member(long memberId) {
        return members.stream().filter(m -> m.id() == memberId).findFirst()
                .orElseThrow(() -> ApiProblemException.notFound("member", memberId));
    }
}
