package org.onegrid.notify;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** Runs the outbox: folds new timeline entries into messages, then sends what is due. */
@Component
class OutboxWorker {

    private static final Logger log = LoggerFactory.getLogger(OutboxWorker.class);

    private final Outbox outbox;
    private final org.onegrid.cases.CaseStatistics statistics;
    private final java.time.Duration dueSoon;
    private final org.onegrid.gridwork.DutyRota duty;
    private final org.onegrid.gridwork.Patrols patrols;
    private final org.onegrid.assessment.DashboardFigures figures;
    private final java.time.Duration patrolGap;

    OutboxWorker(Outbox outbox, org.onegrid.cases.CaseStatistics statistics, org.onegrid.gridwork.DutyRota duty,
                 org.onegrid.gridwork.Patrols patrols, org.onegrid.assessment.DashboardFigures figures,
                 @org.springframework.beans.factory.annotation.Value("${onegrid.notify.due-soon:PT2H}") java.time.Duration dueSoon,
                 @org.springframework.beans.factory.annotation.Value("${onegrid.notify.patrol-gap:P2D}") java.time.Duration patrolGap) {
        this.outbox = outbox;
        this.statistics = statistics;
        this.dueSoon = dueSoon;
        this.duty = duty;
        this.patrols = patrols;
        this.figures = figures;
        this.patrolGap = patrolGap;
    }

    /** Deadline reminders, once a minute (each once per case and deadline). */
    @Scheduled(fixedDelayString = "${onegrid.notify.remind-every:PT1M}", initialDelayString = "${onegrid.notify.remind-every:PT1M}")
    @net.javacrumbs.shedlock.spring.annotation.SchedulerLock(name = "notify-reminders", lockAtMostFor = "PT2M")
    void remind() {
        try {
            outbox.remind(dueSoon);
            outbox.remindShifts(duty, dueSoon);
        } catch (RuntimeException e) {
            log.warn("The deadline reminders stopped and will try again: {}", org.onegrid.errors.LogSafe.text(e.getMessage()));
        }
    }

    /** The district leaders' morning digest (08:30 in the district's time zone unless set). */
    @Scheduled(cron = "${onegrid.notify.digest-cron:0 30 8 * * *}", zone = "${onegrid.calendar.zone:Asia/Shanghai}")
    @net.javacrumbs.shedlock.spring.annotation.SchedulerLock(name = "notify-digest", lockAtMostFor = "PT30M", lockAtLeastFor = "PT1M")
    void digest() {
        try {
            outbox.digest(digestFigures());
        } catch (RuntimeException e) {
            log.warn("The morning digest failed and waits for tomorrow: {}", org.onegrid.errors.LogSafe.text(e.getMessage()));
        }
    }

    /** Yesterday's received, resolved and on-time rate, this month's satisfaction, the open overdue cases. */
    Outbox.DigestFigures digestFigures() {
        java.time.LocalDate today = figures.today();
        org.onegrid.assessment.Figures yesterday = figures.district(new org.onegrid.assessment.AssessmentService.Period(
                today.minusDays(1), today));
        org.onegrid.assessment.Figures month = figures.district(figures.monthPeriod());
        return new Outbox.DigestFigures(yesterday.received(), yesterday.resolved(), yesterday.onTimeResolutionRate(),
                month.satisfactionRate(), statistics.openOverdue());
    }

    /** Grid workers who have not patrolled for {@code onegrid.notify.patrol-gap} (two days), on working mornings. */
    @Scheduled(cron = "${onegrid.notify.patrol-reminder-cron:0 0 9 * * *}", zone = "${onegrid.calendar.zone:Asia/Shanghai}")
    @net.javacrumbs.shedlock.spring.annotation.SchedulerLock(name = "notify-patrol-reminders", lockAtMostFor = "PT30M", lockAtLeastFor = "PT1M")
    void remindPatrols() {
        try {
            outbox.remindPatrols(patrols, patrolGap);
        } catch (RuntimeException e) {
            log.warn("The patrol reminders failed and wait for tomorrow: {}", org.onegrid.errors.LogSafe.text(e.getMessage()));
        }
    }

    @Scheduled(fixedDelayString = "${onegrid.notify.every:PT2S}", initialDelayString = "${onegrid.notify.every:PT2S}")
    @net.javacrumbs.shedlock.spring.annotation.SchedulerLock(name = "notify-fold-and-send", lockAtMostFor = "PT30S")
    void run() {
        try {
            while (outbox.fold() == Outbox.FOLD_BATCH) {
                // a backlog: read on until the feed is caught up
            }
            while (outbox.deliverDue() > 0) {
                // keep going while a batch sends something
            }
        } catch (RuntimeException e) {
            log.warn("The outbox run stopped and will try again: {}", org.onegrid.errors.LogSafe.text(e.getMessage()));
        }
    }
}
