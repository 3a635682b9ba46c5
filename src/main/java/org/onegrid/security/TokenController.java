package org.onegrid.security;

import java.util.List;
import org.onegrid.directory.StaffMember;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** A user's own API tokens: made only after a sign-in with the password; listed and revoked either way. */
@RestController
class TokenController {

    record TokenRequest(String name, Integer days) {
    }

    private final ApiTokenService tokens;

    TokenController(ApiTokenService tokens) {
        this.tokens = tokens;
    }

    @PostMapping("/api/tokens")
    ResponseEntity<ApiTokenService.NewToken> create(@RequestBody TokenRequest request, StaffMember me) {
        if (SignedIn.byToken()) {
            // A token minting tokens would let a leaked or expiring token outlive itself.
            throw org.onegrid.errors.Refusal.notPermitted("a new API token needs a sign-in with the password, not a token");
        }
        return ResponseEntity.status(HttpStatus.CREATED).body(tokens.create(me, request.name(), request.days()));
    }

    @GetMapping("/api/tokens")
    List<ApiTokenService.TokenInfo> list(StaffMember me) {
        return tokens.list(me);
    }

    @DeleteMapping("/api/tokens/{id}")
    ResponseEntity<Void> revoke(@PathVariable long id, StaffMember me) {
        tokens.revoke(me, id);
        return ResponseEntity.noContent().build();
    }
}
