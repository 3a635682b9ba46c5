package org.onegrid.ledger;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import org.onegrid.audit.AuditLog;
import org.onegrid.cases.CaseFilter;
import org.onegrid.cases.CaseViews;
import org.onegrid.directory.StaffMember;
import org.onegrid.errors.ApiProblemException;
import org.onegrid.security.PersonalDataPolicy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSource;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;

/**
 * Case list exports as jobs: a request names the list's filter, the format and at most how many
 * rows; the job writes them in the background (two at a time; more wait their turn), counting
 * rows so that the page can show progress, and keeps the file for an hour for the one who asked.
 * Only the viewer's own data scope is exported. Personal data (reporter's name and phone) is
 * left out unless asked for with a purpose by a role that may see it; every export is written
 * to the audit log with its filter, row count and, if any, that purpose.
 */
@Service
public class ExportService {

    private static final Logger log = LoggerFactory.getLogger(ExportService.class);
    public static final long MAX_ROWS = 1_000_000;
    private static final Duration KEEP = Duration.ofHours(1);

    public enum State { QUEUED, RUNNING, DONE, FAILED }

    /** What to export: the case list's filter (paging ignored), the format, a row limit, personal data or not. */
    public record Request(TableWriter.Format format, CaseFilter filter, long limit, boolean personalData, String purpose,
                          Locale locale) {
    }

    /** An export as its owner sees it. */
    public record Status(String id, State state, long rows, long total, Integer percent, TableWriter.Format format,
                         Instant startedAt, Instant finishedAt, String error) {
    }

    private final class Job {
        final String id = UUID.randomUUID().toString();
        final String owner;
        final Request request;
        final Path file;
        final AtomicLong rows = new AtomicLong();
        volatile long total;
        volatile State state = State.QUEUED;
        volatile Instant startedAt;
        volatile Instant finishedAt;
        volatile String error;

        Job(String owner, Request request) throws IOException {
            this.owner = owner;
            this.request = request;
            this.file = Files.createTempFile(directory, "export-", "." + request.format().extension());
        }

        Status status() {
            long done = rows.get();
            Integer percent = state == State.DONE ? Integer.valueOf(100)
                    : total == 0 ? null : Integer.valueOf((int) Math.min(99, done * 100 / total));
            return new Status(id, state, done, total, percent, request.format(), startedAt, finishedAt, error);
        }
    }

    private final CaseViews cases;
    private final AuditLog audit;
    private final MessageSource messages;
    private final Clock clock;
    private final Path directory;
    private final Map<String, Job> jobs = new ConcurrentHashMap<>();
    private final ExecutorService workers = Executors.newFixedThreadPool(2, r -> {
        Thread t = new Thread(r, "export");
        t.setDaemon(true);
        return t;
    });

    ExportService(CaseViews cases, AuditLog audit, MessageSource messages, Clock clock) throws IOException {
        this.cases = cases;
        this.audit = audit;
        this.messages = messages;
        this.clock = clock;
        this.directory = Files.createTempDirectory("onegrid-exports");
    }

    /** Queues an export of the viewer's cases matching the request; returns its status at once. */
    public Status start(Request request, StaffMember viewer) {
        if (request.limit() < 1 || request.limit() > MAX_ROWS) {
            throw ApiProblemException.invalid("limit", "must be 1 to " + MAX_ROWS);
        }
        if (request.personalData()) {
            if (!PersonalDataPolicy.seesUnmasked(viewer.role())) {
                throw ApiProblemException.forbidden("a " + viewer.role() + " may not export reporters' personal data");
            }
            if (request.purpose() == null || request.purpose().isBlank()) {
                throw ApiProblemException.invalid("purpose", "say why the reporters' personal data is needed");
            }
            if (request.purpose().length() > 500) {
                throw ApiProblemException.invalid("purpose", "must be at most 500 characters");
            }
        }
        Job job;
        try {
            job = new Job(viewer.username(), request);
        } catch (IOException e) {
            throw new IllegalStateException("cannot create an export file", e);
        }
        jobs.put(job.id, job);
        workers.submit(() -> run(job, viewer));
        return job.status();
    }

    private void run(Job job, StaffMember viewer) {
        job.state = State.RUNNING;
        job.startedAt = clock.instant();
        Request r = job.request;
        try (OutputStream out = Files.newOutputStream(job.file);
             TableWriter writer = TableWriter.of(r.format(), out)) {
            job.total = Math.min(r.limit(), cases.count(r.filter(), viewer));
            CaseLedger ledger = new CaseLedger(messages, r.locale(), r.personalData());
            writer.sheet(messages.getMessage("ledger.sheet", null, "ledger", r.locale()), ledger.headers());
            cases.forEachBatch(r.filter(), viewer, r.limit(), batch -> {
                try {
                    for (var c : batch) {
                        writer.row(ledger.row(c));
                    }
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
                job.rows.addAndGet(batch.size());
                return true;
            });
            writer.finish();
        } catch (IOException | RuntimeException e) {
            log.warn("export {} failed", job.id, e);
            job.error = "the export failed; try again or narrow the filter";
            job.state = State.FAILED;
            job.finishedAt = clock.instant();
            return;
        }
        audit.record(viewer.username(), r.personalData() ? "export.cases.personal-data" : "export.cases", "cases",
                job.rows.get() + " rows as " + r.format().extension() + "; filter " + r.filter()
                        + (r.personalData() ? "; purpose: " + r.purpose() : ""));
        job.finishedAt = clock.instant();
        job.state = State.DONE;
    }

    /** The export's status, for the one who asked for it only. */
    public Status status(String id, StaffMember viewer) {
        return job(id, viewer).status();
    }

    /** The finished file, for the one who asked for it only. */
    public Optional<Path> file(String id, StaffMember viewer) {
        Job job = job(id, viewer);
        return job.state == State.DONE ? Optional.of(job.file) : Optional.empty();
    }

    private Job job(String id, StaffMember viewer) {
        Job job = jobs.get(id);
        if (job == null || !job.owner.equals(viewer.username())) {
            throw ApiProblemException.notFound("export", id);
        }
        return job;
    }

    /** Forgets exports finished more than an hour ago and deletes their files. */
    @Scheduled(fixedDelay = 600_000)
    void removeOld() {
        Instant before = clock.instant().minus(KEEP);
        jobs.values().removeIf(job -> {
            if (job.finishedAt != null && job.finishedAt.isBefore(before)) {
                try {
                    Files.deleteIfExists(job.file);
                } catch (IOException e) {
                    log.warn("cannot delete {}", job.file, e);
                }
                return true;
            }
            return false;
        });
    }
}
