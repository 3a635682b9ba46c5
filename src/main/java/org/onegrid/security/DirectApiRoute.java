package org.onegrid.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.onegrid.directory.StaffMember;

/**
 * An API call so frequent that it is answered at the end of the API's security filter chain,
 * after sign-in, limits and authorisation, instead of through Spring MVC's dispatch (about an
 * eighth of the cost of an intake on the two-core reference machine; docs/decisions.md). A route
 * takes only the requests it is sure of; everything else goes on to Spring MVC unchanged. A
 * failure while answering is turned into a problem document by Spring MVC's exception handlers,
 * the same as for a controller.
 */
public interface DirectApiRoute {

    /**
     * Whether this route answers the request, judged from its method, path and headers only
     * (the body is not read yet). When false, the request goes on to Spring MVC.
     */
    boolean takes(HttpServletRequest request);

    /** The path pattern the request metrics (http.server.requests) record for a taken request. */
    String pathPattern();

    /** Answers a request this route took, on behalf of the signed-in {@code staff}. */
    void answer(HttpServletRequest request, HttpServletResponse response, StaffMember staff) throws IOException;
}
