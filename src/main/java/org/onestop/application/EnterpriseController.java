package org.onestop.application;

import java.util.List;
import org.onestop.security.PortalUser;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/** The enterprise account's colleagues, and the enterprises a person was let into. */
@RestController
class EnterpriseController {

    private final EnterpriseMembers members;

    EnterpriseController(EnterpriseMembers members) {
        this.members = members;
    }

    @GetMapping("/api/enterprise/members")
    Mono<List<EnterpriseMembers.Member>> members() {
        return PortalUser.required().flatMap(members::members);
    }

    @PostMapping("/api/enterprise/members")
    @ResponseStatus(HttpStatus.CREATED)
    Mono<EnterpriseMembers.Member> grant(@RequestBody EnterpriseMembers.GrantRequest body) {
        return PortalUser.required().flatMap(u -> members.grant(u, body));
    }

    @DeleteMapping("/api/enterprise/members/{accountId}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    Mono<Void> revoke(@PathVariable long accountId) {
        return PortalUser.required().flatMap(u -> members.revoke(u, accountId));
    }

    @GetMapping("/api/enterprise/memberships")
    Mono<List<EnterpriseMembers.Membership>> memberships() {
        return PortalUser.required().flatMap(members::memberships);
    }
}
