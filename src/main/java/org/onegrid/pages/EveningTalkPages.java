package org.onegrid.pages;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.onegrid.calendar.CalendarService;
import org.onegrid.directory.StaffMember;
import org.onegrid.errors.ApiProblemException;
import org.onegrid.errors.Refusal;
import org.onegrid.eveningtalks.EveningTalks;
import org.onegrid.grid.GridLevel;
import org.onegrid.grid.GridNode;
import org.onegrid.grid.GridService;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Village evening talks on the pages: the village secretary's desk (/talks: plan a meeting, its
 * agenda with the village's open matters, the notice, the opening report on the last meeting's
 * items, each topic's decision, the minutes); a village's public page (/public/talks: the
 * meeting announced, raise a topic, how the last meeting's items stand); a grid worker raising a
 * topic from the phone (/m/talks).
 */
@Controller
class EveningTalkPages {

    private final EveningTalks talks;
    private final GridService grids;
    private final CalendarService calendars;
    private final Clock clock;

    EveningTalkPages(EveningTalks talks, GridService grids, CalendarService calendars, Clock clock) {
        this.talks = talks;
        this.grids = grids;
        this.calendars = calendars;
        this.clock = clock;
    }

    private ZoneId zone() {
        return calendars.calendar().zone();
    }

    private static String back(String community, Long talk) {
        String query = community != null && community.matches("\\d{12}") ? "?community=" + community : "";
        return "redirect:/talks" + query + (talk == null ? "" : (query.isEmpty() ? "?" : "&") + "talk=" + talk);
    }

    // ---- the village secretary's desk -----------------------------------------------------------

    @GetMapping("/talks")
    String desk(@RequestParam(required = false) String community, @RequestParam(required = false) Long talk, StaffMember me,
                Model model) {
        List<GridNode> mine = talks.communitiesOf(me);
        String chosen = community != null && mine.stream().anyMatch(n -> n.code().value().equals(community)) ? community
                : mine.isEmpty() ? null : mine.get(0).code().value();
        model.addAttribute("communities", mine);
        model.addAttribute("community", chosen);
        model.addAttribute("zone", zone());
        model.addAttribute("submissionKey", UUID.randomUUID().toString());
        if (chosen == null) {
            return "talks";
        }
        List<EveningTalks.TalkView> meetings = talks.list(chosen, 20);
        model.addAttribute("meetings", meetings);
        model.addAttribute("waiting", talks.waiting(chosen));
        Optional<EveningTalks.TalkView> open = talk != null
                ? meetings.stream().filter(t -> t.id() == talk).findFirst()
                : meetings.stream().filter(t -> t.heldAt() == null).reduce((later, sooner) -> sooner).or(() -> meetings.stream().findFirst());
        open.ifPresent(t -> {
            EveningTalks.TalkView full = talks.view(t.id());
            model.addAttribute("talk", full);
            model.addAttribute("progress", talks.progress(t.id()));
            model.addAttribute("decided", talks.itemsOfTalk(t.id()));
            model.addAttribute("begun", !clock.instant().isBefore(full.startsAt()));
            if (full.heldAt() == null) {
                model.addAttribute("openMatters", talks.openMatters(chosen, 10).stream()
                        .filter(c -> full.topics().stream().noneMatch(tp -> Long.valueOf(c.id()).equals(tp.openCaseId()))).toList());
                model.addAttribute("units", talks.forwardUnits(chosen));
                model.addAttribute("today", LocalDate.now(clock.withZone(zone())));
            }
        });
        return "talks";
    }

    @PostMapping("/talks")
    String plan(@RequestParam Map<String, String> typed, StaffMember me, RedirectAttributes flash) {
        Map<String, String> errors = new HashMap<>();
        Instant starts = FormErrors.parsed("startsAt", typed.get("startsAt"),
                t -> LocalDateTime.parse(t).atZone(zone()).toInstant(), "a date and time", errors);
        String community = typed.get("communityCode");
        try {
            if (errors.isEmpty()) {
                EveningTalks.TalkView t = talks.plan(new EveningTalks.NewTalk(community, starts, typed.get("place"),
                        typed.get("host")), me, IntakePages.blankToNull(typed.get("submissionKey")));
                flash.addFlashAttribute("done", "planned");
                return back(t.communityCode(), t.id());
            }
        } catch (ApiProblemException | Refusal refusal) {
            FormErrors.collect(refusal, errors);
        }
        flash.addFlashAttribute("errors", errors);
        return back(community, null);
    }

    @PostMapping("/talks/topics")
    String raise(@RequestParam Map<String, String> typed, StaffMember me, RedirectAttributes flash) {
        String community = typed.get("communityCode");
        FormErrors.attempt(new HashMap<>(), flash, "raised", () -> talks.raise(new EveningTalks.NewTopic(community, typed.get("title"),
                IntakePages.blankToNull(typed.get("detail")), null, null), me, IntakePages.blankToNull(typed.get("submissionKey"))));
        return back(community, null);
    }

    @PostMapping("/talks/{id}/open-matters")
    String openMatter(@PathVariable long id, @RequestParam(required = false) String caseId, StaffMember me,
                      RedirectAttributes flash) {
        EveningTalks.TalkView t = talks.view(id);
        Map<String, String> errors = new HashMap<>();
        Long c = FormErrors.parsed("caseId", caseId, Long::valueOf, "choose a case", errors);
        if (c == null) {
            errors.putIfAbsent("caseId", "choose a case");
        }
        FormErrors.attempt(errors, flash, "raised", () -> talks.raiseOpenMatter(id, c, me));
        return back(t.communityCode(), id);
    }

    @PostMapping("/talks/{id}/notice")
    String notice(@PathVariable long id, StaffMember me, RedirectAttributes flash) {
        EveningTalks.TalkView t = talks.view(id);
        FormErrors.attempt(new HashMap<>(), flash, "noticed", () -> talks.sendNotice(id, me));
        return back(t.communityCode(), id);
    }

    @PostMapping("/talks/topics/{id}/decision")
    String decide(@PathVariable long id, @RequestParam Map<String, String> typed, StaffMember me, RedirectAttributes flash) {
        EveningTalks.TopicView topic = talks.topic(id);
        Map<String, String> errors = new HashMap<>();
        LocalDate due = FormErrors.parsed("dueOn", typed.get("dueOn"), LocalDate::parse, "a date", errors);
        Long unit = FormErrors.parsed("unitId", typed.get("unitId"), Long::valueOf, "choose a unit", errors);
        try {
            if (errors.isEmpty()) {
                EveningTalks.TopicView t = talks.decide(id, new EveningTalks.Decision(IntakePages.blankToNull(typed.get("outcome")),
                        typed.get("action"), typed.get("ownerName"), due, "FORWARDED".equals(typed.get("outcome")) ? unit : null), me);
                flash.addFlashAttribute("done", t.caseCode() == null ? "settled" : "forwarded");
                if (t.caseCode() != null) {
                    flash.addFlashAttribute("caseCode", t.caseCode());
                }
            }
        } catch (ApiProblemException | Refusal refusal) {
            FormErrors.collect(refusal, errors);
        }
        if (!errors.isEmpty()) {
            errors.put("topic", String.valueOf(id));
        }
        flash.addFlashAttribute("errors", errors);
        return back(topic.communityCode(), topic.talkId());
    }

    @PostMapping("/talks/topics/{id}/done")
    String markDone(@PathVariable long id, StaffMember me, RedirectAttributes flash) {
        EveningTalks.TopicView topic = talks.topic(id);
        FormErrors.attempt(new HashMap<>(), flash, "markedDone", () -> talks.markDone(id, me));
        return back(topic.communityCode(), topic.talkId());
    }

    @PostMapping("/talks/{id}/minutes")
    String minutes(@PathVariable long id, @RequestParam(required = false) String attendance,
                   @RequestParam(required = false) String minutes, StaffMember me, RedirectAttributes flash) {
        EveningTalks.TalkView t = talks.view(id);
        Map<String, String> errors = new HashMap<>();
        Integer came = FormErrors.parsed("attendance", attendance, Integer::valueOf, "a number of residents", errors);
        FormErrors.attempt(errors, flash, "minuted", () -> talks.close(id, came, minutes, me));
        return back(t.communityCode(), id);
    }

    // ---- a village's public page ----------------------------------------------------------------

    @GetMapping("/public/talks")
    String village(@RequestParam(required = false) String community, Model model) {
        List<GridNode> villages = grids.list(GridLevel.COMMUNITY, null);
        String chosen = community != null && villages.stream().anyMatch(n -> n.code().value().equals(community)) ? community : null;
        model.addAttribute("communities", villages);
        model.addAttribute("community", chosen);
        model.addAttribute("zone", zone());
        if (!model.containsAttribute("submissionKey")) {
            model.addAttribute("submissionKey", UUID.randomUUID().toString());
        }
        if (chosen != null) {
            model.addAttribute("communityName", grids.node(chosen).map(GridNode::name).orElse(chosen));
            talks.announced(chosen).ifPresent(t -> model.addAttribute("announced", t));
            talks.lastHeld(chosen).ifPresent(t -> {
                model.addAttribute("lastHeld", t);
                model.addAttribute("lastItems", talks.itemsOfTalk(t.id()));
            });
        }
        return "public/talks";
    }

    @PostMapping("/public/talks")
    String raiseAsResident(@RequestParam Map<String, String> typed, Model model) {
        try {
            EveningTalks.TopicView t = talks.raiseAsResident(new EveningTalks.NewTopic(typed.get("communityCode"), typed.get("title"),
                    IntakePages.blankToNull(typed.get("detail")), typed.get("name"), typed.get("phone")),
                    IntakePages.blankToNull(typed.get("submissionKey")));
            model.addAttribute("raised", t);
        } catch (ApiProblemException | Refusal refusal) {
            FormErrors.show(model, refusal);
            model.addAttribute("typed", typed);
            model.addAttribute("submissionKey", typed.get("submissionKey"));
        }
        return village(typed.get("communityCode"), model);
    }

    // ---- a grid worker's phone ------------------------------------------------------------------

    @GetMapping("/m/talks")
    String gridWorker(StaffMember me, Model model) {
        List<GridNode> villages = talks.communitiesOfGridWorker(me);
        model.addAttribute("communities", villages);
        model.addAttribute("zone", zone());
        model.addAttribute("submissionKey", UUID.randomUUID().toString());
        model.addAttribute("waiting", villages.stream().flatMap(v -> talks.waiting(v.code().value()).stream()).toList());
        model.addAttribute("announced", villages.stream().flatMap(v -> talks.announced(v.code().value()).stream()).toList());
        return "m/talks";
    }

    @PostMapping("/m/talks")
    String raiseAsGridWorker(@RequestParam Map<String, String> typed, StaffMember me, RedirectAttributes flash) {
        FormErrors.attempt(new HashMap<>(), flash, "raised", () -> flash.addFlashAttribute("raisedTitle", talks.raise(new EveningTalks.NewTopic(
                typed.get("communityCode"), typed.get("title"), IntakePages.blankToNull(typed.get("detail")), null, null), me,
                IntakePages.blankToNull(typed.get("submissionKey"))).title()));
        return "redirect:/m/talks";
    }
}
