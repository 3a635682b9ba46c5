package org.onegrid.notify.web;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.onegrid.directory.StaffMember;
import org.onegrid.notify.Channel;
import org.onegrid.notify.Outbox;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** My notifications, how I am reached, and the failed messages the command centre resends. */
@RestController
class NotificationController {

    record ContactBody(String email, Set<Channel> channels, Map<String, Set<Channel>> events) {
    }

    private final Outbox outbox;
    private final org.onegrid.notify.Broadcasts broadcasts;

    private final org.onegrid.cases.ResidentDesk residents;

    NotificationController(Outbox outbox, org.onegrid.notify.Broadcasts broadcasts, org.onegrid.cases.ResidentDesk residents) {
        this.residents = residents;
        this.outbox = outbox;
        this.broadcasts = broadcasts;
    }

    @PostMapping("/api/broadcasts")
    ResponseEntity<org.onegrid.notify.Broadcasts.Broadcast> announce(
            @RequestBody(required = false) org.onegrid.notify.Broadcasts.NewBroadcast body, StaffMember me) {
        return ResponseEntity.status(org.springframework.http.HttpStatus.CREATED).body(broadcasts.announce(body, me));
    }

    @GetMapping("/api/broadcasts")
    List<org.onegrid.notify.Broadcasts.Broadcast> recentBroadcasts(@RequestParam(defaultValue = "50") int limit) {
        return broadcasts.recent(limit);
    }

    @GetMapping("/api/notifications")
    Map<String, Object> mine(StaffMember me, @RequestParam(defaultValue = "50") int limit) {
        return Map.of("unread", outbox.unread(me), "items", outbox.inbox(me, limit));
    }

    @PostMapping("/api/notifications/{id}/read")
    ResponseEntity<Void> read(@PathVariable long id, StaffMember me) {
        outbox.markRead(id, me);
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/api/notifications/failed")
    List<Outbox.Message> failed(StaffMember me, @RequestParam(defaultValue = "100") int limit) {
        return outbox.failed(me, limit);
    }

    @PostMapping("/api/notifications/{id}/resend")
    Outbox.Message resend(@PathVariable long id, StaffMember me) {
        return outbox.resend(id, me);
    }

    record OptOut(String phone) {
    }

    /** A resident asks for no more SMS, proving the case is theirs with its code and their phone's last four digits. */
    @PostMapping("/api/public/cases/{code}/sms-opt-out")
    ResponseEntity<Void> optOut(@PathVariable String code, @RequestBody(required = false) OptOut body) {
        outbox.optOutOfSms(residents.reportersCaseId(code, body == null ? null : body.phone()));
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/api/me/contact")
    Outbox.Contact contact(StaffMember me) {
        return outbox.contact(me.id());
    }

    @PutMapping("/api/me/contact")
    Outbox.Contact setContact(@RequestBody(required = false) ContactBody body, StaffMember me) {
        return outbox.setContact(me.id(), body == null ? null : body.email(), body == null ? null : body.channels(),
                body == null ? null : body.events());
    }
}
