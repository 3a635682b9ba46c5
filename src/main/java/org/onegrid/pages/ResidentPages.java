package org.onegrid.pages;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.onegrid.cases.CasePhotos;
import org.onegrid.cases.CaseIntake;
import org.onegrid.cases.ResidentDesk;
import org.onegrid.cases.PhotoCheck;
import org.onegrid.errors.ApiProblemException;
import org.onegrid.errors.Refusal;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The residents' pages (居民端), without an account: submit a request with a photo and the
 * location, get a tracking code, look the case up by code and phone digits, rate it once it is
 * resolved. Submissions count against the per-address limit.
 */
@Controller
class ResidentPages {

    /** A resident's request as typed. */
    record SubmitForm(String title, String description, String reporterName, String reporterPhone, String address,
                      String lat, String lng, String submissionKey) {

        static SubmitForm blank() {
            return new SubmitForm(null, null, null, null, null, null, null, UUID.randomUUID().toString());
        }
    }

    /** A look-up, and the rating given with it. */
    record TrackForm(String code, String phone, String stars, String note) {
    }

    private final ResidentDesk cases;
    private final CasePhotos photos;
    private final org.onegrid.notify.Outbox outbox;

    ResidentPages(ResidentDesk cases, CasePhotos photos, org.onegrid.notify.Outbox outbox) {
        this.outbox = outbox;
        this.cases = cases;
        this.photos = photos;
    }

    @GetMapping({"/public", "/public/"})
    String form(Model model) {
        model.addAttribute("form", SubmitForm.blank());
        return "public/submit";
    }

    @PostMapping("/public/submit")
    String submit(@ModelAttribute("form") SubmitForm form, @RequestParam(name = "photo", required = false) MultipartFile photo,
                  Model model, RedirectAttributes flash) {
        Map<String, String> errors = new HashMap<>();
        PhotoUpload.Placed placed = PhotoUpload.readPlaced(photos.check(), photo, form.lat(), form.lng(), errors);
        Optional<PhotoCheck.Checked> checked = placed.photo();
        Double lat = placed.lat();
        Double lng = placed.lng();
        if (errors.isEmpty()) {
            try {
                CaseIntake.IntakeResult result = cases.receiveFromResident(new ResidentDesk.ResidentReport(form.title(),
                        form.description(), lat, lng, form.address(), form.reporterName(), form.reporterPhone()),
                        form.submissionKey());
                if (!result.replayed()) {
                    checked.ifPresent(p -> photos.addFromReporter(result.details().id(), p));
                }
                flash.addFlashAttribute("code", result.details().code());
                return "redirect:/public/submitted";
            } catch (ApiProblemException | Refusal refused) {
                FormErrors.collect(refused, errors);
            }
        }
        model.addAttribute("errors", errors);
        return "public/submit";
    }

    @GetMapping("/public/submitted")
    String submitted(Model model) {
        return model.containsAttribute("code") ? "public/submitted" : "redirect:/public/track";
    }

    @GetMapping("/public/track")
    String trackForm(@RequestParam(required = false) String code, Model model) {
        model.addAttribute("form", new TrackForm(code, null, null, null));
        return "public/track";
    }

    @PostMapping("/public/track")
    String track(@ModelAttribute("form") TrackForm form, Model model) {
        try {
            show(model, cases.lookUp(form.code(), form.phone()));
        } catch (ApiProblemException | Refusal refusal) {
            ApiProblemException refused = ApiProblemException.of(refusal);
            FormErrors.show(model, refused);
            if (refused.status() == HttpStatus.NOT_FOUND) {
                model.addAttribute("formProblem", "not-found");
            }
        }
        return "public/track";
    }

    /** No more SMS to the phone this case was reported with. */
    @PostMapping("/public/sms-opt-out")
    String optOut(@ModelAttribute("form") TrackForm form, Model model) {
        try {
            outbox.optOutOfSms(cases.reportersCaseId(form.code(), form.phone()));
            model.addAttribute("optedOut", true);
        } catch (ApiProblemException | Refusal refusal) {
            // shown as the look-up shows it
        }
        return track(form, model);
    }

    /** Rates the case; a refused rating shows its reason on the case as it stands. */
    @PostMapping("/public/rate")
    String rate(@ModelAttribute("form") TrackForm form, Model model) {
        Map<String, String> errors = new HashMap<>();
        Double stars = FormErrors.number("stars", form.stars(), errors);
        if (!errors.isEmpty()) {
            model.addAttribute("errors", errors);
            return track(form, model);
        }
        try {
            show(model, cases.rateByReporter(form.code(), form.phone(), stars == null ? null : stars.intValue(),
                    form.note()));
            model.addAttribute("thanks", true);
            return "public/track";
        } catch (ApiProblemException | Refusal refusal) {
            ApiProblemException refused = ApiProblemException.of(refusal);
            if (refused.status() != HttpStatus.NOT_FOUND) {
                FormErrors.show(model, refused);
            }
            return track(form, model);
        }
    }

    /** The case as its reporter sees it, with the text messages sent about it. */
    private void show(Model model, ResidentDesk.PublicStatus status) {
        model.addAttribute("status", status);
        model.addAttribute("rateable", status.rateable());
        model.addAttribute("messages", outbox.residentMessages(status.code()));
    }
}
