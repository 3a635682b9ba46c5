package org.onegrid.cases;

import static org.onegrid.cases.CaseState.ACCEPTED;
import static org.onegrid.cases.CaseState.DISPATCHED;
import static org.onegrid.cases.CaseState.RATED;
import static org.onegrid.cases.CaseState.RECEIVED;
import static org.onegrid.cases.CaseState.RESOLVED;
import static org.onegrid.cases.CaseState.RETURNED;
import static org.onegrid.cases.CaseState.VERIFIED;
import static org.onegrid.directory.Role.DISPATCHER;
import static org.onegrid.directory.Role.DISTRICT_LEADER;
import static org.onegrid.directory.Role.GRID_WORKER;
import static org.onegrid.directory.Role.INTAKE_AGENT;
import static org.onegrid.directory.Role.UNIT_HANDLER;
import static org.onegrid.directory.Role.UNIT_LEADER;

import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.onegrid.directory.Role;
import org.onegrid.errors.Refusal;

/**
 * Who may do what, from which state: the one table of the life cycle.
 * <pre>
 * action             from                                  roles                               whose
 * dispatch           RECEIVED, RETURNED                    DISPATCHER                          -
 * accept             DISPATCHED                            UNIT_HANDLER, UNIT_LEADER, GRID_WORKER owning unit
 * return             DISPATCHED, ACCEPTED                  UNIT_HANDLER, UNIT_LEADER, GRID_WORKER owning unit
 * resolve            ACCEPTED                              UNIT_HANDLER, UNIT_LEADER, GRID_WORKER owning unit
 * verify             RESOLVED                              DISPATCHER, GRID_WORKER             grid worker: own grid, not own team
 * rate               VERIFIED (RESOLVED if no site check)  INTAKE_AGENT, DISPATCHER            -
 * close              RATED, VERIFIED                       DISPATCHER                          -
 * void               RECEIVED, RETURNED, DISPATCHED        DISPATCHER                          -
 * escalate           DISPATCHED, ACCEPTED                  UNIT_HANDLER, UNIT_LEADER, GRID_WORKER owning unit
 * request-extension  ACCEPTED                              UNIT_HANDLER, UNIT_LEADER, GRID_WORKER owning unit
 * approve-extension  ACCEPTED                              DISPATCHER                          -
 * urge               any open state                        DISPATCHER, UNIT_LEADER, DISTRICT_LEADER
 * arbitrate          RECEIVED, RETURNED (in arbitration)   DISPATCHER                          -
 * whistle            DISPATCHED, ACCEPTED                  UNIT_HANDLER, UNIT_LEADER           street office of the case's street
 * report-in          DISPATCHED, ACCEPTED                  UNIT_HANDLER, UNIT_LEADER           a summoned co-handler
 * merge              RECEIVED, RETURNED, DISPATCHED        INTAKE_AGENT, DISPATCHER            - (the case merged away)
 * categorise         RECEIVED, RETURNED                    INTAKE_AGENT, DISPATCHER            -
 * (record a case)    -                                     INTAKE_AGENT, DISPATCHER, GRID_WORKER, UNIT_HANDLER, UNIT_LEADER
 * </pre>
 * A grid worker owns a case when it is with the team of one of their grids (a unit of kind
 * GRID_TEAM, 小事不出格); anywhere else they act only in their own grids.
 * The role is checked before the state: a role that may never do an action is refused (403)
 * whatever the case's state; a role that may, on a case in the wrong state, gets 409.
 */
public final class TransitionRules {

    /** Whether the action is limited to the unit that owns the case, or to the case's grid. */
    enum Scope { ANY, OWNING_UNIT }

    record Rule(Set<CaseState> from, Set<Role> roles, Scope scope) {
    }

    private static final Map<CaseAction, Rule> RULES = new EnumMap<>(CaseAction.class);

    static {
        RULES.put(CaseAction.DISPATCH, new Rule(EnumSet.of(RECEIVED, RETURNED), EnumSet.of(DISPATCHER), Scope.ANY));
        RULES.put(CaseAction.ACCEPT, new Rule(EnumSet.of(DISPATCHED), EnumSet.of(UNIT_HANDLER, UNIT_LEADER, GRID_WORKER), Scope.OWNING_UNIT));
        RULES.put(CaseAction.RETURN, new Rule(EnumSet.of(DISPATCHED, ACCEPTED), EnumSet.of(UNIT_HANDLER, UNIT_LEADER, GRID_WORKER), Scope.OWNING_UNIT));
        RULES.put(CaseAction.RESOLVE, new Rule(EnumSet.of(ACCEPTED), EnumSet.of(UNIT_HANDLER, UNIT_LEADER, GRID_WORKER), Scope.OWNING_UNIT));
        RULES.put(CaseAction.VERIFY, new Rule(EnumSet.of(RESOLVED), EnumSet.of(DISPATCHER, GRID_WORKER), Scope.ANY));
        RULES.put(CaseAction.RATE, new Rule(EnumSet.of(VERIFIED, RESOLVED), EnumSet.of(INTAKE_AGENT, DISPATCHER), Scope.ANY));
        RULES.put(CaseAction.CLOSE, new Rule(EnumSet.of(RATED, VERIFIED), EnumSet.of(DISPATCHER), Scope.ANY));
        RULES.put(CaseAction.VOID, new Rule(EnumSet.of(RECEIVED, RETURNED, DISPATCHED), EnumSet.of(DISPATCHER), Scope.ANY));
        RULES.put(CaseAction.ESCALATE, new Rule(EnumSet.of(DISPATCHED, ACCEPTED), EnumSet.of(UNIT_HANDLER, UNIT_LEADER, GRID_WORKER), Scope.OWNING_UNIT));
        RULES.put(CaseAction.REQUEST_EXTENSION, new Rule(EnumSet.of(ACCEPTED), EnumSet.of(UNIT_HANDLER, UNIT_LEADER, GRID_WORKER), Scope.OWNING_UNIT));
        RULES.put(CaseAction.APPROVE_EXTENSION, new Rule(EnumSet.of(ACCEPTED), EnumSet.of(DISPATCHER), Scope.ANY));
        RULES.put(CaseAction.URGE, new Rule(EnumSet.of(RECEIVED, DISPATCHED, ACCEPTED, RETURNED, RESOLVED, VERIFIED, RATED),
                EnumSet.of(DISPATCHER, UNIT_LEADER, DISTRICT_LEADER), Scope.ANY));
        RULES.put(CaseAction.ARBITRATE, new Rule(EnumSet.of(RECEIVED, RETURNED), EnumSet.of(DISPATCHER), Scope.ANY));
        // Who may whistle, and who may report in, is checked against the units by the case itself.
        RULES.put(CaseAction.WHISTLE, new Rule(EnumSet.of(DISPATCHED, ACCEPTED), EnumSet.of(UNIT_HANDLER, UNIT_LEADER), Scope.ANY));
        RULES.put(CaseAction.REPORT_IN, new Rule(EnumSet.of(DISPATCHED, ACCEPTED), EnumSet.of(UNIT_HANDLER, UNIT_LEADER), Scope.ANY));
        RULES.put(CaseAction.MERGE, new Rule(EnumSet.of(RECEIVED, RETURNED, DISPATCHED), EnumSet.of(INTAKE_AGENT, DISPATCHER), Scope.ANY));
        RULES.put(CaseAction.CATEGORISE, new Rule(EnumSet.of(RECEIVED, RETURNED), EnumSet.of(INTAKE_AGENT, DISPATCHER), Scope.ANY));
    }

    /** Who may record a new case (受理): everyone who takes calls or works in the field or a unit. */
    public static final Set<Role> INTAKE_ROLES = Set.of(INTAKE_AGENT, DISPATCHER, GRID_WORKER, UNIT_HANDLER, UNIT_LEADER);

    private TransitionRules() {
    }

    /** Whether someone in {@code role} may record a new case. */
    public static boolean mayRecord(Role role) {
        return INTAKE_ROLES.contains(role);
    }

    /**
     * Whether someone in {@code role} may try {@code action} on a case in {@code state}: what a
     * page offers. Whose case it is (the owning unit, a grid worker's grid) is checked on the try.
     */
    public static boolean offers(CaseAction action, Role role, CaseState state) {
        Rule rule = RULES.get(action);
        return rule != null && rule.roles().contains(role) && rule.from().contains(state);
    }

    /**
     * Why {@code actor} may not take {@code action} on a case in {@code state} owned by
     * {@code ownerUnitId} in {@code gridCode}, or empty when they may: the role first (never
     * allowed: not permitted), then the state (illegal in it), then whose case it is (the owning
     * unit; a grid worker's own grids).
     */
    static Optional<Refusal> refusal(CaseAction action, CaseActor actor, CaseState state, Long ownerUnitId,
                                     String gridCode) {
        Rule rule = rule(action);
        if (!rule.roles().contains(actor.role())) {
            return Optional.of(Refusal.notPermitted("a " + actor.role() + " may not " + action.pathName() + " a case"));
        }
        if (!rule.from().contains(state)) {
            return Optional.of(Refusal.illegalInState("illegal-transition",
                    "cannot " + action.pathName() + " a case that is " + state));
        }
        if (rule.scope() == Scope.OWNING_UNIT && !actor.worksFor(ownerUnitId)) {
            return Optional.of(Refusal.notPermitted("only the unit that owns the case may " + action.pathName() + " it"));
        }
        if (actor.role() == GRID_WORKER && !actor.gridCodes().contains(gridCode)) {
            return Optional.of(Refusal.notPermitted("a grid worker may act only on cases in their own grids"));
        }
        return Optional.empty();
    }

    static Rule rule(CaseAction action) {
        Rule rule = RULES.get(action);
        if (rule == null) {
            throw new IllegalArgumentException("no rule for " + action);
        }
        return rule;
    }
}
