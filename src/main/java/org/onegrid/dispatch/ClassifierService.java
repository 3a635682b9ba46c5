package org.onegrid.dispatch;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.onegrid.audit.AuditLog;
import org.onegrid.cases.CaseViews;
import org.onegrid.cases.CategoryAdvisor;
import org.onegrid.catalog.CatalogService;
import org.onegrid.errors.ApiProblemException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;

/**
 * Trains, stores and serves the category classifier (智能分类). A model learns from the
 * deployment's closed cases (the category people finally settled on) plus an optional labelled
 * file whose labels are catalogue codes; each version is stored with its training set size and
 * its scores on a held-out fifth; the newest version serves. Retrains on a schedule.
 */
@Service
public class ClassifierService implements CategoryAdvisor {

    /** A stored model version, without its weights. */
    public record ModelInfo(int version, java.time.Instant trainedAt, String trainedBy, String source, int trainingSize,
                            int holdoutSize, Double accuracy, Double macroF1) {
    }

    private static final Logger log = LoggerFactory.getLogger(ClassifierService.class);
    /** Fewer examples than this make no model worth serving. */
    static final int MIN_EXAMPLES = 30;
    private static final int MAX_CASES = 200_000;
    private static final long LOCK_KEY = 0x0_436C_6173L;

    /** The version serving; its classifier null when it was stored with older features. */
    private record Loaded(int version, CategoryClassifier classifier) {
    }

    private final JdbcClient jdbc;
    private final CaseViews cases;
    private final CatalogService catalog;
    private final AuditLog audit;
    private final org.springframework.transaction.support.TransactionTemplate transactions;
    private final double threshold;
    private volatile Loaded loaded;
    /** A version with older features is being replaced by this instance. */
    private final java.util.concurrent.atomic.AtomicBoolean replacing = new java.util.concurrent.atomic.AtomicBoolean();
    /** When this instance last asked the database for the newest version (nanoTime). */
    private volatile long checkedAt = System.nanoTime() - VERSION_CHECK_NANOS;
    /** How stale this instance's model may be after another instance trains a new one. */
    private static final long VERSION_CHECK_NANOS = java.time.Duration.ofSeconds(30).toNanos();

    ClassifierService(JdbcClient jdbc, CaseViews cases, CatalogService catalog, AuditLog audit,
                      org.springframework.transaction.support.TransactionTemplate transactions,
                      @Value("${onegrid.classifier.auto-dispatch-threshold:0.8}") double threshold) {
        this.jdbc = jdbc;
        this.cases = cases;
        this.catalog = catalog;
        this.audit = audit;
        this.transactions = transactions;
        this.threshold = threshold;
    }

    @Override
    public double autoDispatchThreshold() {
        return threshold;
    }

    @Override
    public List<Suggestion> suggest(String title, String description, int howMany) {
        Loaded current = current();
        if (current == null || current.classifier() == null) {
            return List.of();
        }
        return current.classifier().suggest(title, description).stream().limit(howMany)
                .map(s -> new Suggestion(s.label(), s.confidence(), current.version())).toList();
    }

    public List<ModelInfo> models() {
        return jdbc.sql("""
                SELECT version, trained_at, trained_by, source, training_size, holdout_size, accuracy, macro_f1
                FROM classifier_model ORDER BY version DESC
                """).query((rs, i) -> new ModelInfo(rs.getInt(1), rs.getTimestamp(2).toInstant(), rs.getString(3),
                rs.getString(4), rs.getInt(5), rs.getInt(6), (Double) rs.getObject(7), (Double) rs.getObject(8))).list();
    }

    /**
     * Trains a new version on the closed cases and {@code labelled} (may be empty), scores it on
     * a held-out fifth, trains again on everything, stores it and serves it. One instance at a
     * time (a PostgreSQL advisory lock); returns empty when another is training.
     */
    public Optional<ModelInfo> train(List<LabelledText> labelled, String source, String actor) {
        List<LabelledText> examples = new ArrayList<>(labelled);
        for (CaseViews.TrainingExample e : cases.trainingExamples(MAX_CASES)) {
            examples.add(new LabelledText("case-" + e.id(), e.title(), e.description(), e.categoryCode()));
        }
        examples.removeIf(e -> catalog.category(e.label()).filter(c -> c.isLeaf()).isEmpty());
        if (examples.size() < MIN_EXAMPLES) {
            throw ApiProblemException.conflict("too-few-examples", "Too few examples",
                    examples.size() + " labelled examples with catalogue categories; at least " + MIN_EXAMPLES + " needed");
        }
        Collections.shuffle(examples, new Random(examples.size()));
        int holdout = examples.size() / 5;
        CategoryClassifier trial = CategoryClassifier.train(examples.subList(holdout, examples.size()));
        List<LabelledText> held = examples.subList(0, holdout);
        ClassificationScores scores = ClassificationScores.of(held.stream().map(LabelledText::label).toList(),
                held.stream().map(e -> trial.predict(e.title(), e.text())).toList());
        double accuracy = scores.accuracy();
        double f1 = scores.macroF1();
        CategoryClassifier model = CategoryClassifier.train(examples);
        byte[] bytes = model.toBytes();
        Integer version = transactions.execute(tx -> {
            if (!jdbc.sql("SELECT pg_try_advisory_xact_lock(?)").param(LOCK_KEY).query(Boolean.class).single()) {
                return null;
            }
            int next = jdbc.sql("SELECT coalesce(max(version), 0) + 1 FROM classifier_model").query(Integer.class).single();
            jdbc.sql("""
                    INSERT INTO classifier_model (version, trained_by, source, training_size, holdout_size, accuracy, macro_f1, model)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                    """).params(next, actor, source, examples.size(), holdout, accuracy, f1, bytes).update();
            return next;
        });
        if (version == null) {
            return Optional.empty();
        }
        loaded = new Loaded(version, model);
        checkedAt = System.nanoTime();
        audit.record(actor, "classifier.train", "classifier v" + version, examples.size() + " examples from " + source
                + String.format(", held-out accuracy %.4f, macro-F1 %.4f", accuracy, f1));
        log.info("Classifier v{} trained on {} examples: held-out accuracy {} macro-F1 {}", version, examples.size(),
                accuracy, f1);
        return models().stream().filter(m -> m.version() == version).findFirst();
    }

    /**
     * Withdraws a version (a model that dispatches badly); the one before it serves again, or
     * none. Takes effect at once here and within 30 s on other instances.
     */
    public void withdraw(int version, String actor) {
        if (jdbc.sql("DELETE FROM classifier_model WHERE version = ?").param(version).update() == 0) {
            throw ApiProblemException.notFound("classifier version", version);
        }
        audit.record(actor, "classifier.withdraw", "classifier v" + version, "withdrawn");
        loaded = null;
        checkedAt = System.nanoTime() - VERSION_CHECK_NANOS;
    }

    /** Finds, at start, a newest version stored with older features (and so replaces it). */
    @org.springframework.context.event.EventListener(org.springframework.boot.context.event.ApplicationReadyEvent.class)
    void checkStoredModel() {
        current();
    }

    /**
     * A version stored with older text features (by an earlier release) cannot score messages;
     * rather than leave intake without suggestions until the weekly retraining, one is trained
     * now on the closed cases, in the background, unless a newer version appears meanwhile.
     */
    private void replaceInBackground(int stale) {
        if (!replacing.compareAndSet(false, true)) {
            return;
        }
        Thread worker = new Thread(() -> {
            try {
                Integer newest = newestVersion();
                if (newest != null && newest == stale) {
                    train(List.of(), "closed cases (v" + stale + " had older features)", "system:classifier");
                }
            } catch (ApiProblemException tooFew) {
                log.info("Classifier v{} not replaced: {}", stale, tooFew.getMessage());
            } catch (RuntimeException failed) {
                log.warn("Classifier v{} not replaced", stale, failed);
            } finally {
                replacing.set(false);
            }
        }, "classifier-replace");
        worker.setDaemon(true);
        worker.start();
    }

    /** The newest stored version, or null when none is stored. */
    private Integer newestVersion() {
        return jdbc.sql("SELECT max(version) FROM classifier_model").query(Integer.class).optional().orElse(null);
    }

    /** Weekly by default; a deployment with no closed cases yet simply has no model. */
    @Scheduled(cron = "${onegrid.classifier.retrain-cron:0 0 3 * * SUN}")
    @net.javacrumbs.shedlock.spring.annotation.SchedulerLock(name = "classifier-retrain", lockAtMostFor = "PT1H", lockAtLeastFor = "PT1M")
    void retrain() {
        try {
            train(List.of(), "closed cases (scheduled)", "system:classifier");
        } catch (ApiProblemException tooFew) {
            log.info("Classifier not retrained: {}", tooFew.getMessage());
        }
    }

    /**
     * The newest stored version, read from the database at most every 30 s, not on every intake;
     * a version trained on this instance serves at once.
     */
    private Loaded current() {
        Loaded current = loaded;
        long now = System.nanoTime();
        if (now - checkedAt < VERSION_CHECK_NANOS) {
            return current;
        }
        checkedAt = now;
        Integer newest = newestVersion();
        if (newest == null) {
            return null;
        }
        if (current == null || current.version() != newest) {
            byte[] bytes = jdbc.sql("SELECT model FROM classifier_model WHERE version = ?").param(newest)
                    .query(byte[].class).single();
            CategoryClassifier model = CategoryClassifier.fromBytes(bytes).orElse(null);
            if (model == null) {
                log.warn("Classifier v{} was stored with older text features and is not used; retraining on the "
                        + "closed cases", newest);
                replaceInBackground(newest);
            }
            current = new Loaded(newest, model);
            loaded = current;
        }
        return current;
    }
}
