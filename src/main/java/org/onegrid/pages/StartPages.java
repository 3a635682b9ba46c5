package org.onegrid.pages;

import org.onegrid.directory.StaffMember;
import org.onegrid.security.SignedIn;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** Sign-in, and each role's start page. */
@Controller
class StartPages {

    @GetMapping("/")
    String start() {
        return SignedIn.staff().map(StartPages::startOf).map(path -> "redirect:" + path).orElse("redirect:/login");
    }

    static String startOf(StaffMember staff) {
        return switch (staff.role()) {
            case INTAKE_AGENT -> "/intake";
            case DISPATCHER -> "/dispatch";
            case UNIT_HANDLER, UNIT_LEADER -> "/inbox";
            case GRID_WORKER -> "/m";
            case DISTRICT_LEADER, ADMIN -> "/dashboard";
            case VOLUNTEER -> "/v";
            case MERCHANT -> "/v/merchant";
        };
    }

    @GetMapping("/login")
    String login() {
        return SignedIn.staff().isPresent() ? "redirect:/" : "login";
    }

    /** Where a refused request is forwarded (a missing CSRF token, a page of another role): 403, any method. */
    @org.springframework.web.bind.annotation.RequestMapping("/denied")
    @org.springframework.web.bind.annotation.ResponseStatus(org.springframework.http.HttpStatus.FORBIDDEN)
    String denied() {
        return "denied";
    }
}
