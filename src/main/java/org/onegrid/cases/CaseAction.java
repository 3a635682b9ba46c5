package org.onegrid.cases;

import java.util.Arrays;
import java.util.Optional;

/** The verbs of the life cycle, with the path segment each has in the API. */
public enum CaseAction {
    RECEIVE("receive"),
    DISPATCH("dispatch"),
    ACCEPT("accept"),
    RETURN("return"),
    RESOLVE("resolve"),
    VERIFY("verify"),
    RATE("rate"),
    CLOSE("close"),
    VOID("void"),
    ESCALATE("escalate"),
    REQUEST_EXTENSION("request-extension"),
    APPROVE_EXTENSION("approve-extension"),
    URGE("urge"),
    ARBITRATE("arbitrate"),
    WHISTLE("whistle"),
    REPORT_IN("report-in"),
    MERGE("merge"),
    CATEGORISE("categorise");

    private final String pathName;

    CaseAction(String pathName) {
        this.pathName = pathName;
    }

    public String pathName() {
        return pathName;
    }

    public static Optional<CaseAction> fromPath(String name) {
        return Arrays.stream(values()).filter(a -> a != RECEIVE && a.pathName.equals(name)).findFirst();
    }
}
