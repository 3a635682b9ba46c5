package org.onegrid.petitions.web;

import java.io.IOException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.onegrid.calendar.CalendarService;
import org.onegrid.directory.StaffMember;
import org.onegrid.errors.ApiProblemException;
import org.onegrid.errors.Validation;
import org.onegrid.petitions.MediationForm;
import org.onegrid.petitions.Petitions;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/** Petitions over HTTP: register, read, regrade, take with a plan, steps, visits, mediation, follow-up, figures, rules. */
@RestController
class PetitionController {

    record Regrade(String grade, String reason) {
    }

    record StepForm(String description, LocalDate dueOn) {
    }

    record Take(String taskForce, List<StepForm> steps) {
    }

    record Report(String report) {
    }

    record Note(String note) {
    }

    record FollowUp(Boolean kept, String note) {
    }

    private final Petitions petitions;
    private final CalendarService calendars;

    PetitionController(Petitions petitions, CalendarService calendars) {
        this.petitions = petitions;
        this.calendars = calendars;
    }

    @PostMapping("/api/petitions")
    ResponseEntity<Petitions.PetitionView> register(@RequestBody Petitions.NewPetition form, StaffMember me,
                                                    @RequestHeader(value = "Idempotency-Key", required = false) String key) {
        return ResponseEntity.status(HttpStatus.CREATED).body(petitions.register(form, me, key));
    }

    @GetMapping("/api/petitions")
    List<Petitions.PetitionView> list(@RequestParam(required = false) String grade, @RequestParam(defaultValue = "false") boolean open,
                                      StaffMember me) {
        if (grade != null && !grade.matches("RED|YELLOW|BLUE")) {
            throw ApiProblemException.invalid("grade", "must be RED, YELLOW or BLUE");
        }
        return petitions.list(grade, open, me);
    }

    @GetMapping("/api/petitions/{id}")
    Petitions.PetitionView get(@PathVariable long id, StaffMember me) {
        return petitions.view(id, me);
    }

    @PostMapping("/api/petitions/{id}/regrade")
    Petitions.PetitionView regrade(@PathVariable long id, @RequestBody Regrade body, StaffMember me) {
        return petitions.regrade(id, body.grade(), body.reason(), me);
    }

    @PostMapping("/api/petitions/{id}/take")
    Petitions.PetitionView take(@PathVariable long id, @RequestBody Take body, StaffMember me) {
        return petitions.take(id, body.taskForce(), body.steps() == null ? null : body.steps().stream()
                .map(s -> s == null ? null : new org.onegrid.petitions.PlanStep(s.description(), s.dueOn())).toList(), me);
    }

    @PostMapping("/api/petitions/steps/{stepId}/report")
    Petitions.PetitionView report(@PathVariable long stepId, @RequestBody Report body, StaffMember me) {
        return petitions.reportStep(stepId, body.report(), me);
    }

    @PostMapping("/api/petitions/{id}/visits")
    ResponseEntity<Petitions.PetitionView> visit(@PathVariable long id, @RequestBody Note body, StaffMember me) {
        return ResponseEntity.status(HttpStatus.CREATED).body(petitions.visit(id, body.note(), Optional.empty(), me));
    }

    /** A mediation's record as a multipart form: its fields and the agreement's scan as {@code agreement}. */
    @PostMapping(value = "/api/petitions/{id}/mediations", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    ResponseEntity<Petitions.PetitionView> mediate(@PathVariable long id, @RequestParam Map<String, String> form,
                                                   @RequestPart(name = "agreement", required = false) MultipartFile agreement,
                                                   StaffMember me) throws IOException {
        return ResponseEntity.status(HttpStatus.CREATED).body(petitions.mediate(id, MediationForm.read(form), agreement == null ? null
                : agreement.getBytes(), agreement == null ? null : agreement.getContentType(), me));
    }

    @PostMapping("/api/petitions/mediations/{mediationId}/follow-up")
    Petitions.PetitionView followUp(@PathVariable long mediationId, @RequestBody FollowUp body, StaffMember me) {
        return petitions.followUp(mediationId, body.kept(), body.note(), me);
    }

    @GetMapping("/api/petitions/mediations/{mediationId}/agreement")
    ResponseEntity<byte[]> agreement(@PathVariable long mediationId, StaffMember me) {
        return petitions.agreement(mediationId, me).map(a -> ResponseEntity.ok().contentType(MediaType.parseMediaType(a.getKey()))
                .body(a.getValue())).orElse(ResponseEntity.notFound().build());
    }

    /** The month's figures by GRADE, UNIT or STREET. */
    @GetMapping("/api/petitions/figures")
    List<Petitions.Figures> figures(@RequestParam String month, @RequestParam(defaultValue = "GRADE") String by) {
        YearMonth m = Validation.requireMonth("month", month);
        ZoneId zone = calendars.calendar().zone();
        Instant from = m.atDay(1).atStartOfDay(zone).toInstant();
        return petitions.figures(by, from, m.plusMonths(1).atDay(1).atStartOfDay(zone).toInstant());
    }

    @GetMapping("/api/petitions/rules")
    List<Map<String, Object>> rules() {
        return petitions.ruleTable();
    }

    @PostMapping("/api/petitions/rules")
    List<Map<String, Object>> addRule(@RequestBody Petitions.RuleForm form, StaffMember me) {
        return petitions.saveRule(null, form, me);
    }

    @PutMapping("/api/petitions/rules/{id}")
    List<Map<String, Object>> saveRule(@PathVariable long id, @RequestBody Petitions.RuleForm form, StaffMember me) {
        return petitions.saveRule(id, form, me);
    }
}
