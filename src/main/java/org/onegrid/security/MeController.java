package org.onegrid.security;

import org.onegrid.directory.StaffMember;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** Who am I: the signed-in staff member. */
@RestController
class MeController {

    @GetMapping("/api/me")
    StaffMember me(StaffMember me) {
        return me;
    }
}
