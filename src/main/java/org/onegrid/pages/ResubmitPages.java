package org.onegrid.pages;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Optional;
import org.onegrid.security.PendingForm;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The form kept from an expired session, shown once with a button to send it again. */
@Controller
class ResubmitPages {

    @GetMapping("/resubmit")
    String resubmit(HttpServletRequest request, Model model) {
        Optional<PendingForm> kept = PendingForm.take(request.getSession(false));
        if (kept.isEmpty()) {
            return "redirect:/";
        }
        model.addAttribute("pending", kept.get());
        return "resubmit";
    }
}
