package org.onegrid.pages;

import org.onegrid.directory.StaffMember;
import org.onegrid.notify.Outbox;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;

/** My notifications (通知): what the bell counts, newest first, each opening its case. */
@Controller
class NotificationPages {

    private final Outbox outbox;

    NotificationPages(Outbox outbox) {
        this.outbox = outbox;
    }

    @GetMapping("/notifications")
    String list(Model model, StaffMember me) {
        model.addAttribute("items", outbox.inbox(me, 100));
        return "notifications";
    }

    /** Messages that failed for good, for dispatchers and administrators to resend (addresses masked). */
    @GetMapping("/notifications/failed")
    String failed(Model model, StaffMember me) {
        model.addAttribute("failed", outbox.failed(me, 200));
        return "notifications-failed";
    }

    @PostMapping("/notifications/failed/{id}/resend")
    String resend(@PathVariable long id, StaffMember me) {
        outbox.resend(id, me);
        return "redirect:/notifications/failed";
    }

    @PostMapping("/notifications/{id}/read")
    String read(@PathVariable long id, StaffMember me) {
        outbox.markRead(id, me);
        return "redirect:/notifications";
    }
}
