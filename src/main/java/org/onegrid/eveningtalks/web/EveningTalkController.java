package org.onegrid.eveningtalks.web;

import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import org.onegrid.calendar.CalendarService;
import org.onegrid.directory.StaffMember;
import org.onegrid.errors.ApiProblemException;
import org.onegrid.errors.Validation;
import org.onegrid.eveningtalks.EveningTalks;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Village evening talks over HTTP: plan, topics, notice, minutes, progress, figures; a village's public view. */
@RestController
class EveningTalkController {

    record OpenMatter(Long caseId) {
    }

    record Minutes(Integer attendance, String minutes) {
    }

    /** What a village's public page shows: the meeting announced, and how the last one's items stand. */
    record PublicView(String communityCode, Optional<EveningTalks.TalkView> announced, Optional<EveningTalks.TalkView> lastHeld,
                      List<EveningTalks.Item> lastItems) {
    }

    private final EveningTalks talks;
    private final CalendarService calendars;

    EveningTalkController(EveningTalks talks, CalendarService calendars) {
        this.talks = talks;
        this.calendars = calendars;
    }

    @PostMapping("/api/evening-talks")
    ResponseEntity<EveningTalks.TalkView> plan(@RequestBody EveningTalks.NewTalk form, StaffMember me,
                                               @RequestHeader(value = "Idempotency-Key", required = false) String key) {
        return ResponseEntity.status(HttpStatus.CREATED).body(talks.plan(form, me, key));
    }

    @GetMapping("/api/evening-talks")
    List<EveningTalks.TalkView> list(@RequestParam String community) {
        return talks.list(community, 50);
    }

    @GetMapping("/api/evening-talks/{id}")
    EveningTalks.TalkView get(@PathVariable long id) {
        return talks.view(id);
    }

    /** The report the meeting opens with: the items of the village's meeting before it. */
    @GetMapping("/api/evening-talks/{id}/progress")
    EveningTalks.Progress progress(@PathVariable long id) {
        return talks.progress(id);
    }

    @PostMapping("/api/evening-talks/topics")
    ResponseEntity<EveningTalks.TopicView> raise(@RequestBody EveningTalks.NewTopic form, StaffMember me,
                                                 @RequestHeader(value = "Idempotency-Key", required = false) String key) {
        return ResponseEntity.status(HttpStatus.CREATED).body(talks.raise(form, me, key));
    }

    @PostMapping("/api/evening-talks/{id}/open-matters")
    ResponseEntity<EveningTalks.TopicView> openMatter(@PathVariable long id, @RequestBody OpenMatter body, StaffMember me) {
        if (body.caseId() == null) {
            throw ApiProblemException.invalid("caseId", "is required");
        }
        return ResponseEntity.status(HttpStatus.CREATED).body(talks.raiseOpenMatter(id, body.caseId(), me));
    }

    @PostMapping("/api/evening-talks/{id}/notice")
    EveningTalks.TalkView notice(@PathVariable long id, StaffMember me) {
        return talks.sendNotice(id, me);
    }

    @PostMapping("/api/evening-talks/topics/{id}/decision")
    EveningTalks.TopicView decide(@PathVariable long id, @RequestBody EveningTalks.Decision decision, StaffMember me) {
        return talks.decide(id, decision, me);
    }

    @PostMapping("/api/evening-talks/topics/{id}/done")
    EveningTalks.TopicView done(@PathVariable long id, StaffMember me) {
        return talks.markDone(id, me);
    }

    @PostMapping("/api/evening-talks/{id}/minutes")
    EveningTalks.TalkView minutes(@PathVariable long id, @RequestBody Minutes body, StaffMember me) {
        return talks.close(id, body.attendance(), body.minutes(), me);
    }

    /** The month's figures of an area (a village, a town, the district) and of each area below it. */
    @GetMapping("/api/evening-talks/figures")
    List<EveningTalks.Figures> figures(@RequestParam String code, @RequestParam String month) {
        YearMonth m = Validation.requireMonth("month", month);
        ZoneId zone = calendars.calendar().zone();
        if (!code.matches("\\d{6}(\\d{3}(\\d{3})?)?")) {
            throw ApiProblemException.invalid("code", "must be the code of the district, a town or a village");
        }
        Instant from = m.atDay(1).atStartOfDay(zone).toInstant();
        return talks.figuresBelow(code, from, m.plusMonths(1).atDay(1).atStartOfDay(zone).toInstant());
    }

    @GetMapping("/api/evening-talks/topics/by-case/{caseId}")
    ResponseEntity<EveningTalks.TopicView> ofCase(@PathVariable long caseId) {
        return ResponseEntity.of(talks.topicOfCase(caseId));
    }

    // ---- residents, without an account ----------------------------------------------------------

    @GetMapping("/api/public/evening-talks")
    PublicView village(@RequestParam String community) {
        Optional<EveningTalks.TalkView> last = talks.lastHeld(community);
        return new PublicView(community, talks.announced(community), last,
                last.map(t -> talks.itemsOfTalk(t.id())).orElse(List.of()));
    }

    @PostMapping("/api/public/evening-talks/topics")
    ResponseEntity<EveningTalks.TopicView> raiseAsResident(@RequestBody EveningTalks.NewTopic form,
                                                           @RequestHeader(value = "Idempotency-Key", required = false) String key) {
        return ResponseEntity.status(HttpStatus.CREATED).body(talks.raiseAsResident(form, key));
    }
}
