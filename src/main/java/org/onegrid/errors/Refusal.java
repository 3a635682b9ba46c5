package org.onegrid.errors;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A business rule's refusal, raised by a module's domain with no HTTP in it: either the actor may
 * not do this at all ({@link NotPermitted}), or the thing is not in a state that allows it
 * ({@link IllegalInState}). The web layer maps the first to 403 and the second to 409
 * ({@link #asProblem}); properties such as the action and the current state go along.
 */
public abstract sealed class Refusal extends RuntimeException permits Refusal.NotPermitted, Refusal.IllegalInState {

    private final String type;
    private final Map<String, Object> properties = new LinkedHashMap<>();

    private Refusal(String type, String detail) {
        super(detail, null, false, false);
        this.type = type;
    }

    /** The actor's role or unit may never take this action on this thing. */
    public static NotPermitted notPermitted(String detail) {
        return new NotPermitted(detail);
    }

    /** The action is allowed to this actor, but not in the thing's current state. */
    public static IllegalInState illegalInState(String type, String detail) {
        return new IllegalInState(type, detail);
    }

    public Refusal with(String property, Object value) {
        properties.put(property, value);
        return this;
    }

    public String type() {
        return type;
    }

    public Map<String, Object> properties() {
        return properties;
    }

    /** The refusal as the problem document the API and the pages show: 403 or 409. */
    public ApiProblemException asProblem() {
        ApiProblemException problem = this instanceof IllegalInState illegal
                ? ApiProblemException.conflict(type, illegal.title(), getMessage())
                : ApiProblemException.forbidden(getMessage());
        properties.forEach(problem::with);
        return problem;
    }

    /** Not permitted: the role, the unit or the grid of the actor excludes them. */
    public static final class NotPermitted extends Refusal {
        private NotPermitted(String detail) {
            super("forbidden", detail);
        }
    }

    /** Illegal in the current state: another action, or a later moment, may succeed. */
    public static final class IllegalInState extends Refusal {
        private IllegalInState(String type, String detail) {
            super(type, detail);
        }

        String title() {
            return "illegal-transition".equals(type()) ? "Illegal transition"
                    : "concurrent-change".equals(type()) ? "Changed by someone else" : "Not in this state";
        }
    }
}
